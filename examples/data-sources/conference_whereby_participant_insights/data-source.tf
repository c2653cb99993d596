# Who joined the town hall's last session, in the order they joined.
data "conference_whereby_room_session_insights" "town_hall" {
  room_name = "/town-hall-2b1d7c4e"
  sort_by   = "startedAt:desc"
}

data "conference_whereby_participant_insights" "last_session" {
  room_session_id = data.conference_whereby_room_session_insights.town_hall.sessions[0].room_session_id
  sort_by         = "joinedAt:asc"
}

# Every session a person joined with an external ID from your own system.
data "conference_whereby_participant_insights" "customer" {
  external_id = "customer-4711"
}

output "attendees" {
  value = [for p in data.conference_whereby_participant_insights.last_session.participants : p.display_name]
}
