# terraform query (Terraform 1.14 and later) lists the objects to import;
# -generate-config-out=generated.tf writes their configuration and import blocks.
list "conference_portsip_room" "all" {
  provider         = conference
  include_resource = true
  config {
    filter = "mode eq 'VIDEO' and capacity ge 50"
  }
}
