#!/usr/bin/env bash
# The image pipeline's state machine, validated and executed offline: `bash scripts/test-pipeline.sh 22.23.3`
# (the `test:pipeline` task passes the Node version). Synthesizes the test pipeline (test/pipeline/synth.ts),
# validates its definition with asl-validator, then runs every scenario of test/pipeline/scenarios.py on
# moto's Step Functions engine and on aws-local-stepfunctions (under Node >= 22, npm's node package cached
# in .cache/node<major>/), both against the botocore-validated fake AppStream (test/pipeline/fake_aws.py).
# Writes test-reports/pipeline/; exits 1 on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?give the Node version for aws-local-stepfunctions, such as 22.23.3}
major=${version%%.*}
prefix=.cache/node$major
node=$prefix/node_modules/.bin/node
if [ "$("$node" --version 2>/dev/null)" != "v$version" ]; then
  echo "installing node@$version into $prefix"
  rm -rf "$prefix" && mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "node@$version" >/dev/null
fi
python_bin=$(bash scripts/python-env.sh)
out=test-reports/pipeline
mkdir -p "$out"
npx ts-node --transpile-only --project tsconfig.dev.json test/pipeline/synth.ts "$out/definition.json"
"$python_bin/python" -c 'import json, sys; json.dump(json.load(open(sys.argv[1]))["definition"], open(sys.argv[2], "w"))' \
  "$out/definition.json" "$out/asl.json"
npx asl-validator --json-path "$out/asl.json"
"$python_bin/python" test/pipeline/run.py "$out/definition.json" "$node" "$out/results.json" 2> "$out/engines.log" \
  || { echo "engine run failed; moto's log: $out/engines.log"; exit 1; }
# The recipe source (ImageSource.recipe): its own pipeline, synthesized, validated and run on both engines
# with the fake's image builders and stand-in agent (test/pipeline/run_recipe.py).
npx ts-node --transpile-only --project tsconfig.dev.json test/pipeline/synth-recipe.ts "$out/recipe-definition.json"
"$python_bin/python" -c 'import json, sys; json.dump(json.load(open(sys.argv[1]))["definition"], open(sys.argv[2], "w"))' \
  "$out/recipe-definition.json" "$out/recipe-asl.json"
npx asl-validator --json-path "$out/recipe-asl.json"
"$python_bin/python" test/pipeline/run_recipe.py "$out/recipe-definition.json" "$node" "$out/recipe-results.json" 2> "$out/recipe-engines.log" \
  || { echo "recipe engine run failed; moto's log: $out/recipe-engines.log"; exit 1; }
