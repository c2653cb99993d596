# The body of one conference_sqmeeting_user (see conference_portsip_room.tf),
# created by the SystemAdmin the provider signs in as. SQMeeting cannot delete
# a user: a destroy leaves it on the server, and a username is unique there.
# bench/e2e.sh writes a tag of its own for @ROUND@ before each apply (the
# round, then wan, then profile), so that no apply meets the users of an
# earlier one. The password is write-only (a CLI >= 1.11, as bin/tofu is).
username            = "bench-@ROUND@-${count.index}"
real_name           = "Bench User ${count.index}"
email               = "bench-${count.index}@example.com"
department          = "Benchmark"
mobile              = "+15550100"
role                = "Normal"
password_wo         = "bench-password-${count.index}"
password_wo_version = 1
