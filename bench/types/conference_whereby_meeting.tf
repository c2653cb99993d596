# The body of one conference_whereby_meeting (see conference_portsip_room.tf).
# Whereby refuses an end_date in the past, and the resource at plan time:
# bench/e2e.sh writes a date a year ahead for @FUTURE@. Whereby names the rooms
# itself; the prefix only keeps them apart to a reader. The provider block
# raises points_per_minute (bench/e2e.sh): at the default 100, 500 creates at 3
# points each would take 15 minutes of pacing.
end_date         = "@FUTURE@"
room_name_prefix = "bench-${count.index}-"
room_mode        = "group"
is_locked        = true
fields           = ["hostRoomUrl"]
