data "conference_portsip_room" "standup" {
  extension_number = "8100"
}

# Who is in the stand-up right now.
data "conference_portsip_room_participants" "standup" {
  id = data.conference_portsip_room.standup.id
}

output "standup_participants" {
  value = data.conference_portsip_room_participants.standup.participants[*].display_name
}

output "standup_chair" {
  value = one([for p in data.conference_portsip_room_participants.standup.participants : p.display_name if p.chairman])
}
