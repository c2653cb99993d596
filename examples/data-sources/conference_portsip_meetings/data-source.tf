provider "conference" {
  alias = "alice"

  portsip {
    endpoint = "https://pbx.example.com:8900"
    username = "alice"
    password = var.alice_password
  }
}

# Alice's video meetings scheduled from 2030 on, latest first.
data "conference_portsip_meetings" "upcoming_video" {
  provider = conference.alice
  filter   = "mode eq 'VIDEO' and scheduled_start_at ge '2030-01-01T00:00:00Z'"
  orderby  = "scheduled_start_at desc"
}

# Alice's meetings whose subject or extension mentions "review".
data "conference_portsip_meetings" "reviews" {
  provider = conference.alice
  search   = "review"
}

output "upcoming_video" {
  value = { for m in data.conference_portsip_meetings.upcoming_video.meetings : m.extension_number => m.subject }
}

output "review_count" {
  value = length(data.conference_portsip_meetings.reviews.meetings)
}

variable "alice_password" {
  type      = string
  sensitive = true
}
