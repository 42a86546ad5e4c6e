#!/usr/bin/env bash
# `npm run mutation:parts [PART...]`: the run of `npm run mutation` (stryker.config.json: every
# hand-written file of lib/ but the boundary), in four parts, each a Stryker run of its own with its own
# incremental file (reports/mutation/<part>-incremental.json) and report (reports/mutation/<part>.json),
# then one score line over all four. On two cores the whole run takes hours; a part that finishes is kept,
# so a run stopped halfway loses only the part it was in, and the next run retests only what changed.
# Give part names to run only those (the score line still reads every part's last report).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=reports/mutation
# The pipeline's sources: their mutants run the engine scenarios (test/pipeline-engines.test.ts).
pipeline='lib/image-pipeline.ts,lib/image-recipe.ts,lib/image-component.ts,lib/image-source.ts,lib/private/recipe-source.ts,lib/private/pipeline-copy-tags.ts,lib/private/pipeline-retry.ts,lib/private/rules/recipe-source.ts,lib/private/fleet-scaling.ts,lib/private/fleet-metrics.ts'
not() { echo "$1" | sed 's/\(^\|,\)/\1!/g'; }
declare -A parts=(
  [constructs-1]='lib/[a-e]*.ts'
  [constructs-2]="lib/[f-z]*.ts,$(not "$pipeline")"
  [private]="lib/private/**/*.ts,!lib/**/*.generated.ts,!lib/private/boundary.ts,!lib/private/boundary-apply.ts,$(not "$pipeline")"
  [pipeline]="$pipeline"
)
order=(constructs-1 constructs-2 private pipeline)
run=("$@")
[ ${#run[@]} -gt 0 ] || run=("${order[@]}")
mkdir -p "$dir"
for part in "${run[@]}"; do
  [ -n "${parts[$part]:-}" ] || { echo "mutation:parts: no part '$part' (parts: ${order[*]})" >&2; exit 1; }
  echo "mutation:parts: $part (${parts[$part]})"
  npx stryker run --mutate "${parts[$part]}" --incrementalFile "$dir/$part-incremental.json"
  cp "$dir/mutation.json" "$dir/$part.json"
done
reports=()
for part in "${order[@]}"; do
  if [ -f "$dir/$part.json" ]; then
    reports+=("$dir/$part.json")
  else
    echo "mutation:parts: part $part has no report yet: the score below leaves its files out"
  fi
done
npx ts-node --transpile-only --project tsconfig.dev.json scripts/mutation-summary.ts "${reports[@]}"
