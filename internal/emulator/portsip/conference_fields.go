package portsip

import (
	"encoding/json"
	"maps"
	"regexp"
	"strings"
	"time"
	_ "time/tzdata" // IANA zone names validate the same on every host.

	"golang.org/x/text/language"
)

// Field values rooms and meetings share (portsip-conference.txt, "Create a
// conference room"; createMeeting has the same enums).
var (
	conferenceModes    = []string{ModeAudio, ModeVideo}
	conferenceControls = []string{"FREE", "MASTER"}
	conferenceLayouts  = []string{"LAYOUT0", "LAYOUT1", "LAYOUT2", "LAYOUT3", "LAYOUT4", "LAYOUT6", "LAYOUT9"}

	extensionPattern = regexp.MustCompile(`^[0-9]{3,64}$`)
	pinPattern       = regexp.MustCompile(`^[0-9]{3,6}$`)
)

const (
	ModeAudio = "AUDIO"
	ModeVideo = "VIDEO"
)

// conferenceFields are the body fields the create and update operations of
// both rooms and meetings take. capacity is not among them: createMeeting has
// none.
var conferenceFields = []string{
	"control", "height", "width", "bitrate", "framerate", "layout", "subject", "language",
	"admin_pin", "room_pin", "enable_prompt", "timezone", "scheduled_start_at",
	"scheduled_end_at", "internal_invitees", "external_invitees", "outbound_caller_ids",
	"custom_options",
}

// conferenceComputed are the properties both GET schemas have and no request
// body takes.
var conferenceComputed = map[string]string{
	"id": "is read-only", "created_at": "is read-only", "domain": "is read-only",
	"sbc_host": "is read-only", "sbc_port": "is read-only", "token": "is read-only",
}

// withFixed is conferenceComputed plus more fields a body cannot carry.
func withFixed(more map[string]string) map[string]string {
	out := maps.Clone(conferenceComputed)
	maps.Copy(out, more)
	return out
}

// conferenceListFields are the list item fields both collections share, for
// filter and orderby.
var conferenceListFields = map[string]fieldKind{
	"id": kindString, "extension_number": kindString, "mode": kindString, "control": kindString,
	"height": kindNumber, "width": kindNumber, "bitrate": kindNumber, "framerate": kindNumber,
	"layout": kindString, "subject": kindString, "language": kindString, "capacity": kindNumber,
	"admin_pin": kindString, "room_pin": kindString, "enable_recording": kindBool,
	"enable_prompt": kindBool, "timezone": kindString, "created_at": kindTime,
	"scheduled_start_at": kindTime, "scheduled_end_at": kindTime,
	"internal_invitees": kindList, "external_invitees": kindString, "custom_options": kindString,
}

// conferenceCollection is a collection of rooms or meetings: the shared list
// fields plus more.
func conferenceCollection(more map[string]fieldKind) *collection {
	fields := maps.Clone(conferenceListFields)
	maps.Copy(fields, more)
	return &collection{fields: fields, search: []string{"subject", "extension_number"}}
}

// videoInt is one of the integer settings that are "Only valid in VIDEO mode",
// with its range and default.
type videoInt struct {
	name          string
	min, max, def int64
	field         func(*Conference) **int64
}

var videoInts = []videoInt{
	{"height", 144, 1920, 720, func(c *Conference) **int64 { return &c.Height }},
	{"width", 144, 1920, 1280, func(c *Conference) **int64 { return &c.Width }},
	{"bitrate", 128, 10240, 1024, func(c *Conference) **int64 { return &c.Bitrate }},
	{"framerate", 5, 30, 15, func(c *Conference) **int64 { return &c.Framerate }},
}

const defaultLayout = "LAYOUT0"

// Defaults of a new room or meeting (the spec's "default" for each).
func newConference() Conference {
	return Conference{Control: "FREE", Capacity: 9, EnablePrompt: true}
}

// applyConference applies the fields rooms and meetings share to c,
// recording every problem; the caller has already dropped, with body.allow,
// the fields its operation does not take. c.Mode must already be set (it is
// empty when the create body's mode is missing or bad; the VIDEO-only check is
// then skipped).
//
// Update semantics (the documents are silent; the project decides, PATCH-like): a
// field left out is kept. Optional fields without a default are cleared by ""
// (strings), [] (lists) or null: language, admin_pin, room_pin, timezone,
// scheduled_start_at, scheduled_end_at, internal_invitees, external_invitees,
// outbound_caller_ids, custom_options. Fields that always have a value
// (control, subject, capacity, enable_recording, enable_prompt and, in VIDEO
// mode, height, width, bitrate, framerate, layout) reject null.
func applyConference(b *body, c *Conference) {
	p := b.p
	b.notNull("control", "subject", "capacity", "enable_recording", "enable_prompt")
	if v, ok := b.enum("control", conferenceControls); ok {
		c.Control = v
	}
	for _, vi := range videoInts {
		if !b.present(vi.name) {
			continue
		}
		if c.Mode == ModeAudio {
			p.add(vi.name, "%s is only valid in VIDEO mode", vi.name)
			continue
		}
		b.notNull(vi.name)
		if v, ok := b.integer(vi.name, vi.min, vi.max); ok {
			*vi.field(c) = &v
		}
	}
	if b.present("layout") {
		if c.Mode == ModeAudio {
			p.add("layout", "layout is only valid in VIDEO mode")
		} else {
			b.notNull("layout")
			if v, ok := b.enum("layout", conferenceLayouts); ok {
				c.Layout = v
			}
		}
	}
	if v, ok := b.str("subject"); ok && b.length("subject", v, 64) {
		c.Subject = v
	}
	if v, ok := b.integer("capacity", 1, 200); ok {
		c.Capacity = v
	}
	if v, ok := b.boolean("enable_recording"); ok {
		c.EnableRecording = v
	}
	if v, ok := b.boolean("enable_prompt"); ok {
		c.EnablePrompt = v
	}
	clearable(b, "language", &c.Language, func(s string) string {
		// BCP 47: well-formed and made of registered subtags; "-" is the only
		// separator (x/text would also take "_").
		if _, err := language.Parse(s); err != nil || strings.Contains(s, "_") {
			return "language must be a BCP 47 language tag such as en-US"
		}
		return ""
	})
	for _, pin := range []struct {
		name string
		dst  *string
	}{{"admin_pin", &c.AdminPIN}, {"room_pin", &c.RoomPIN}} {
		clearable(b, pin.name, pin.dst, func(s string) string {
			// "Only numeric sequences are allowed", minLength 3, maxLength 6.
			if !pinPattern.MatchString(s) {
				return pin.name + " must be 3 to 6 digits"
			}
			return ""
		})
	}
	clearable(b, "timezone", &c.Timezone, checkTimezone)
	clearableTime(b, "scheduled_start_at", &c.ScheduledStartAt)
	clearableTime(b, "scheduled_end_at", &c.ScheduledEndAt)
	clearable(b, "external_invitees", &c.ExternalInvitees, func(string) string { return "" })
	clearable(b, "custom_options", &c.CustomOptions, func(s string) string {
		// "Some custom configuration options serialized as json string".
		if !json.Valid([]byte(s)) {
			return "custom_options must be valid JSON text"
		}
		return ""
	})
	applyInvitees(b, c)
	applyCallerIDs(b, c)
	if c.ScheduledStartAt != nil && c.ScheduledEndAt != nil && !c.ScheduledEndAt.After(*c.ScheduledStartAt) &&
		!b.p.hasField("scheduled_start_at") && !b.p.hasField("scheduled_end_at") {
		p.add("scheduled_end_at", "scheduled_end_at must be after scheduled_start_at")
	}
	// VIDEO conferences always have the five video settings (defaults from
	// the spec); AUDIO ones never do.
	switch c.Mode {
	case ModeVideo:
		for _, vi := range videoInts {
			if f := vi.field(c); *f == nil {
				def := vi.def
				*f = &def
			}
		}
		if c.Layout == "" {
			c.Layout = defaultLayout
		}
	case ModeAudio:
		for _, vi := range videoInts {
			*vi.field(c) = nil
		}
		c.Layout = ""
	}
}

const badTimezone = "timezone must be an IANA time zone name such as Asia/Shanghai"

// checkTimezone takes IANA names only: LoadLocation would also take "Local"
// (the host's zone) and "" (UTC).
func checkTimezone(s string) string {
	if _, err := time.LoadLocation(s); err != nil || s == "Local" || s == "" {
		return badTimezone
	}
	return ""
}

// clearable handles an optional string without a default: absent keeps it,
// null or "" clears it, anything else must pass check (which returns the
// problem, or "").
func clearable(b *body, name string, dst *string, check func(string) string) {
	if !b.present(name) {
		return
	}
	if b.null(name) {
		*dst = ""
		return
	}
	v, ok := b.str(name)
	if !ok {
		return
	}
	if v == "" {
		*dst = ""
		return
	}
	if msg := check(v); msg != "" {
		b.p.add(name, "%s", msg)
		return
	}
	*dst = v
}

// clearableTime is clearable for RFC 3339 date-times, stored in UTC.
func clearableTime(b *body, name string, dst **time.Time) {
	var s string
	clearable(b, name, &s, func(v string) string {
		if _, ok := parseTime(v); !ok {
			return name + " must be an RFC 3339 date-time such as 2017-07-21T17:32:28Z"
		}
		return ""
	})
	if !b.present(name) || b.p.hasField(name) {
		return
	}
	if s == "" {
		*dst = nil
		return
	}
	t, _ := parseTime(s)
	*dst = &t
}

// applyInvitees: internal_invitees is a list of user IDs. The emulated PBX
// does not check them against its users (rooms are often configured with
// invitees of another system's directory), so any non-empty ID goes; [] or
// null clears.
func applyInvitees(b *body, c *Conference) {
	if !b.present("internal_invitees") {
		return
	}
	if b.null("internal_invitees") {
		c.InternalInvitees = nil
		return
	}
	var ids []string
	if !b.rawField("internal_invitees", "an array of user IDs", &ids) {
		return
	}
	for _, id := range ids {
		if strings.TrimSpace(id) == "" {
			b.p.add("internal_invitees", "internal_invitees must not contain empty IDs")
			return
		}
	}
	if len(ids) == 0 {
		ids = nil
	}
	c.InternalInvitees = ids
}

// applyCallerIDs: outbound_caller_ids, each {provider_id, caller_id 1..64,
// description <= 1024} as the spec's item schema; [] or null clears.
func applyCallerIDs(b *body, c *Conference) {
	if !b.present("outbound_caller_ids") {
		return
	}
	if b.null("outbound_caller_ids") {
		c.OutboundCallerIDs = nil
		return
	}
	var ids []OutboundCallerID
	if !b.rawField("outbound_caller_ids", "an array of {provider_id, caller_id, description}", &ids) {
		return
	}
	bad := false
	for i, c := range ids {
		if c.ProviderID == "" {
			b.p.add("outbound_caller_ids", "outbound_caller_ids[%d].provider_id is required", i)
			bad = true
		}
		if n := len([]rune(c.CallerID)); n < 1 || n > 64 {
			b.p.add("outbound_caller_ids", "outbound_caller_ids[%d].caller_id must be 1 to 64 characters", i)
			bad = true
		}
		if len([]rune(c.Description)) > 1024 {
			b.p.add("outbound_caller_ids", "outbound_caller_ids[%d].description must be at most 1024 characters", i)
			bad = true
		}
	}
	if bad {
		return
	}
	if len(ids) == 0 {
		ids = nil
	}
	c.OutboundCallerIDs = ids
}
