# A link to download a transcription, valid for Whereby's default hour. It
# is in neither the plan nor the state.
data "conference_whereby_transcriptions" "town_hall" {
  room_name = "/town-hall-2b1d7c4e"
  sort_by   = "startDate:desc"
}

ephemeral "conference_whereby_transcription_link" "latest" {
  id = data.conference_whereby_transcriptions.town_hall.transcriptions[0].id
}
