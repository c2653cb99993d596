# terraform query (Terraform 1.14 and later) lists the objects to import;
# -generate-config-out=generated.tf writes their configuration and import blocks.
list "conference_line_meeting_id" "all" {
  provider         = conference
  include_resource = true
  config {
    # LINE Planet has no call that lists rooms: the rooms to look in.
    rooms = ["ex-service/ex-room", "ex-service/boardroom"]
  }
}
