#!/usr/bin/env bash
# Type-check lib/ against the oldest aws-cdk-lib that package.json's peer range allows, so the
# stated minimum stays true (the build itself compiles against the newer dev version).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
min=$(node -p "require('./package.json').peerDependencies['aws-cdk-lib'].replace(/^[\^~>=]+/, '')")
constructs=$(node -p "require('./package.json').peerDependencies['constructs'].replace(/^[\^~>=]+/, '')")
dir="$root/node_modules/.cache/min-cdk/$min"
if [ ! -f "$dir/node_modules/aws-cdk-lib/package.json" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && echo '{"private":true}' > package.json \
    && npm install --no-audit --no-fund --ignore-scripts --loglevel=error "aws-cdk-lib@$min" "constructs@$constructs" >/dev/null)
fi
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "$root/tsconfig.json",
  "compilerOptions": {
    "noEmit": true,
    "typeRoots": ["$root/node_modules/@types"],
    "paths": {
      "aws-cdk-lib": ["$dir/node_modules/aws-cdk-lib"],
      "aws-cdk-lib/*": ["$dir/node_modules/aws-cdk-lib/*"],
      "constructs": ["$dir/node_modules/constructs"]
    }
  },
  "include": ["$root/lib/**/*.ts"]
}
JSON
npx tsc -p "$dir/tsconfig.json"
echo "lib/ type-checks against aws-cdk-lib $min and constructs $constructs (the peer minimums)"
