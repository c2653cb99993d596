# Find invitees' user IDs by name (the public user search, every page).
data "conference_sqmeeting_users" "sales" {
  filter = "sales"
}

resource "conference_sqmeeting_meeting" "pipeline" {
  name             = "Pipeline review"
  start_time       = "2030-03-06T16:00:00Z"
  end_time         = "2030-03-06T17:00:00Z"
  invited_user_ids = [for u in data.conference_sqmeeting_users.sales.users : u.id]
}
