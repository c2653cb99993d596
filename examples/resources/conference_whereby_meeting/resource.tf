# A room for the board meeting: available from now until an hour after
# end_date, when Whereby deletes it. Whereby cannot change a meeting, so
# changing any argument later replaces it (new room, new URLs); the plan says so.
resource "conference_whereby_meeting" "example" {
  # Any offset; Whereby answers in UTC, and the two are the same instant.
  end_date          = "2030-05-07T19:00:00+02:00"
  room_mode         = "group" # more than 4 participants
  room_name_prefix  = "board-"
  room_name_pattern = "human-short"
  is_locked         = true
  fields            = ["hostRoomUrl"]

  recording = {
    type          = "cloud"
    start_trigger = "prompt"
    destination = {
      provider      = "s3"
      bucket        = "acme-recordings/board"
      region        = "eu-north-1"
      access_key_id = var.recordings_access_key_id
      # Write-only (Terraform or OpenTofu >= 1.11): sent, never kept in the
      # state. A new version replaces the meeting (Whereby cannot update one).
      access_key_secret_wo         = var.recordings_access_key_secret
      access_key_secret_wo_version = 1
      file_format                  = "mp4"
    }
  }

  live_transcription = {
    start_trigger = "manual"
    language      = "en-GB"
    destination   = { provider = "whereby" }
  }
}

variable "recordings_access_key_id" {
  type = string
}

variable "recordings_access_key_secret" {
  type      = string
  sensitive = true
  ephemeral = true # Terraform >= 1.10, OpenTofu >= 1.11: never saved in the plan or the state
}

# For participants.
output "board_room_url" {
  value = conference_whereby_meeting.example.room_url
}

# For the chair: whoever opens it is a host.
output "board_host_url" {
  value     = conference_whereby_meeting.example.host_room_url
  sensitive = true
}
