# A stand-up at 09:00 Berlin time every Monday, Wednesday and Friday until
# the end of June. Days of the week count 1 = Sunday ... 7 = Saturday, as
# SQMeeting does. The meeting stays at 09:00 in Berlin across the change to
# summer time, whatever time zone the SQMeeting server runs in.
resource "conference_sqmeeting_recurring_meeting" "standup" {
  name            = "Team stand-up"
  recurrence_type = "WEEKLY"
  days_of_week    = [2, 4, 6]
  timezone        = "Europe/Berlin"
  start_time      = "2030-03-04T09:00:00+01:00" # the first occurrence, a Monday
  end_time        = "2030-03-04T09:15:00+01:00"
  last_day        = "2030-06-30"
  # Canceled occurrences, like iCalendar's EXDATE: Easter Monday.
  skip_dates = ["2030-04-22"]
  # Write-only (Terraform or OpenTofu >= 1.11): sent, never kept in the state;
  # bump the version to send a new password to every occurrence.
  password_wo         = var.standup_password
  password_wo_version = 1
}

variable "standup_password" {
  type      = string
  sensitive = true
  ephemeral = true # Terraform >= 1.10, OpenTofu >= 1.11: never saved in the plan or the state
}

# Month-end review on the 31st: months without a 31st have no occurrence.
resource "conference_sqmeeting_recurring_meeting" "month_end" {
  name            = "Month-end review"
  recurrence_type = "MONTHLY"
  days_of_month   = [31]
  start_time      = "2030-01-31T15:00:00Z"
  end_time        = "2030-01-31T16:00:00Z"
  last_day        = "2030-12-31"
}

output "next_standups" {
  value = [for o in slice(conference_sqmeeting_recurring_meeting.standup.occurrences, 0, 3) : o.start_time]
}
