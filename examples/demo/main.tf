# The demo: a PortSIP conference server with two rooms, a LINE Planet meeting
# ID and two Whereby rooms, applied against conference-emulator by `make demo`.
# The provider reads its endpoints and credentials from the environment
# (PORTSIP_*, LINE_PLANET_*, WHEREBY_*), which the demo script sets to the
# emulator's.
terraform {
  required_providers {
    conference = {
      source = "confkit/conference"
    }
  }
}

provider "conference" {
  max_retries = 5
}

resource "conference_portsip_server" "east" {
  name             = "conf-east-1"
  ipv4             = "192.0.2.10"
  max_rooms        = 50
  max_participants = 500
}

resource "conference_portsip_room" "standup" {
  extension_number = "8100"
  mode             = "AUDIO"
  subject          = "Daily stand-up"
  capacity         = 20
  room_pin         = "2468"
  language         = "en-US"
  timezone         = "Europe/Berlin"
}

resource "conference_portsip_room" "town_hall" {
  extension_number   = "8200"
  mode               = "VIDEO"
  subject            = "Quarterly town hall"
  capacity           = 200
  control            = "MASTER"
  layout             = "LAYOUT9"
  height             = 1080
  width              = 1920
  admin_pin          = "975310"
  scheduled_start_at = "2030-03-02T16:00:00+01:00"
  scheduled_end_at   = "2030-03-02T17:30:00+01:00"
  custom_options     = jsonencode({ moh = true, welcome = "Welcome to the town hall" })
}

resource "conference_line_meeting_id" "weekly" {
  room_service_id = "demo-service"
  room_id         = "weekly-sync"
  type            = "S"
  title           = "Weekly sync"
}

variable "meeting_end" {
  description = "When the Whereby rooms close (RFC 3339, not in the past); `make demo` sets it a week ahead."
  type        = string
  default     = "2030-03-02T17:30:00+01:00"
}

# A viewer mode room: locked, for many, with a URL for hosts and one for
# viewers who only watch.
resource "conference_whereby_meeting" "town_hall" {
  end_date         = var.meeting_end
  template_type    = "viewerMode"
  room_name_prefix = "town-hall-"
}

resource "conference_whereby_meeting" "standup" {
  end_date          = var.meeting_end
  room_name_pattern = "human-short"
  fields            = ["hostRoomUrl"]
}

data "conference_whereby_meetings" "all" {
  depends_on = [conference_whereby_meeting.town_hall, conference_whereby_meeting.standup]
}

data "conference_portsip_rooms" "video" {
  filter  = "mode eq 'VIDEO'"
  orderby = "extension_number asc"

  depends_on = [conference_portsip_room.town_hall, conference_portsip_room.standup]
}

# LINE Planet returns its SIP proxy only when a meeting ID is created, so the
# data source takes it to build the dial string that SIP phones use.
data "conference_line_meeting_id" "weekly" {
  room_service_id = conference_line_meeting_id.weekly.room_service_id
  room_id         = conference_line_meeting_id.weekly.room_id
  sip_proxy       = conference_line_meeting_id.weekly.sip_proxy
  sip_proxy_port  = conference_line_meeting_id.weekly.sip_proxy_port
}

output "server" {
  value = {
    id   = conference_portsip_server.east.id
    type = conference_portsip_server.east.type
  }
}

output "rooms" {
  value = {
    for r in [conference_portsip_room.standup, conference_portsip_room.town_hall] :
    r.extension_number => { id = r.id, mode = r.mode, created_at = r.created_at, sbc = "${r.sbc_host}:${r.sbc_port}" }
  }
}

output "video_rooms" {
  value = [for r in data.conference_portsip_rooms.video.rooms : "${r.extension_number} ${r.subject}"]
}

output "line_meeting" {
  value = {
    meeting_id = conference_line_meeting_id.weekly.meeting_id
    expire_at  = conference_line_meeting_id.weekly.expire_at
    sip_dial   = data.conference_line_meeting_id.weekly.sip_dial_string
  }
}

output "whereby" {
  value = {
    town_hall_viewers = conference_whereby_meeting.town_hall.viewer_room_url
    standup           = conference_whereby_meeting.standup.room_url
    ends              = conference_whereby_meeting.standup.end_date
    rooms_listed      = length(data.conference_whereby_meetings.all.meetings)
  }
}
