# A meeting ID for a weekly board meeting. Type S lasts 30 days from creation;
# changing it to R later is done in place and extends it to 365 days from then.
# Any other type change (I -> S, R -> S, ...) deletes it and creates a new one.
resource "conference_line_meeting_id" "example" {
  room_service_id = "ex-service"
  room_id         = "ex-room"
  type            = "S"
  title           = "Weekly board meeting"
  data            = jsonencode({ agenda = "https://intranet.example.com/board" })
  # passcode is random when not set. To choose one (exactly 6 digits) and keep
  # it out of the state, set the write-only passcode_wo and passcode_wo_version
  # (Terraform or OpenTofu >= 1.11); see the guide "Keeping secrets out of state".
}

# What a SIP phone or video conference system dials to join the room's group call.
# LINE Planet returns the SIP proxy only when it creates a meeting ID, so after an
# import sip_proxy is null (the conference_line_meeting_id data source can take it
# as an argument instead).
output "board_sip_uri" {
  value = local.board.sip_proxy == null ? null : "sip:${local.board.meeting_id}@${local.board.sip_proxy}:${local.board.sip_proxy_port}"
}

locals {
  board = conference_line_meeting_id.example
}

output "board_passcode" {
  value     = conference_line_meeting_id.example.passcode
  sensitive = true
}
