# The signed-in user's personal meeting rooms: hold a meeting in one to give
# it the room's number.
data "conference_sqmeeting_meeting_rooms" "mine" {}

resource "conference_sqmeeting_meeting" "in_my_room" {
  name            = "Office hours"
  start_time      = "2030-03-05T14:00:00Z"
  end_time        = "2030-03-05T15:00:00Z"
  meeting_room_id = data.conference_sqmeeting_meeting_rooms.mine.meeting_rooms[0].id
}
