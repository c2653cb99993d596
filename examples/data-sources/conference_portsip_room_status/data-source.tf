data "conference_portsip_room" "bridge" {
  extension_number = "8100"
}

# Whether a conference is on in the incident bridge, and how it is set up.
data "conference_portsip_room_status" "bridge" {
  id = data.conference_portsip_room.bridge.id
}

output "bridge_in_use" {
  value = data.conference_portsip_room_status.bridge.status == "ON_CALL"
}

output "bridge_recording" {
  value = data.conference_portsip_room_status.bridge.recording
}
