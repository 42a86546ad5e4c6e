#!/usr/bin/env bash
# The project-local Python environment: `bash scripts/python-env.sh` makes .cache/python (a venv) on
# first use from scripts/requirements-dev.txt, reinstalls it when that file changes, and prints the
# venv's bin directory. Tools then run as "$(bash scripts/python-env.sh)/cfn-lint" or by putting that
# directory first on PATH. Needs only python3 (3.10 or newer) and the PyPI registry.
#
# CDK_APPSTREAM_PYTHON_BIN, when set, is printed as it is: the mutation tasks set it to this checkout's venv
# (made or checked by this script first), so the tests in Stryker's sandbox copy, which has no .cache,
# use it rather than install another.
set -euo pipefail
if [ -n "${CDK_APPSTREAM_PYTHON_BIN:-}" ]; then
  echo "$CDK_APPSTREAM_PYTHON_BIN"
  exit 0
fi
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
