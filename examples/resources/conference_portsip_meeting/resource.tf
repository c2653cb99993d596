# A meeting belongs to the PBX user who creates it, and the PBX shows it to
# nobody else: manage each user's meetings with a provider alias that signs in
# as that user, and pick the alias with `provider` on each meeting.
provider "conference" {
  alias = "alice"

  portsip {
    endpoint = "https://pbx.example.com:8900"
    username = "alice"
    password = var.alice_password
  }
}

provider "conference" {
  alias = "bob"

  portsip {
    endpoint = "https://pbx.example.com:8900"
    username = "bob"
    password = var.bob_password
  }
}

# Alice's weekly design review: a scheduled video meeting, recorded, that
# closes when everybody has left. The PBX gives it an extension number.
resource "conference_portsip_meeting" "design_review" {
  provider = conference.alice

  mode               = "VIDEO"
  subject            = "Design review"
  timezone           = "Europe/Berlin"
  scheduled_start_at = "2030-03-04T10:00:00+01:00"
  scheduled_end_at   = "2030-03-04T11:00:00+01:00"
  capacity           = 20
  layout             = "LAYOUT4"
  # Write-only (Terraform or OpenTofu >= 1.11): sent, never kept in the state.
  room_pin_wo         = var.review_pin
  room_pin_wo_version = 1
  enable_recording    = true
  close_on_nobody     = true
  internal_invitees   = ["NzAwNTUxOTA5NzczMTQ4MTYw"]
  external_invitees   = "designer@example.com"
}

# Bob's audio 1:1, on Bob's provider alias: Alice's cannot see it.
resource "conference_portsip_meeting" "one_on_one" {
  provider = conference.bob

  mode     = "AUDIO"
  subject  = "1:1 with Alice"
  timezone = "America/New_York"
}

output "design_review_dial_in" {
  value = conference_portsip_meeting.design_review.extension_number
}

variable "alice_password" {
  type      = string
  sensitive = true
}

variable "bob_password" {
  type      = string
  sensitive = true
}

variable "review_pin" {
  type      = string
  sensitive = true
  ephemeral = true # Terraform >= 1.10, OpenTofu >= 1.11: never saved in the plan or the state
}
