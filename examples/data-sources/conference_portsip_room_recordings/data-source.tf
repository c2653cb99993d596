data "conference_portsip_room" "town_hall" {
  extension_number = "8200"
}

data "conference_portsip_room_recordings" "town_hall" {
  id = data.conference_portsip_room.town_hall.id
}

# Finished recordings (a running one has no ended_at yet), with their download paths.
output "town_hall_recordings" {
  value = {
    for r in data.conference_portsip_room_recordings.town_hall.recordings :
    r.file_name => { url = r.file_url, seconds = r.duration } if r.ended_at != null
  }
}
