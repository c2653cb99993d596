# With Terraform 1.12 or OpenTofu 1.12 and later, by its identity: the
# recurrence group ID, and the time zone (UTC when left out).
import {
  to = conference_sqmeeting_recurring_meeting.standup
  identity = {
    id       = "8c4e2b7a-5f0e-4c1b-9a3d-2e6f7b8c9d01"
    timezone = "Europe/Berlin"
  }
}
