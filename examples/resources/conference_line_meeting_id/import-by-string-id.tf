# A room's meeting ID is imported by room_service_id/room_id/meeting_id.
import {
  to = conference_line_meeting_id.example
  id = "ex-service/ex-room/73051667563"
}
