data "conference_sqmeeting_system" "this" {}

output "sqmeeting" {
  value = "SQMeeting ${data.conference_sqmeeting_system.this.version}: ${data.conference_sqmeeting_system.this.current_calls} of ${data.conference_sqmeeting_system.this.max_calls} calls"
}
