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

# Who is in Alice's review right now.
data "conference_portsip_meeting_participants" "review" {
  provider = conference.alice
  id       = data.conference_portsip_meeting.review.id
}

output "review_participants" {
  value = data.conference_portsip_meeting_participants.review.participants[*].display_name
}

output "review_chair" {
  value = one([for p in data.conference_portsip_meeting_participants.review.participants : p.display_name if p.chairman])
}

variable "alice_password" {
  type      = string
  sensitive = true
}
