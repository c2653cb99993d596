# With Terraform 1.12 or OpenTofu 1.12 and later, by its identity: the room and
# the meeting ID.
import {
  to = conference_line_meeting_id.example
  identity = {
    room_service_id = "ex-service"
    room_id         = "ex-room"
    meeting_id      = "73051667563"
  }
}
