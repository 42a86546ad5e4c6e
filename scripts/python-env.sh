#!/usr/bin/env bash
# The project-local Python environment: `bash scripts/python-env.sh` makes .cache/python (a venv) on
# first use from scripts/requirements-dev.txt, reinstalls it when that file changes, and prints the
# venv's bin directory. Tools then run as "$(bash scripts/python-env.sh)/cfn-lint" or by putting that
# directory first on PATH. Needs only python3 (3.10 or newer) and the PyPI registry.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.cache/python
requirements=scripts/requirements-dev.txt
stamp=$venv/.requirements
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$stamp"; then
  echo "python-env: installing $requirements into $venv (first use, or the file changed)" >&2
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$requirements" >&2
  cp "$requirements" "$stamp"
fi
echo "$PWD/$venv/bin"
