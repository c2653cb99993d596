# An audio room: callers dial 8100 and enter the PIN.
resource "conference_portsip_room" "standup" {
  extension_number = "8100"
  mode             = "AUDIO"
  subject          = "Daily stand-up"
  capacity         = 20
  # Write-only (Terraform or OpenTofu >= 1.11): the PIN is sent, never kept in
  # the state. Bump the version to send a new one. Older CLIs use room_pin.
  room_pin_wo         = var.standup_pin
  room_pin_wo_version = 1
  language            = "en-US"
  timezone            = "Europe/Berlin"
}

# A scheduled video room with a 3x3 grid, chaired by whoever enters the admin PIN.
resource "conference_portsip_room" "town_hall" {
  extension_number     = "8200"
  mode                 = "VIDEO"
  subject              = "Quarterly town hall"
  capacity             = 200
  control              = "MASTER"
  layout               = "LAYOUT9"
  width                = 1920
  height               = 1080
  bitrate              = 2048
  framerate            = 30
  admin_pin_wo         = var.town_hall_admin_pin
  admin_pin_wo_version = 1
  scheduled_start_at   = "2030-03-02T16:00:00+01:00"
  scheduled_end_at     = "2030-03-02T17:30:00+01:00"
  external_invitees    = "ceo@example.com,cfo@example.com"
  custom_options       = jsonencode({ moh = true })

  outbound_caller_ids = [
    { provider_id = "NzAwNTUxOTA5NzczMTQ4MTYw", caller_id = "+12025550100", description = "US trunk" },
  ]
}

variable "standup_pin" {
  type      = string
  sensitive = true
  ephemeral = true # Terraform >= 1.10, OpenTofu >= 1.11: never saved in the plan or the state
}

variable "town_hall_admin_pin" {
  type      = string
  sensitive = true
  ephemeral = true # Terraform >= 1.10, OpenTofu >= 1.11: never saved in the plan or the state
}
