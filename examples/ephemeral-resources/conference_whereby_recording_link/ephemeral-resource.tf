# The latest recording of a room, and a link to download it that lasts ten
# minutes. The link is in neither the plan nor the state: hand it to a
# write-only argument or a provider block of the same run.
data "conference_whereby_recordings" "town_hall" {
  room_name = "/town-hall-2b1d7c4e"
  sort_by   = "startDate:desc"
}

ephemeral "conference_whereby_recording_link" "latest" {
  id                = data.conference_whereby_recordings.town_hall.recordings[0].id
  valid_for_seconds = 600
}
