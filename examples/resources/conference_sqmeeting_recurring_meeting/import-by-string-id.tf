# A series is imported by its recurrence group ID. SQMeeting does not store the
# time zone a series is planned in: add it after a comma (UTC without one).
import {
  to = conference_sqmeeting_recurring_meeting.standup
  id = "8c4e2b7a-5f0e-4c1b-9a3d-2e6f7b8c9d01,Europe/Berlin"
}
