package portsipmap

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// The live state of the PBX's objects, which only data sources read: a
// server's load, a room's or meeting's status and participants, a room's
// recordings.

// ServerStatus is a conference server's load (GET .../servers/{id}/status).
type ServerStatus struct {
	RoomsCount        types.Int64  `tfsdk:"rooms_count"`
	ParticipantsCount types.Int64  `tfsdk:"participants_count"`
	CPUUsage          types.Int64  `tfsdk:"cpu_usage"`
	MemoryUsage       types.Int64  `tfsdk:"memory_usage"`
	Status            types.String `tfsdk:"status"`
}

// ServerStatusAttrs are a server status's attributes.
func ServerStatusAttrs() mapping.Attrs {
	return mapping.Attrs{
		"rooms_count":        mapping.ReadOnlyInt64("The number of rooms on the server."),
		"participants_count": mapping.ReadOnlyInt64("The number of participants currently in conferences on the server."),
		"cpu_usage":          mapping.ReadOnlyInt64("The server's CPU usage as the PBX reports it (percent)."),
		"memory_usage":       mapping.ReadOnlyInt64("The server's memory usage as the PBX reports it (percent)."),
		"status":             mapping.ReadOnlyString("`ONLINE` or `OFFLINE`."),
	}
}

// FromAPI reads a server status.
func (m *ServerStatus) FromAPI(_ context.Context, s *portsip.ServerStatus, _ *diag.Diagnostics) {
	m.RoomsCount = types.Int64Value(s.RoomsCount)
	m.ParticipantsCount = types.Int64Value(s.ParticipantsCount)
	m.CPUUsage = types.Int64Value(s.CPUUsage)
	m.MemoryUsage = types.Int64Value(s.MemoryUsage)
	m.Status = types.StringValue(s.Status)
}

// ConferenceStatus is a room's or a meeting's live status.
type ConferenceStatus struct {
	Status    types.String `tfsdk:"status"`
	Locked    types.Bool   `tfsdk:"locked"`
	Muted     types.Bool   `tfsdk:"muted"`
	Recording types.Bool   `tfsdk:"recording"`
}

// ConferenceStatusAttrs are the attributes of the status of a noun ("room",
// "meeting"); offline says what OFFLINE means for one.
func ConferenceStatusAttrs(noun, offline string) mapping.Attrs {
	return mapping.Attrs{
		"status":    mapping.ReadOnlyString("`ONLINE`, `ON_CALL` or `OFFLINE`, as the PBX reports it. `ON_CALL` means a conference is in progress; " + offline),
		"locked":    mapping.ReadOnlyBool("Whether the " + noun + " is locked, so that nobody else can join."),
		"muted":     mapping.ReadOnlyBool("Whether the whole " + noun + " is muted."),
		"recording": mapping.ReadOnlyBool("Whether the conference is being recorded right now."),
	}
}

// FromAPI reads a conference status.
func (m *ConferenceStatus) FromAPI(_ context.Context, s *portsip.ConferenceStatus, _ *diag.Diagnostics) {
	m.Status = types.StringValue(s.Status)
	m.Locked = types.BoolValue(s.Locked)
	m.Muted = types.BoolValue(s.Muted)
	m.Recording = types.BoolValue(s.Recording)
}

// Participant is one member of a live conference.
type Participant struct {
	ID          types.String `tfsdk:"id"`
	DisplayName types.String `tfsdk:"display_name"`
	Muted       types.Bool   `tfsdk:"muted"`
	Chairman    types.Bool   `tfsdk:"chairman"`
	Position    types.Int64  `tfsdk:"position"`
}

// ParticipantAttrs are the attributes of a participant in the conference of
// a noun ("room", "meeting").
func ParticipantAttrs(noun string) mapping.Attrs {
	return mapping.Attrs{
		"id":           mapping.ReadOnlyString("The participant's ID within the conference."),
		"display_name": mapping.ReadOnlyString("The participant's display name, such as `\"Alice\"<sip:1001@pbx.example.com>`."),
		"muted":        mapping.ReadOnlyBool("Whether the participant is muted."),
		"chairman":     mapping.ReadOnlyBool("Whether the participant is the " + noun + "'s chairman."),
		"position":     mapping.ReadOnlyInt64("The participant's tile in the video layout, 0 to 8; -1 when not shown."),
	}
}

// FromAPI reads a participant.
func (m *Participant) FromAPI(_ context.Context, p *portsip.Participant, _ *diag.Diagnostics) {
	m.ID = types.StringValue(p.ID)
	m.DisplayName = types.StringValue(p.DisplayName)
	m.Muted = types.BoolValue(p.Muted)
	m.Chairman = types.BoolValue(p.Chairman)
	m.Position = types.Int64Value(p.Position)
}

// Recording is one recording of a room.
type Recording struct {
	ID         types.String     `tfsdk:"id"`
	AnsweredAt timetype.RFC3339 `tfsdk:"answered_at"`
	EndedAt    timetype.RFC3339 `tfsdk:"ended_at"`
	Duration   types.Int64      `tfsdk:"duration"`
	FileName   types.String     `tfsdk:"file_name"`
	FileSize   types.Int64      `tfsdk:"file_size"`
	FileURL    types.String     `tfsdk:"file_url"`
}

// RecordingAttrs are a recording's attributes.
func RecordingAttrs() mapping.Attrs {
	return mapping.Attrs{
		"id":          mapping.ReadOnlyString("The recording's ID."),
		"answered_at": mapping.ReadOnlyTime("When the recorded call was answered, in RFC 3339 (UTC)."),
		"ended_at":    mapping.ReadOnlyTime("When the recorded call ended, in RFC 3339 (UTC); null while it is still being recorded."),
		"duration":    mapping.ReadOnlyInt64("The playback time in seconds."),
		"file_name":   mapping.ReadOnlyString("The recording's file name."),
		"file_size":   mapping.ReadOnlyInt64("The file's size in bytes."),
		"file_url": mapping.ReadOnlyString("The path to download the file from, relative to the PBX's endpoint, such as `/api/blobs/WexWdABcd5D4PDgzTKV3gAAAEu00WcK`. " +
			"Downloading it needs the same credentials as the API."),
	}
}

// FromAPI reads a recording.
func (m *Recording) FromAPI(_ context.Context, r *portsip.Recording, diags *diag.Diagnostics) {
	m.ID = types.StringValue(r.ID)
	m.AnsweredAt = mapping.Time(platform, "answered_at", r.AnsweredAt, diags)
	m.EndedAt = mapping.Time(platform, "ended_at", r.EndedAt, diags)
	m.Duration = types.Int64Value(r.Duration)
	m.FileName = types.StringValue(r.FileName)
	m.FileSize = types.Int64Value(r.FileSize)
	m.FileURL = types.StringValue(r.FileURL)
}
