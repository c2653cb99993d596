resource "conference_portsip_server" "east" {
  name             = "conf-east-1"
  ipv4             = "192.0.2.10"
  ipv6             = "2001:db8::10"
  max_rooms        = 50
  max_participants = 500
  enabled          = true
}
