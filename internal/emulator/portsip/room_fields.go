package portsip

import (
	"encoding/json"
	"strings"
	"time"
	_ "time/tzdata" // IANA zone names validate the same on every host.

	"golang.org/x/text/language"
)

// videoInt is one of the integer settings that are "Only valid in VIDEO mode",
// with its range and default.
type videoInt struct {
	name          string
	min, max, def int64
	field         func(*Room) **int64
}

var videoInts = []videoInt{
	{"height", 144, 1920, 720, func(r *Room) **int64 { return &r.Height }},
	{"width", 144, 1920, 1280, func(r *Room) **int64 { return &r.Width }},
	{"bitrate", 128, 10240, 1024, func(r *Room) **int64 { return &r.Bitrate }},
	{"framerate", 5, 30, 15, func(r *Room) **int64 { return &r.Framerate }},
}

const defaultLayout = "LAYOUT0"

// applyRoom applies the fields a create and an update share to r, recording
// every problem. r.Mode must already be set (it is empty when the create body's
// mode is missing or bad; the VIDEO-only check is then skipped).
//
// Update semantics (the documents are silent; the project decides, PATCH-like): a
// field left out is kept. Optional fields without a default are cleared by ""
// (strings), [] (lists) or null: language, admin_pin, room_pin, timezone,
// scheduled_start_at, scheduled_end_at, numbers, internal_invitees,
// external_invitees, outbound_caller_ids, custom_options. Fields that always
// have a value (control, subject, capacity, enable_prompt and, in VIDEO mode,
// height, width, bitrate, framerate, layout) reject null.
func applyRoom(b *body, r *Room) {
	p := b.p
	b.notNull("control", "subject", "capacity", "enable_prompt")
	if v, ok := b.enum("control", roomControls); ok {
		r.Control = v
	}
	for _, vi := range videoInts {
		if !b.present(vi.name) {
			continue
		}
		if r.Mode == ModeAudio {
			p.add(vi.name, "%s is only valid in VIDEO mode", vi.name)
			continue
		}
		b.notNull(vi.name)
		if v, ok := b.integer(vi.name, vi.min, vi.max); ok {
			*vi.field(r) = &v
		}
	}
	if b.present("layout") {
		if r.Mode == ModeAudio {
			p.add("layout", "layout is only valid in VIDEO mode")
		} else {
			b.notNull("layout")
			if v, ok := b.enum("layout", roomLayouts); ok {
				r.Layout = v
			}
		}
	}
	if v, ok := b.str("subject"); ok && b.length("subject", v, 1, 64) {
		r.Subject = v
	}
	if v, ok := b.integer("capacity", 1, 200); ok {
		r.Capacity = v
	}
	if v, ok := b.boolean("enable_prompt"); ok {
		r.EnablePrompt = v
	}
	clearable(b, "language", &r.Language, func(s string) string {
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
	}{{"admin_pin", &r.AdminPIN}, {"room_pin", &r.RoomPIN}} {
		clearable(b, pin.name, pin.dst, func(s string) string {
			// "Only numeric sequences are allowed", minLength 3, maxLength 6.
			if !pinPattern.MatchString(s) {
				return pin.name + " must be 3 to 6 digits"
			}
			return ""
		})
	}
	clearable(b, "timezone", &r.Timezone, func(s string) string {
		// IANA names only: LoadLocation would also take "Local" (the host's
		// zone) and "" (UTC).
		if _, err := time.LoadLocation(s); err != nil || s == "Local" {
			return "timezone must be an IANA time zone name such as Asia/Shanghai"
		}
		return ""
	})
	clearableTime(b, "scheduled_start_at", &r.ScheduledStartAt)
	clearableTime(b, "scheduled_end_at", &r.ScheduledEndAt)
	clearable(b, "numbers", &r.Numbers, func(s string) string {
		if len([]rune(s)) > 128 {
			return "numbers must be at most 128 characters"
		}
		return ""
	})
	clearable(b, "external_invitees", &r.ExternalInvitees, func(string) string { return "" })
	clearable(b, "custom_options", &r.CustomOptions, func(s string) string {
		// "Some custom configuration options serialized as json string".
		if !json.Valid([]byte(s)) {
			return "custom_options must be valid JSON text"
		}
		return ""
	})
	applyInvitees(b, r)
	applyCallerIDs(b, r)
	if r.ScheduledStartAt != nil && r.ScheduledEndAt != nil && !r.ScheduledEndAt.After(*r.ScheduledStartAt) &&
		!b.p.hasField("scheduled_start_at") && !b.p.hasField("scheduled_end_at") {
		p.add("scheduled_end_at", "scheduled_end_at must be after scheduled_start_at")
	}
	// VIDEO rooms always have the five video settings (defaults from the
	// spec); AUDIO rooms never do.
	switch r.Mode {
	case ModeVideo:
		for _, vi := range videoInts {
			if f := vi.field(r); *f == nil {
				def := vi.def
				*f = &def
			}
		}
		if r.Layout == "" {
			r.Layout = defaultLayout
		}
	case ModeAudio:
		for _, vi := range videoInts {
			*vi.field(r) = nil
		}
		r.Layout = ""
	}
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

// applyInvitees: internal_invitees is a list of user IDs (the emulated PBX has
// no users to check them against, so any non-empty ID goes); [] or null clears.
func applyInvitees(b *body, r *Room) {
	if !b.present("internal_invitees") {
		return
	}
	if b.null("internal_invitees") {
		r.InternalInvitees = nil
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
	r.InternalInvitees = ids
}

// applyCallerIDs: outbound_caller_ids, each {provider_id, caller_id 1..64,
// description <= 1024} as the spec's item schema; [] or null clears.
func applyCallerIDs(b *body, r *Room) {
	if !b.present("outbound_caller_ids") {
		return
	}
	if b.null("outbound_caller_ids") {
		r.OutboundCallerIDs = nil
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
	r.OutboundCallerIDs = ids
}
