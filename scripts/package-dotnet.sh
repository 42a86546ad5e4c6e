#!/usr/bin/env bash
# `npx projen package:dotnet`: the NuGet package where a .NET SDK is (the release workflow sets one up),
# the C# sources only where there is none (these machines), so package-all runs everywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist/dotnet
if command -v dotnet >/dev/null; then
  jsii-pacmak -v --target dotnet
else
  echo "package:dotnet: no .NET SDK on this machine: C# sources only (dist/dotnet), no .nupkg"
  jsii-pacmak -v --code-only --target dotnet
fi
