#!/usr/bin/env bash
# Builds Terraform (the newest release the acceptance tests run on) from the
# Go module proxy into the path given as $1, for tests only: Terraform's
# licence (BUSL-1.1) allows building it to test against.
#
# `go install github.com/hashicorp/terraform@VERSION` fails: its go.mod
# replaces nine remote-state backends and internal/legacy with nested modules
# that the module proxy does not serve. So the module is downloaded, copied to
# a scratch directory, those replace lines and requirements are removed, and
# the backends that need them are taken out of internal/backend/init (local,
# remote, http, inmem and cloud stay: the tests use local state). Nothing of
# Terraform's source is kept in this repository; the copy is deleted after
# the build.
set -euo pipefail
VERSION=v1.15.9
# The module's checksum (go.sum's h1: form), checked after the download.
SUM=h1:Ym5lEWlSJ1GbLP/5Ie0h0dUeeMeqGAGwE2iadgASRlw=
out=${1:?usage: build.sh OUTPUT}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/terraform-src.XXXXXX")
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT

read -r dir sum < <(cd "$scratch" && GOFLAGS=-mod=mod go mod download -json "github.com/hashicorp/terraform@$VERSION" |
  python3 -c 'import json,sys; m = json.load(sys.stdin); print(m["Dir"], m["Sum"])')
[[ $sum == "$SUM" ]] || { echo "build.sh: github.com/hashicorp/terraform@$VERSION has checksum $sum, want $SUM" >&2; exit 1; }
cp -R "$dir/." "$scratch/"
chmod -R u+w "$scratch"
cd "$scratch"

# go.mod: no replace of, nor requirement on, a nested module.
python3 - <<'PY'
import re
text = open("go.mod").read()
text = re.sub(r"^replace github\.com/hashicorp/terraform/internal/\S+ => \S+\n", "", text, flags=re.M)
text = re.sub(r"^\s*github\.com/hashicorp/terraform/internal/\S+ v\S+.*\n", "", text, flags=re.M)
open("go.mod", "w").write(text)

# internal/backend/init: only the backends of the main module.
removed = ["azure", "consul", "cos", "gcs", "kubernetes", "oss", "pg", "s3", "oci"]
path = "internal/backend/init/init.go"
src = open(path).read()
for name in removed:
    src, n = re.subn(r'^\s*\w+ "github\.com/hashicorp/terraform/internal/backend/remote-state/' + name + r'"\n', "", src, flags=re.M)
    if n != 1:
        raise SystemExit(f"build.sh: the import of the {name} backend was not found in {path}")
for key in ["azurerm", "consul", "cos", "gcs", "kubernetes", "oss", "pg", "s3", "oci"]:
    src, n = re.subn(r'^\s*"' + key + r'":\s*func\(\) backend\.Backend \{ return \w+\.New\(\) \},\n', "", src, flags=re.M)
    if n != 1:
        raise SystemExit(f"build.sh: the {key} entry was not found in {path}")
open(path, "w").write(src)
PY

GOFLAGS=-mod=mod go build -trimpath -o "$out" -ldflags "-X github.com/hashicorp/terraform/version.dev=no" .
"$out" version | head -1
