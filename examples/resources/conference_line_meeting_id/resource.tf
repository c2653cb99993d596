# A meeting ID for a weekly board meeting. Type S lasts 30 days from creation;
# changing it to R later is done in place and extends it to 365 days from then.
# Any other type change (I -> S, R -> S, ...) deletes it and creates a new one.
resource "conference_line_meeting_id" "example" {
  room_service_id = "ex-service"
  room_id         = "ex-room"
  type            = "S"
  title           = "Weekly board meeting"
  data            = jsonencode({ agenda = "https://intranet.example.com/board" })
  # passcode is random when not set. This one is set, write-only (Terraform or
  # OpenTofu >= 1.11): sent, never kept in the state; bump the version to send
  # a new one. Older CLIs use passcode.
  passcode_wo         = var.board_passcode
  passcode_wo_version = 1
}

variable "board_passcode" {
  type      = string
  sensitive = true
  ephemeral = true # Terraform >= 1.10, OpenTofu >= 1.11: never saved in the plan or the state
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
