#!/usr/bin/env bash
# npm run test:agent: build the image agent (agent/, Go) for windows/amd64 and linux/amd64 into
# agent/bin/, print their sizes, then run its Go tests (both platforms' code paths) against moto_server
# from the project's Python venv, on 127.0.0.1 and a free port. Needs Go (not part of npm run build).
set -euo pipefail
cd "$(dirname "$0")/.."
venv_bin=$(bash scripts/python-env.sh)
export MOTO_SERVER="$venv_bin/moto_server"
# The go.sum pins every module; use the Go installed here rather than fetching another toolchain.
export GOFLAGS=-mod=readonly GOTOOLCHAIN=local CGO_ENABLED=0
cd agent
mkdir -p bin
for os in linux windows; do
  ext=""
  [ "$os" = windows ] && ext=".exe"
  out="bin/appstream-image-agent-$os-amd64$ext"
  GOOS=$os GOARCH=amd64 go build -trimpath -ldflags='-s -w' -o "$out" ./cmd/appstream-image-agent
  echo "$out: $(stat -c %s "$out") bytes, $(gzip -9 -c "$out" | wc -c) gzipped"
done
go vet ./...
go test -count=1 "$@" ./...
