# The network data of a participant who complained about the audio.
data "conference_whereby_participant_insights" "session" {
  room_session_id = "e2f29530-46ec-4cee-8b27-e565cb5bb2e9"
}

locals {
  complainer = one([for p in data.conference_whereby_participant_insights.session.participants : p if p.display_name == "John Doe"])
}

data "conference_whereby_participant_insight" "john" {
  room_session_id = local.complainer.room_session_id
  participant_id  = local.complainer.participant_id
}

output "john_browser" {
  value = [for c in data.conference_whereby_participant_insight.john.connections : c.user_agent]
}

output "john_bitrate_sent" {
  value = [for c in data.conference_whereby_participant_insight.john.connections : try(jsondecode(c.samples_json).bitrateSend, [])]
}
