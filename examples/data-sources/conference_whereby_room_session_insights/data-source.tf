# Every session held in one meeting's room, the most attended first.
data "conference_whereby_room_session_insights" "town_hall" {
  room_name = "/town-hall-2b1d7c4e"
  sort_by   = "totalUniqueParticipants:desc"
}

output "town_hall_peak_attendance" {
  value = try(data.conference_whereby_room_session_insights.town_hall.sessions[0].total_unique_participants, 0)
}
