# The team's rooms created this year, busiest first, however many pages
# Whereby answers in.
data "conference_whereby_room_insights" "team" {
  room_name_prefix = "/team-"
  created_from     = "2026-01-01T00:00:00Z"
  sort_by          = "totalParticipantMinutes:desc"
}

output "team_participant_hours" {
  value = sum(concat([0], [for r in data.conference_whereby_room_insights.team.rooms : r.total_participant_minutes])) / 60
}
