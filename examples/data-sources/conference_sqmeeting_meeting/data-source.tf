# A meeting, or one occurrence of a series, by reservation ID.
data "conference_sqmeeting_meeting" "review" {
  id = "1f0c6a55-8d8e-4b43-9c1e-3e7f0b6f2a10"
}

output "review" {
  value = {
    name   = data.conference_sqmeeting_meeting.review.name
    starts = data.conference_sqmeeting_meeting.review.start_time
    join   = data.conference_sqmeeting_meeting.review.meeting_url
  }
}
