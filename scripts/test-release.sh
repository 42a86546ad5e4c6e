#!/usr/bin/env bash
# What a release would publish, checked as the registries would check it, without credentials
# (`npx projen test:release`, after `npx projen package-all`; .ci/run runs it after test:languages):
#
#   npm      npm publish --dry-run of the tarball in dist/js (what publib-npm uploads)
#   PyPI     twine check --strict of the wheel and the sdist in dist/python (the project venv's twine)
#   Maven    the bundle in dist/java holds the jar, the sources and javadoc jars and a pom with a name,
#            description, URL, licence, SCM and developers: what Maven Central refuses a bundle without
#            (the signatures are made by publib-maven at release time, with the release's GPG key)
#   Go       dist/go's go.mod names the module of the README's Install table, and `go vet` passes
#   API      jsii-diff of this assembly against the last release's once there is one (failing on a
#            breaking change to a stable API); until then against the previous commit's, reported only
#
# NuGet is not checked: these machines have no .NET SDK, so package-all writes the C# sources only.
# Prints one line per check and "test:release: N passed, N failed"; exits 1 if any check failed.
set -uo pipefail
cd "$(dirname "$0")/.."

PACKAGE=cdk-appstream
PY_DIST=cdk_appstream
MAVEN_DIR=dist/java/io/github/cdk-appstream/cdk-appstream
GO_MODULE=github.com/cdk-appstream/cdk-appstream-go/cdkappstream

passed=0
failed=0
pass() { echo "test:release: PASS $*"; passed=$((passed + 1)); }
fail() { echo "test:release: FAIL $*"; failed=$((failed + 1)); }
note() { echo "test:release: NOTE $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- npm ---------------------------------------------------------------------------------------------
tarball=$(ls dist/js/"$PACKAGE"@*.jsii.tgz 2>/dev/null | head -1)
if [ -z "$tarball" ]; then
  fail "npm: no dist/js/$PACKAGE@*.jsii.tgz (run npx projen package-all first)"
else
  contents=$(tar -tzf "$tarball")
  missing=""
  for f in package/package.json package/.jsii package/README.md package/LICENSE package/build/index.js package/build/index.d.ts; do
    grep -qx "$f" <<<"$contents" || missing="$missing ${f#package/}"
  done
  stray=$(grep -E '^package/(test|\.cache|examples|bench|scripts|dist)/' <<<"$contents" | head -3)
  if [ -n "$missing" ] || [ -n "$stray" ]; then
    fail "npm: $tarball lacks${missing:- nothing}${stray:+; holds files that are no part of the library: $stray}"
  elif npm publish --dry-run --ignore-scripts --tag dry-run "$tarball" >"$tmp/npm.log" 2>&1; then
    pass "npm: npm publish --dry-run $tarball ($(grep -c . <<<"$contents") files, $(grep -oE 'package size: *[^ ]+ [a-zA-Z]+' "$tmp/npm.log" | sed 's/package size: *//'))"
  else
    cat "$tmp/npm.log"
    fail "npm: npm publish --dry-run $tarball failed"
  fi
fi

# --- PyPI --------------------------------------------------------------------------------------------
wheel=$(ls dist/python/"$PY_DIST"-*.whl 2>/dev/null | head -1)
sdist=$(ls dist/python/"$PY_DIST"-*.tar.gz 2>/dev/null | head -1)
if [ -z "$wheel" ] || [ -z "$sdist" ]; then
  fail "PyPI: no wheel and sdist ($PY_DIST-*) in dist/python"
elif ! venv_bin=$(bash scripts/python-env.sh); then
  fail "PyPI: cannot make the project's Python environment (scripts/python-env.sh)"
elif "$venv_bin/twine" check --strict "$wheel" "$sdist" >"$tmp/twine.log" 2>&1; then
  pass "PyPI: twine check --strict $(basename "$wheel") $(basename "$sdist")"
else
  cat "$tmp/twine.log"
  fail "PyPI: twine check --strict failed"
fi

# --- Maven Central -----------------------------------------------------------------------------------
# The pom elements Maven Central requires (central.sonatype.org, Requirements): prints those missing.
read -r -d '' POM_CHECK <<'EOF'
import sys, xml.etree.ElementTree as ET
ns = {'m': 'http://maven.apache.org/POM/4.0.0'}
root = ET.parse(sys.argv[1]).getroot()
def text(path):
    e = root.find(path, ns)
    return (e.text or '').strip() if e is not None else ''
need = {
    'groupId': 'm:groupId', 'artifactId': 'm:artifactId', 'version': 'm:version', 'name': 'm:name',
    'description': 'm:description', 'url': 'm:url', 'licenses/license/name': 'm:licenses/m:license/m:name',
    'licenses/license/url': 'm:licenses/m:license/m:url', 'scm/url': 'm:scm/m:url', 'scm/connection': 'm:scm/m:connection',
    'developers/developer/name': 'm:developers/m:developer/m:name',
}
print(' '.join(k for k, p in need.items() if not text(p)))
EOF
pom=$(ls "$MAVEN_DIR"/*/*.pom 2>/dev/null | head -1)
if [ -z "$pom" ]; then
  fail "Maven: no pom in $MAVEN_DIR/<version>/"
else
  base=${pom%.pom}
  missing=""
  for suffix in .jar -sources.jar -javadoc.jar; do
    [ -s "$base$suffix" ] || missing="$missing $(basename "$base$suffix")"
  done
  # The elements Maven Central requires (central.sonatype.org, "Requirements"), read from the pom.
  pom_missing=$(python3 -c "$POM_CHECK" "$pom")
  javadoc_entries=$( [ -s "$base-javadoc.jar" ] && unzip -l "$base-javadoc.jar" | grep -c '\.html$' || echo 0)
  sources_entries=$( [ -s "$base-sources.jar" ] && unzip -l "$base-sources.jar" | grep -c '\.java$' || echo 0)
  if [ -n "$missing" ] || [ -n "$pom_missing" ] || [ "$javadoc_entries" -eq 0 ] || [ "$sources_entries" -eq 0 ]; then
    fail "Maven: $(dirname "$pom") lacks${missing}${pom_missing:+ pom elements: $pom_missing} (javadoc pages: $javadoc_entries, Java sources: $sources_entries)"
  else
    pass "Maven: $(basename "$base").jar with sources ($sources_entries .java) and javadoc ($javadoc_entries pages); the pom names licence, SCM and developers"
  fi
fi

# --- Go ----------------------------------------------------------------------------------------------
gomod=dist/go/cdkappstream/go.mod
if [ ! -f "$gomod" ]; then
  fail "Go: no $gomod"
elif [ "$(sed -n 's/^module //p' "$gomod")" != "$GO_MODULE" ]; then
  fail "Go: $gomod names module '$(sed -n 's/^module //p' "$gomod")', not $GO_MODULE"
elif ! command -v go >/dev/null; then
  fail "Go: go is not installed (go vet needs it)"
else
  # A copy, so dist/go stays what publib-golang publishes. The replace directive is the language test's
  # (test/languages/go/go.mod): the generated go.mod names the cloud-assembly-schema version of the npm
  # copy, which the Go module proxy does not serve.
  cp -r dist/go/cdkappstream "$tmp/go"
  gopath=$PWD/.cache/go
  export GOPATH=$gopath GOMODCACHE=$gopath/pkg/mod GOCACHE=$gopath/build GOFLAGS="-modcacherw -buildvcs=false -mod=mod" GOTOOLCHAIN=local
  schema=github.com/cdklabs/cloud-assembly-schema-go/awscdkcloudassemblyschema/v53
  if grep -q "$schema v53.28.0" "$gomod"; then
    (cd "$tmp/go" && go mod edit -replace "$schema@v53.28.0=$schema@v53.25.0")
  fi
  if (cd "$tmp/go" && go mod tidy && go vet ./...) >"$tmp/go.log" 2>&1; then
    pass "Go: $GO_MODULE: go.mod names the module, go vet ./... passes"
  else
    tail -30 "$tmp/go.log"
    fail "Go: go vet ./... failed in a copy of dist/go/cdkappstream"
  fi
fi

# --- API compatibility -------------------------------------------------------------------------------
if [ ! -f .jsii ]; then
  fail "API: no .jsii (run npx projen compile first)"
else
  released=$(npm view "$PACKAGE" version 2>"$tmp/view.log")
  if [ -n "$released" ]; then
    # A release exists: its assembly is the baseline, and a breaking change to a stable API fails.
    ignore=()
    [ -f .compatignore ] && ignore=(--ignore-file .compatignore)
    if npx jsii-diff "npm:$PACKAGE@$released" . --keys "${ignore[@]}" >"$tmp/diff.log" 2>&1; then
      pass "API: jsii-diff against $PACKAGE@$released: $(grep -c . "$tmp/diff.log") findings, none breaking a stable API"
    else
      cat "$tmp/diff.log"
      fail "API: jsii-diff against $PACKAGE@$released found a breaking change"
    fi
  elif ! grep -q E404 "$tmp/view.log"; then
    note "API: the npm registry did not answer for $PACKAGE ($(head -1 "$tmp/view.log")): no comparison"
  elif ! git rev-parse -q --verify HEAD~1 >/dev/null; then
    note "API: no release of $PACKAGE yet, and no previous commit (a shallow clone?): no comparison"
  else
    # No release yet: compile the previous commit's assembly (with this clone's node_modules) and report.
    previous=$(git rev-parse --short HEAD~1)
    mkdir -p "$tmp/previous"
    git archive HEAD~1 | tar -x -C "$tmp/previous"
    ln -s "$PWD/node_modules" "$tmp/previous/node_modules"
    if (cd "$tmp/previous" && npx jsii --silence-warnings=reserved-word) >"$tmp/previous.log" 2>&1; then
      npx jsii-diff "$tmp/previous" . --keys --error-on all >"$tmp/diff.log" 2>&1
      rc=$?
      sed 's/^/  /' "$tmp/diff.log"
      note "API: no release of $PACKAGE yet; jsii-diff against the previous commit $previous: $( [ $rc -eq 0 ] && echo 'no breaking change' || echo 'breaking changes above') (reported, not failing, until the first release)"
    else
      tail -5 "$tmp/previous.log"
      note "API: no release of $PACKAGE yet; the previous commit $previous does not compile here: no comparison"
    fi
  fi
fi

echo "test:release: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
