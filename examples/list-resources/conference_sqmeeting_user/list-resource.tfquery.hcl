# terraform query (Terraform 1.14 and later) lists the objects to import;
# -generate-config-out=generated.tf writes their configuration and import blocks.
list "conference_sqmeeting_user" "all" {
  provider         = conference
  include_resource = true
}
