# A series and its occurrences. SQMeeting does not store the zone a series
# was planned in: name it to read days_of_week, last_day and skip_dates in it.
data "conference_sqmeeting_recurring_meeting" "standup" {
  id       = "8c4e2b7a-5f0e-4c1b-9a3d-2e6f7b8c9d01"
  timezone = "Europe/Berlin"
}

output "canceled" {
  value = data.conference_sqmeeting_recurring_meeting.standup.skip_dates
}

output "occurrences" {
  value = [for o in data.conference_sqmeeting_recurring_meeting.standup.occurrences : o.start_time]
}
