# Import a room's meeting ID by room_service_id/room_id/meeting_id.
terraform import conference_line_meeting_id.example ex-service/ex-room/73051667563
