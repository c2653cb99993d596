# Data sources read the meetings of the user their provider signs in as.
provider "conference" {
  alias = "alice"

  portsip {
    endpoint = "https://pbx.example.com:8900"
    username = "alice"
    password = var.alice_password
  }
}

# One of Alice's meetings, by the extension callers dial...
data "conference_portsip_meeting" "review" {
  provider         = conference.alice
  extension_number = "88000"
}

# ...or by its PortSIP ID.
data "conference_portsip_meeting" "standup" {
  provider = conference.alice
  id       = "NzAwNTUxOTA5NzczMTQ4MTYw"
}

output "review_starts_at" {
  value = data.conference_portsip_meeting.review.scheduled_start_at
}

variable "alice_password" {
  type      = string
  sensitive = true
}
