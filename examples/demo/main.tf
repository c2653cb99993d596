# The demo: a PortSIP conference server with two rooms, two PBX users' meetings,
# a LINE Planet meeting ID, an SQMeeting meeting and recurring meeting, and two
# Whereby rooms, applied against conference-emulator by `make demo`. The
# provider reads its endpoints and credentials from the environment
# (PORTSIP_*, LINE_PLANET_*, SQMEETING_*, WHEREBY_*), which the demo script sets
# to the emulator's.
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
  # Write-only: the PIN is sent to the PBX and never kept in the state.
  room_pin_wo         = "2468"
  room_pin_wo_version = 1
  language            = "en-US"
  timezone            = "Europe/Berlin"
}

resource "conference_portsip_room" "town_hall" {
  extension_number     = "8200"
  mode                 = "VIDEO"
  subject              = "Quarterly town hall"
  capacity             = 200
  control              = "MASTER"
  layout               = "LAYOUT9"
  height               = 1080
  width                = 1920
  admin_pin_wo         = "975310"
  admin_pin_wo_version = 1
  scheduled_start_at   = "2030-03-02T16:00:00+01:00"
  scheduled_end_at     = "2030-03-02T17:30:00+01:00"
  custom_options       = jsonencode({ moh = true, welcome = "Welcome to the town hall" })
}

# A PortSIP meeting belongs to the user who creates it, and the PBX shows it to
# nobody else: each user has a provider alias that signs in as them (the
# endpoint still comes from PORTSIP_ENDPOINT). alice and bob are the emulator's
# standard users.
provider "conference" {
  alias = "alice"

  portsip {
    username = "alice"
    password = "alice-password"
  }
}

provider "conference" {
  alias = "bob"

  portsip {
    username = "bob"
    password = "bob-password"
  }
}

resource "conference_portsip_meeting" "design_review" {
  provider = conference.alice

  mode               = "VIDEO"
  subject            = "Design review"
  timezone           = "Europe/Berlin"
  scheduled_start_at = "2030-03-04T10:00:00+01:00"
  scheduled_end_at   = "2030-03-04T11:00:00+01:00"
  capacity           = 20
  layout             = "LAYOUT4"
  enable_recording   = true
  close_on_nobody    = true
}

resource "conference_portsip_meeting" "one_on_one" {
  provider = conference.bob

  mode     = "AUDIO"
  subject  = "1:1 with Alice"
  timezone = "America/New_York"
}

# Each alias lists its own user's meetings only.
data "conference_portsip_meetings" "alice" {
  provider = conference.alice

  depends_on = [conference_portsip_meeting.design_review, conference_portsip_meeting.one_on_one]
}

data "conference_portsip_meetings" "bob" {
  provider = conference.bob

  depends_on = [conference_portsip_meeting.design_review, conference_portsip_meeting.one_on_one]
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

# SQMeeting invitees are user IDs: found by name with the public user search.
data "conference_sqmeeting_users" "team" {
  filter = "example"
}

resource "conference_sqmeeting_meeting" "kickoff" {
  name             = "Project kick-off"
  start_time       = "2030-03-22T14:00:00+01:00"
  end_time         = "2030-03-22T15:00:00+01:00"
  invited_user_ids = [for u in data.conference_sqmeeting_users.team.users : u.id]
}

# 09:00 in Berlin on Mondays, Wednesdays and Fridays (SQMeeting counts
# 1 = Sunday), before and after the change to summer time on 2030-03-31,
# with Easter Monday canceled.
resource "conference_sqmeeting_recurring_meeting" "standup" {
  name             = "Team stand-up"
  recurrence_type  = "WEEKLY"
  days_of_week     = [2, 4, 6]
  timezone         = "Europe/Berlin"
  start_time       = "2030-03-25T09:00:00+01:00"
  end_time         = "2030-03-25T09:15:00+01:00"
  last_day         = "2030-04-30"
  skip_dates       = ["2030-04-22"]
  invited_user_ids = conference_sqmeeting_meeting.kickoff.invited_user_ids
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

output "meetings" {
  value = {
    alice = [for m in data.conference_portsip_meetings.alice.meetings : "${m.extension_number} ${m.subject} (capacity ${m.capacity})"]
    bob   = [for m in data.conference_portsip_meetings.bob.meetings : "${m.extension_number} ${m.subject}"]
  }
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

output "sqmeeting" {
  value = {
    kickoff = "${conference_sqmeeting_meeting.kickoff.meeting_number} ${conference_sqmeeting_meeting.kickoff.meeting_url}"
    standup = conference_sqmeeting_recurring_meeting.standup.meeting_url
    # The next occurrences, in UTC: 08:00 before the change, 07:00 after.
    standup_next = [for o in slice(conference_sqmeeting_recurring_meeting.standup.occurrences, 0, 5) : o.start_time]
  }
}
