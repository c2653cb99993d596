# Shared by the scripts in this folder; source it, do not run it.

# write_dev_tfrc FILE DIR [TYPE...]: a CLI configuration whose dev_overrides
# take the providers confkit/TYPE (default: conference) from DIR, for OpenTofu
# and Terraform alike, so nothing is downloaded.
write_dev_tfrc() {
  local file=$1 dir=$2 t
  shift 2
  [ $# -gt 0 ] || set -- conference
  {
    echo 'provider_installation {'
    echo '  dev_overrides {'
    for t in "$@"; do
      echo "    \"confkit/$t\" = \"$dir\""
      echo "    \"registry.terraform.io/confkit/$t\" = \"$dir\""
    done
    echo '  }'
    echo '  direct {}'
    echo '}'
  } >"$file"
}
