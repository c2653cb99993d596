# Shared by the scripts in this folder; source it, do not run it.

# write_dev_tfrc FILE DIR: a CLI configuration whose dev_overrides take the
# provider from DIR, for OpenTofu and Terraform alike, so nothing is downloaded.
write_dev_tfrc() {
  cat > "$1" <<RC
provider_installation {
  dev_overrides {
    "confkit/conference" = "$2"
    "registry.terraform.io/confkit/conference" = "$2"
  }
  direct {}
}
RC
}
