# The body of one conference_line_meeting_id (see conference_portsip_room.tf).
# The emulator admits 100 requests per second per room service, as LINE Planet
# does, so each meeting ID has a service of its own: the benchmark measures the
# provider, not the rate limit.
room_service_id = "bench-svc-${count.index}"
room_id         = "room"
type            = "S"
title           = "Bench meeting ${count.index}"
data            = jsonencode({ index = count.index })
