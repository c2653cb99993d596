#!/usr/bin/env bash
# make docs: generate docs/ with tfplugindocs from the provider's schema.
# tfplugindocs would download Terraform to read the schema; instead the schema
# comes from Terraform 1.15 built in bin/ (OpenTofu's has no list resource
# schemas), with the provider from this tree through dev_overrides, and is
# handed over with --providers-schema.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
bin=$root/bin
work=$root/.tmp/docs
rm -rf "$work" && mkdir -p "$work/plugins"
go build -o "$work/plugins/terraform-provider-conference" "$root"
write_dev_tfrc "$work/dev.tfrc" "$work/plugins"
cat > "$work/main.tf" <<'TF'
terraform {
  required_providers {
    conference = { source = "confkit/conference" }
  }
}
TF
(cd "$work" && TF_CLI_CONFIG_FILE=$work/dev.tfrc CHECKPOINT_DISABLE=1 "$bin/terraform-1.15" providers schema -json 2>/dev/null) > "$work/schema.raw.json"
# tfplugindocs looks the schema up by the provider's short name.
python3 - "$work/schema.raw.json" "$work/schema.json" <<'PY'
import json, sys
raw = json.load(open(sys.argv[1]))
schemas = raw["provider_schemas"]
key = next(k for k in schemas if k.endswith("/conference"))
raw["provider_schemas"] = {"conference": schemas[key]}
json.dump(raw, open(sys.argv[2], "w"))
PY
cd "$root"
"$bin/tfplugindocs" generate \
  --provider-name conference \
  --rendered-provider-name "Conference" \
  --providers-schema "$work/schema.json" \
  --examples-dir examples \
  --website-source-dir templates \
  --rendered-website-dir docs
"$bin/tfplugindocs" validate --provider-name conference --providers-schema "$work/schema.json"
