# A meeting is imported by its meeting ID. Whereby does not return the settings
# a meeting was created with (is_locked, room_mode, recording, ...): write them
# in the configuration as they were.
import {
  to = conference_whereby_meeting.example
  id = "9cf691bf-f2d5-4420-bda9-ee8607bb558b"
}
