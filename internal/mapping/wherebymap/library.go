package wherebymap

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// Recording is a recording Whereby keeps (GET /recordings).
type Recording struct {
	ID              types.String     `tfsdk:"id"`
	RoomSessionID   types.String     `tfsdk:"room_session_id"`
	Filename        types.String     `tfsdk:"filename"`
	StartDate       timetype.RFC3339 `tfsdk:"start_date"`
	EndDate         timetype.RFC3339 `tfsdk:"end_date"`
	SizeInMegabytes types.Float64    `tfsdk:"size_in_megabytes"`
}

// when is a time Whereby gives, as it writes every time.
func when(doc string) mapping.Attr {
	return mapping.ReadOnlyTime(doc + " (RFC 3339, UTC).")
}

// RecordingAttrs are a recording's attributes.
func RecordingAttrs() mapping.Attrs {
	return mapping.Attrs{
		"id":                mapping.ReadOnlyString("The recording's ID (`recordingId`)."),
		"room_session_id":   mapping.ReadOnlyString("The ID of the room session it recorded."),
		"filename":          mapping.ReadOnlyString("The recording's file name."),
		"start_date":        when("When the recording started"),
		"end_date":          when("When the recording ended"),
		"size_in_megabytes": mapping.ReadOnlyFloat64("The file's size in megabytes."),
	}
}

// FromAPI reads a recording.
func (m *Recording) FromAPI(_ context.Context, r *whereby.RecordingFile, _ *diag.Diagnostics) {
	m.ID = types.StringValue(r.RecordingID)
	m.RoomSessionID = types.StringValue(r.RoomSessionID)
	m.Filename = mapping.String(r.Filename)
	m.StartDate = mapping.TimeOf(r.StartDate)
	m.EndDate = mapping.TimeOf(r.EndDate)
	m.SizeInMegabytes = types.Float64Value(r.SizeInMegaBytes)
}

// Transcription is a transcription Whereby keeps (GET /transcriptions).
type Transcription struct {
	ID                types.String     `tfsdk:"id"`
	RoomSessionID     types.String     `tfsdk:"room_session_id"`
	RoomName          types.String     `tfsdk:"room_name"`
	Filename          types.String     `tfsdk:"filename"`
	StartDate         timetype.RFC3339 `tfsdk:"start_date"`
	EndDate           timetype.RFC3339 `tfsdk:"end_date"`
	CreatedAt         timetype.RFC3339 `tfsdk:"created_at"`
	State             types.String     `tfsdk:"state"`
	Type              types.String     `tfsdk:"type"`
	StorageType       types.String     `tfsdk:"storage_type"`
	DurationInSeconds types.Float64    `tfsdk:"duration_in_seconds"`
}

// TranscriptionAttrs are a transcription's attributes.
func TranscriptionAttrs() mapping.Attrs {
	return mapping.Attrs{
		"id":                  mapping.ReadOnlyString("The transcription's ID (`transcriptionId`)."),
		"room_session_id":     mapping.ReadOnlyString("The ID of the room session it transcribed."),
		"room_name":           mapping.ReadOnlyString("The room's name, starting with `/`."),
		"filename":            mapping.ReadOnlyString("The transcription's file name; null until there is one."),
		"start_date":          when("When the transcribed session started"),
		"end_date":            when("When the transcribed session ended"),
		"created_at":          when("When the transcription was created"),
		"state":               mapping.ReadOnlyString("`ready` (to download), `failed` or `in_progress`."),
		"type":                mapping.ReadOnlyString("`LIVE_TRANSCRIPTION` (made during the session) or `RECORDING_TRANSCRIPTION` (made from a recording)."),
		"storage_type":        mapping.ReadOnlyString("`WHEREBY_HOSTED` or `SELF_HOSTED`; null when Whereby does not say."),
		"duration_in_seconds": mapping.ReadOnlyFloat64("The billable time in seconds; null when Whereby does not say."),
	}
}

// FromAPI reads a transcription.
func (m *Transcription) FromAPI(_ context.Context, t *whereby.Transcription, _ *diag.Diagnostics) {
	m.ID = types.StringValue(t.TranscriptionID)
	m.RoomSessionID = types.StringValue(t.RoomSessionID)
	m.RoomName = types.StringValue(t.RoomName)
	m.Filename = mapping.String(t.Filename)
	m.StartDate = mapping.TimeOf(t.StartDate)
	m.EndDate = mapping.TimeOf(t.EndDate)
	m.CreatedAt = mapping.TimeOf(t.CreatedAt)
	m.State = types.StringValue(t.State)
	m.Type = types.StringValue(t.Type)
	m.StorageType = mapping.String(t.StorageType)
	m.DurationInSeconds = types.Float64PointerValue(t.DurationInSeconds)
}

// roomNamePattern is a room name as Whereby writes it: "/" and the name.
var roomNamePattern = regexp.MustCompile(`^/[^/?#\s]+$`)

// RoomNameFilter is the room_name argument of the recording and
// transcription lists: "roomName", the exact name.
func RoomNameFilter(what string) dschema.StringAttribute {
	return RoomNameArg("Only the "+what+" of this room", false)
}

// RoomNameArg is an argument that names a room exactly, described by doc;
// required or optional.
func RoomNameArg(doc string, required bool) dschema.StringAttribute {
	return dschema.StringAttribute{Optional: !required, Required: required,
		Description: doc + ": its name as Whereby writes it, starting with `/` (a meeting's `room_name`).",
		Validators: []validator.String{stringvalidator.RegexMatches(roomNamePattern,
			"must be a room name starting with /, such as a meeting's room_name: \"/team-sync-1a2b\"")}}
}

// RoomNamePrefixFilter is the room_name_prefix argument of the room
// insights: "roomName[startsWith]", which the document's example writes
// with the leading "/".
func RoomNamePrefixFilter() dschema.StringAttribute {
	return dschema.StringAttribute{Optional: true,
		Description: "Only the rooms whose name starts with this, itself starting with `/` (a meeting's `room_name_prefix` after a `/`: `/team-sync`).",
		Validators: []validator.String{stringvalidator.RegexMatches(roomNamePrefixPattern,
			"must be the start of a room name, itself starting with /: \"/team-sync\"")}}
}

// roomNamePrefixPattern is the start of a room name: "/" and part of the name.
var roomNamePrefixPattern = regexp.MustCompile(`^/[^/?#\s]*$`)

// SortBy is the sort_by argument: "field:asc" or "field:desc", the field one
// of fields (the list's "Accepted fields").
func SortBy(fields ...string) dschema.StringAttribute {
	var values []string
	for _, f := range fields {
		values = append(values, f+":asc", f+":desc")
	}
	e := mapping.Enum[string](values)
	return dschema.StringAttribute{Optional: true,
		Description: "The order, as Whereby sorts: " + e.Doc() + ". Unset, Whereby's own order (oldest first in the emulator).",
		Validators:  []validator.String{e.Validator()}}
}

// Summary is a summary Whereby made of a transcription (GET /summaries).
type Summary struct {
	ID              types.String     `tfsdk:"id"`
	TranscriptionID types.String     `tfsdk:"transcription_id"`
	RoomSessionID   types.String     `tfsdk:"room_session_id"`
	RoomName        types.String     `tfsdk:"room_name"`
	StartDate       timetype.RFC3339 `tfsdk:"start_date"`
	EndDate         timetype.RFC3339 `tfsdk:"end_date"`
	CreatedAt       timetype.RFC3339 `tfsdk:"created_at"`
	ModifiedAt      timetype.RFC3339 `tfsdk:"modified_at"`
	State           types.String     `tfsdk:"state"`
	Template        types.String     `tfsdk:"template"`
	Text            types.String     `tfsdk:"text"`
}

// SummaryAttrs are a summary's attributes.
func SummaryAttrs() mapping.Attrs {
	return mapping.Attrs{
		"id":               mapping.ReadOnlyString("The summary's ID (`summaryId`)."),
		"transcription_id": mapping.ReadOnlyString("The transcription it summarizes."),
		"room_session_id":  mapping.ReadOnlyString("The ID of the room session."),
		"room_name":        mapping.ReadOnlyString("The room's name, starting with `/`."),
		"start_date":       when("When the session started"),
		"end_date":         when("When the session ended"),
		"created_at":       when("When the summary was created"),
		"modified_at":      when("When the summary last changed"),
		"state":            mapping.ReadOnlyString("The summary's state, as Whereby gives it (`completed` when done)."),
		"template":         mapping.ReadOnlyString("The template it was made with, such as `General Narrative` or `SOAP`."),
		"text":             mapping.ReadOnlyString("The summary itself (the `summary` object's `summary`); null until there is one."),
	}
}

// FromAPI reads a summary.
func (m *Summary) FromAPI(_ context.Context, s *whereby.Summary, _ *diag.Diagnostics) {
	m.ID = types.StringValue(s.SummaryID)
	m.TranscriptionID = types.StringValue(s.TranscriptionID)
	m.RoomSessionID = types.StringValue(s.RoomSessionID)
	m.RoomName = types.StringValue(s.RoomName)
	m.StartDate = mapping.TimeOf(s.StartDate)
	m.EndDate = mapping.TimeOf(s.EndDate)
	m.CreatedAt = mapping.TimeOf(s.CreatedAt)
	m.ModifiedAt = mapping.TimeOf(s.ModifiedAt)
	m.State = types.StringValue(s.State)
	m.Template = types.StringValue(s.Template)
	m.Text = mapping.String(s.Summary["summary"])
}
