# The body of one conference_portsip_server (see conference_portsip_room.tf).
name             = "bench-${count.index}"
ipv4             = cidrhost("10.0.0.0/16", count.index + 1)
max_rooms        = 50
max_participants = 500
