# The body of one conference_sqmeeting_meeting (see conference_portsip_room.tf):
# a reservation meeting of the user the provider signs in as, each an hour
# long at its own hour from @FUTURE@ (bench/e2e.sh writes a date a year
# ahead there: SQMeeting refuses a meeting in the past), with the settings a
# real one carries.
type            = "reservation"
name            = "Bench meeting ${count.index}"
description     = "Benchmark"
start_time      = timeadd("@FUTURE@", format("%dh", count.index))
end_time        = timeadd("@FUTURE@", format("%dm", count.index * 60 + 60))
password        = "246810"
call_rate_type  = "2048K"
time_to_join    = 30
mute_upon_entry = true
guest_dial_in   = true
