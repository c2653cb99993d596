provider "conference" {
  alias = "alice"

  portsip {
    endpoint = "https://pbx.example.com:8900"
    username = "alice"
    password = var.alice_password
  }
}

data "conference_portsip_meeting" "review" {
  provider         = conference.alice
  extension_number = "88000"
}

# Whether Alice's review is running, and whether it is being recorded.
data "conference_portsip_meeting_status" "review" {
  provider = conference.alice
  id       = data.conference_portsip_meeting.review.id
}

output "review_in_progress" {
  value = data.conference_portsip_meeting_status.review.status == "ON_CALL"
}

output "review_recording" {
  value = data.conference_portsip_meeting_status.review.recording
}

variable "alice_password" {
  type      = string
  sensitive = true
}
