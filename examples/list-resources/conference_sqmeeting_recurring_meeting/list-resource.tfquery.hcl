# terraform query (Terraform 1.14 and later) lists the objects to import;
# -generate-config-out=generated.tf writes their configuration and import blocks.
list "conference_sqmeeting_recurring_meeting" "all" {
  provider         = conference
  include_resource = true
  config {
    # SQMeeting does not store a series' time zone: the one to import with.
    timezone = "Europe/Berlin"
  }
}
