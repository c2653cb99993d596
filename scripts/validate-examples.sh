#!/usr/bin/env bash
# Every example under examples/ must be valid against the provider's schema:
# `tofu validate` on each, with the provider from this tree (dev_overrides).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
bin=$root/bin
work=$root/.tmp/examples
rm -rf "$work" && mkdir -p "$work"
write_dev_tfrc "$work/dev.tfrc" "$bin"
export TF_CLI_CONFIG_FILE=$work/dev.tfrc CHECKPOINT_DISABLE=1
failed=0
count=0

# check_import DIR: a resource's two import examples (the `import` block that
# tfplugindocs renders from import-by-string-id.tf, and the command in
# import.sh) import the same ID into a resource that the example declares.
# `tofu validate` does not check an import block's target.
check_import() {
  local dir=$1 to id
  for f in import.sh import-by-string-id.tf; do
    [ -f "$dir/$f" ] || { echo "missing $f: every resource documents both ways to import"; return 1; }
  done
  to=$(sed -n 's/^ *to *= *\([^ ]*\) *$/\1/p' "$dir/import-by-string-id.tf")
  id=$(sed -n 's/^ *id *= *"\(.*\)" *$/\1/p' "$dir/import-by-string-id.tf")
  [ -n "$to" ] && [ -n "$id" ] || { echo "import-by-string-id.tf has no import block with to and a literal id"; return 1; }
  grep -q "^resource \"${to%%.*}\" \"${to#*.}\"" "$dir"/resource.tf ||
    { echo "the import block's target $to is not declared in resource.tf"; return 1; }
  grep -qx "terraform import $to $id" "$dir/import.sh" ||
    { echo "import.sh does not import $id into $to as the import block does"; return 1; }
  [ -f "$dir/import-by-identity.tf" ] || { echo "missing import-by-identity.tf: every resource documents the import by identity"; return 1; }
  grep -q "^ *to *= *$to *\$" "$dir/import-by-identity.tf" ||
    { echo "import-by-identity.tf does not import into $to as import-by-string-id.tf does"; return 1; }
}
for dir in "$root"/examples/provider "$root"/examples/resources/* "$root"/examples/data-sources/*; do
  [ -d "$dir" ] || continue
  name=${dir#"$root"/}
  case_dir=$work/$(echo "$name" | tr / _)
  mkdir -p "$case_dir"
  # The two import examples import the same object: each is validated
  # with the rest on its own.
  for f in "$dir"/*.tf; do
    [ "$(basename "$f")" = import-by-identity.tf ] || cp "$f" "$case_dir"/
  done
  if ! grep -q required_providers "$case_dir"/*.tf; then
    printf 'terraform {\n  required_providers {\n    conference = { source = "confkit/conference" }\n  }\n}\n' > "$case_dir/versions.tf"
  fi
  cases=("$case_dir")
  if [ -f "$dir/import-by-identity.tf" ]; then
    mkdir -p "$case_dir.identity"
    cp "$case_dir"/*.tf "$dir/import-by-identity.tf" "$case_dir.identity"/
    rm -f "$case_dir.identity/import-by-string-id.tf"
    cases+=("$case_dir.identity")
  fi
  count=$((count + 1))
  for c in "${cases[@]}"; do
    if ! (cd "$c" && "$bin/tofu" validate -no-color >"$c/out.txt" 2>&1); then
      echo "FAIL $name (${c#"$work"/})" >&2
      cat "$c/out.txt" >&2
      failed=$((failed + 1))
    fi
  done
  case $name in
  examples/resources/*)
    if ! why=$(check_import "$dir"); then
      echo "FAIL $name: $why" >&2
      failed=$((failed + 1))
    fi
    ;;
  esac
  if ! "$bin/tofu" fmt -check -diff "$dir" >/dev/null; then
    echo "FAIL $name: not formatted (tofu fmt)" >&2
    failed=$((failed + 1))
  fi
done
echo "examples: $((count - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
