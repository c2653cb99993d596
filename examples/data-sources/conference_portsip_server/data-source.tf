# Read a conference server by its PortSIP ID, e.g. to size rooms to its limits.
data "conference_portsip_server" "media" {
  id = "NzAwNTUxOTA5NzczMTQ4MTYw"
}

output "media_server_limits" {
  value = {
    enabled          = data.conference_portsip_server.media.enabled
    max_rooms        = data.conference_portsip_server.media.max_rooms
    max_participants = data.conference_portsip_server.media.max_participants
  }
}
