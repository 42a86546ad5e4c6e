#!/usr/bin/env bash
# The vitest suite under other Node versions: `bash scripts/test-node-versions.sh 22.23.3 24.21.0`
# (the `test:node-versions` task passes the versions of projenrc/languages.ts). Each Node comes from
# npm's `node` package, which ships the binary, installed once into .cache/node<major>/.
# Prints "node <version>: N passed, N failed" per version; exits 1 if any run fails or runs no test.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
for version in "$@"; do
  major=${version%%.*}
  prefix=.cache/node$major
  node=$prefix/node_modules/.bin/node
  if [ "$("$node" --version 2>/dev/null)" != "v$version" ]; then
    echo "installing node@$version into $prefix"
    rm -rf "$prefix" && mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "node@$version" >/dev/null \
      || { echo "node $version: could not install node@$version from npm"; status=1; continue; }
  fi
  report=test-reports/vitest-node$major.json
  rm -f "$report"
  start=$(date +%s)
  echo "=== vitest under node $("$node" --version)"
  # Through vitest's own entry point, so vitest and its workers run on this node binary, not on PATH's.
  "$node" node_modules/vitest/vitest.mjs run --reporter=default --reporter=json --outputFile.json="$report"
  rc=$?
  if [ -f "$report" ]; then
    counts=$("$node" -e 'const r = require(process.argv[1]); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`); process.exit(r.numFailedTests === 0 && r.numTotalTests > 0 ? 0 : 1)' "$PWD/$report") || rc=1
  else
    counts="no report"; rc=1
  fi
  echo "node $version: $counts ($(( $(date +%s) - start )) s)"
  [ "$rc" -eq 0 ] || status=1
done
exit $status
