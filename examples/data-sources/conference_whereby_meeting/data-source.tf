# A meeting made elsewhere, by its meeting ID: its room, dates and, when asked
# for in fields, the host URL. A meeting deleted or an hour past its end is an
# error.
data "conference_whereby_meeting" "town_hall" {
  id     = "9cf691bf-f2d5-4420-bda9-ee8607bb558b"
  fields = ["hostRoomUrl"]
}

output "town_hall" {
  value = {
    room_url = data.conference_whereby_meeting.town_hall.room_url
    ends     = data.conference_whereby_meeting.town_hall.end_date
  }
}
