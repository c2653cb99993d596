#!/usr/bin/env bash
# make release-check: what a version tag would publish, built without a network
# other than the Go module proxy. `goreleaser check` validates .goreleaser.yml
# (the full registry matrix), then a snapshot release builds into dist/ with
# nothing published (nor signed, unless asked below), and its files are listed
# and checked the way the registries read them. With RELEASE_CHECK_SIGN=1 and GPG_FINGERPRINT,
# the SUMS file is signed with that key the way a release signs it (make
# registry-check does so with a key made for the run).
#
# The full matrix (19 cross-compiled targets) took 30 minutes on a busy 2-core
# machine (11 minutes of CPU), so by default the snapshot builds the host's
# target only; RELEASE_CHECK_FULL=1 builds every target.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
goreleaser=$root/bin/goreleaser

fail() { echo "release-check: $*" >&2; exit 1; }

# The release workflow runs the GoReleaser that CI checks with.
pinned=$(awk '$1 == "github.com/goreleaser/goreleaser/v2" { print $2 }' tools/goreleaser/go.mod)
workflow=$(sed -nE 's/^ *version: *(v[0-9][^ ]*).*/\1/p' .github/workflows/release.yml)
[[ -n $pinned && $pinned == "$workflow" ]] \
  || fail "tools/goreleaser/go.mod pins GoReleaser ${pinned:-?} but .github/workflows/release.yml runs ${workflow:-?}"

"$goreleaser" check

# `goreleaser release` has no --single-target, so the snapshot of the host's
# target runs a copy of .goreleaser.yml whose builds' goos and goarch lists
# name that target alone; everything else (archives, checksums, manifest) is
# the release's own configuration.
config=.goreleaser.yml
if [[ ${RELEASE_CHECK_FULL:-} != 1 ]]; then
  mkdir -p .tmp
  config=.tmp/goreleaser-host.yml
  python3 - .goreleaser.yml "$config" "$(go env GOOS)" "$(go env GOARCH)" <<'PY' || fail "cannot narrow the build matrix of .goreleaser.yml"
import re, sys
src, dst, goos, goarch = sys.argv[1:]
text = open(src).read()
# Only one-line lists ("goos: [a, b]") are rewritten; a block list would keep
# its whole matrix, so it is refused rather than silently built in full.
if re.search(r"^\s*(goos|goarch):\s*$", text, re.M):
    sys.exit("write the builds' goos and goarch as [a, b] lists")
text, n_os = re.subn(r"^(\s*)goos: \[.*\]$", r"\g<1>goos: [" + goos + "]", text, flags=re.M)
text, n_arch = re.subn(r"^(\s*)goarch: \[.*\]$", r"\g<1>goarch: [" + goarch + "]", text, flags=re.M)
if n_os == 0 or n_os != n_arch:
    sys.exit("every build needs a goos and a goarch list")
# The container image is built from the linux binaries of the same targets.
text = re.sub(r"^(\s*)platforms: \[.*\]$", r"\g<1>platforms: [linux/" + goarch + "]", text, flags=re.M)
open(dst, "w").write(text)
PY
fi
# Nothing is published. The SUMS file is signed only when the caller says with
# which key (scripts/registry-check.sh, with a throwaway key). The emulator's
# container image needs a Docker daemon with buildx, and the host's target must
# be a linux one (the image holds a linux binary).
skip=publish
if [[ ${RELEASE_CHECK_SIGN:-} == 1 ]]; then
  [[ -n ${GPG_FINGERPRINT:-} ]] || fail "RELEASE_CHECK_SIGN=1 needs GPG_FINGERPRINT, the key to sign with"
else
  skip+=,sign
fi
if [[ $(go env GOOS) != linux && ${RELEASE_CHECK_FULL:-} != 1 ]] || ! docker buildx version >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
  echo "release-check: no Docker daemon with buildx here (or not a linux host): the emulator's container image is not built (--skip=docker)"
  skip+=,docker
fi
"$goreleaser" release --config "$config" --snapshot --clean --skip="$skip"
# The before hook runs `go mod tidy`: a change there means the tagged go.mod is
# not what the release would build.
git diff --exit-code -- go.mod go.sum || fail "go.mod or go.sum is not tidy: run 'go mod tidy' and commit the result"

shopt -s nullglob
sums=(dist/*_SHA256SUMS)
((${#sums[@]} == 1)) || fail "expected one *_SHA256SUMS file in dist/, found ${#sums[@]}"
echo "== the snapshot's archives and checksums =="
ls -l dist/*.zip dist/*.tar.gz "${sums[0]}"
echo "== ${sums[0]} =="
cat "${sums[0]}"
# The manifest is published from the repository's root (release.extra_files),
# so dist/ has only its checksum.
echo "== the manifest, published as $(basename "${sums[0]%_SHA256SUMS}")_manifest.json =="
ls -l terraform-registry-manifest.json
cat terraform-registry-manifest.json
python3 scripts/check-release-files.py dist terraform-registry-manifest.json
