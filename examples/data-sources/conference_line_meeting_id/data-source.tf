# The meeting ID of a room, and the SIP URI to dial it. LINE Planet returns the
# SIP proxy only when a meeting ID is created, so pass it in to get sip_dial_string.
data "conference_line_meeting_id" "board" {
  room_service_id = "ex-service"
  room_id         = "ex-room"
  sip_proxy       = "210.1.1.1"
  sip_proxy_port  = 5060
}

output "board_meeting_id" {
  value = data.conference_line_meeting_id.board.meeting_id
}

output "board_dial_string" {
  # e.g. sip:73051667563@210.1.1.1:5060
  value = data.conference_line_meeting_id.board.sip_dial_string
}

output "board_expires" {
  value = data.conference_line_meeting_id.board.expire_at
}
