# The meeting IDs of a room: an empty list when it has none (never created,
# deleted, or expired), where the conference_line_meeting_id data source fails.
data "conference_line_meetings" "board" {
  room_service_id = "ex-service"
  room_id         = "ex-room"
}

output "board_has_meeting_id" {
  value = length(data.conference_line_meetings.board.meetings) > 0
}

output "board_meeting_ids" {
  value = [for m in data.conference_line_meetings.board.meetings : m.meeting_id]
}
