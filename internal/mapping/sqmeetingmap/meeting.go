package sqmeetingmap

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// Meeting is a scheduled meeting: instant or reservation, or, in the data
// sources, one occurrence of a series.
type Meeting struct {
	ID   types.String `tfsdk:"id"`
	Type types.String `tfsdk:"type"`
	Settings
	StartTime       timetype.RFC3339 `tfsdk:"start_time"`
	EndTime         timetype.RFC3339 `tfsdk:"end_time"`
	TimeToJoin      types.Int64      `tfsdk:"time_to_join"`
	GenerateLiveURL types.Bool       `tfsdk:"generate_live_url"`
	LivePasscode    types.String     `tfsdk:"live_passcode"`
	LiveMeetingURL  types.String     `tfsdk:"live_meeting_url"`
	OwnerID         types.String     `tfsdk:"owner_id"`
	OwnerName       types.String     `tfsdk:"owner_name"`
}

// InstantImmutable is why every change of an instant meeting replaces it
// (sqmeeting-frtc.txt: "for instant meeting can not be updated"; NOTES.md).
// Users read it in plans: it cites the public reference by title.
const InstantImmutable = "SQMeeting cannot update an instant meeting (SQMeeting/FRTC's REST API: \"for instant meeting can not be updated\"), " +
	"so Terraform deletes it and creates a new one, with a new reservation ID, meeting number and meeting URL."

// typeImmutable: the update API takes no type change (the emulator answers
// "meeting_type cannot change"), and an instant meeting takes no update
// (sqmeeting-frtc.txt; NOTES.md).
const typeImmutable = "SQMeeting cannot change a meeting's type: an instant meeting cannot be updated at all, and a reservation meeting " +
	"cannot become instant (SQMeeting/FRTC's REST API). Terraform deletes the meeting and creates a new one, with a new reservation ID, meeting number and meeting URL."

// defaultTimeToJoin is the document's example: participants may join 30
// minutes before the start.
const defaultTimeToJoin = 30

// meetingTypes are the types a meeting is created with.
var meetingTypes = mapping.Enum[string]{sqmeeting.MeetingTypeInstant, sqmeeting.MeetingTypeReservation}

// MeetingAttrs are a meeting's attributes.
func MeetingAttrs() mapping.Attrs {
	attrs := SettingsAttrs("meeting")
	instant := func(doc, config string) mapping.Attr {
		return mapping.Attr{Doc: doc, Config: config, Resource: schema.StringAttribute{
			CustomType: timetype.RFC3339Type{}, Optional: true, Computed: true,
			PlanModifiers: []planmodifier.String{
				planmodifiers.KeepEquivalent(timetype.RFC3339Type{}), stringplanmodifier.UseStateForUnknown(),
			},
		}}
	}
	attrs["id"] = mapping.Assigned("The meeting's reservation ID, which imports it.")
	attrs["type"] = mapping.Attr{
		Doc: "`instant` (starts when it is created) or `reservation` (scheduled); in the data sources, `recurrence` for an occurrence of a series.",
		Config: "Defaults to `reservation`. Changing it replaces the meeting, and so does every change of an instant meeting: " +
			"SQMeeting cannot update instant meetings.",
		Resource: schema.StringAttribute{
			Optional: true, Computed: true, Default: stringdefault.StaticString(sqmeeting.MeetingTypeReservation),
			Validators:    []validator.String{meetingTypes.Validator()},
			PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecause(typeImmutable)},
		},
	}
	attrs["start_time"] = instant("When the meeting starts, in RFC 3339 such as `2030-03-04T09:00:00+01:00`. An instant meeting starts when it is created.",
		"Required for a reservation meeting. Leave it out for a new instant meeting; for one that exists it may be set to the meeting's own start, "+
			"as in the configuration generated for an imported meeting. "+
			"Any offset is accepted; the same instant written another way is not a change.")
	attrs["end_time"] = instant("When the meeting ends, in RFC 3339. SQMeeting schedules an instant meeting for two hours.",
		"Required for a reservation meeting, and must be after `start_time`. Leave it out for a new instant meeting; for one that exists it may be set to the meeting's own end. "+
			"Any offset is accepted; the same instant written another way is not a change.")
	attrs["time_to_join"] = mapping.Attr{
		Doc:    "How many minutes before the start participants may join; -1 means any time.",
		Config: "-1, or 0 to 1440. Defaults to 30, the server's default.",
		Resource: schema.Int64Attribute{
			Optional: true, Computed: true, Default: int64default.StaticInt64(defaultTimeToJoin),
			Validators: []validator.Int64{int64validator.Between(-1, 24*60)},
		},
	}
	attrs["generate_live_url"] = mapping.Attr{
		Doc: "Whether the meeting is also streamed live, at `live_meeting_url`.", Config: "Defaults to `false`.",
		Resource: schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false)},
	}
	attrs["live_passcode"] = mapping.Attr{
		Doc:    "The passcode of the live stream; null without one.",
		Config: "Only with `generate_live_url = true`; when not set, the server generates one.",
		Resource: schema.StringAttribute{
			Optional: true, Computed: true, Sensitive: true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
	}
	attrs["live_meeting_url"] = mapping.ReadOnlyString("The live stream's URL; null unless `generate_live_url` is true.")
	attrs["owner_id"] = mapping.Assigned("The user ID of the meeting's owner: the user the provider signs in as.")
	attrs["owner_name"] = mapping.Assigned("The owner's real name.")
	return attrs
}

// Listed is a meeting as the data sources read it, with the series an
// occurrence belongs to.
type Listed struct {
	Meeting
	RecurrenceGID types.String `tfsdk:"recurrence_gid"`
}

// ListedAttrs are Listed's attributes.
func ListedAttrs() mapping.Attrs {
	attrs := MeetingAttrs()
	attrs["recurrence_gid"] = mapping.ReadOnlyString("For an occurrence of a series (`type` `recurrence`), the series' ID, which the `conference_sqmeeting_recurring_meeting` data source reads; null otherwise.")
	return attrs
}

// FromAPI refreshes every attribute.
func (m *Meeting) FromAPI(ctx context.Context, api *sqmeeting.Meeting, diags *diag.Diagnostics) {
	m.ID = types.StringValue(api.ReservationID)
	m.Type = types.StringValue(api.MeetingType)
	m.fromAPI(ctx, api, diags)
	m.StartTime = mapping.TimeOf(api.ScheduleStartTime.Time)
	m.EndTime = mapping.TimeOf(api.ScheduleEndTime.Time)
	m.TimeToJoin = types.Int64Value(int64(api.TimeToJoin))
	m.GenerateLiveURL = types.BoolValue(api.GenerateLiveURL)
	m.LivePasscode = mapping.String(api.LivePasscode)
	m.LiveMeetingURL = mapping.String(api.LiveMeetingURL)
	m.OwnerID = mapping.String(api.OwnerID)
	m.OwnerName = mapping.String(api.OwnerName)
}

// FromAPI refreshes every attribute.
func (m *Listed) FromAPI(ctx context.Context, api *sqmeeting.Meeting, diags *diag.Diagnostics) {
	m.Meeting.FromAPI(ctx, api, diags)
	m.RecurrenceGID = mapping.String(api.RecurrenceGID)
}

// CreateBody is the create body.
func (m *Meeting) CreateBody(ctx context.Context, diags *diag.Diagnostics) sqmeeting.MeetingInput {
	return m.body(ctx, nil, diags)
}

// UpdateBody is the update body against prior.
func (m *Meeting) UpdateBody(ctx context.Context, prior *Meeting, diags *diag.Diagnostics) sqmeeting.MeetingInput {
	return m.body(ctx, prior, diags)
}

// body is a create (prior nil) or update body. An instant meeting takes no
// times; an update never sends the type, which cannot change.
func (m *Meeting) body(ctx context.Context, prior *Meeting, diags *diag.Diagnostics) sqmeeting.MeetingInput {
	var in sqmeeting.MeetingInput
	var priorSettings *Settings
	if prior == nil {
		in.MeetingType = m.Type.ValueString()
	} else {
		priorSettings = &prior.Settings
	}
	m.input(ctx, priorSettings, &in, diags)
	if m.Type.ValueString() == sqmeeting.MeetingTypeReservation {
		for _, t := range []struct {
			v   timetype.RFC3339
			out *sqmeeting.Time
		}{{m.StartTime, &in.ScheduleStartTime}, {m.EndTime, &in.ScheduleEndTime}} {
			v, err := t.v.Time()
			if err != nil {
				diags.AddError("Invalid meeting time", fmt.Sprintf("%q is not an RFC 3339 time: %v.", t.v.ValueString(), err))
				continue
			}
			*t.out = sqmeeting.At(v)
		}
	}
	ttj := int(m.TimeToJoin.ValueInt64())
	in.TimeToJoin = &ttj
	in.GenerateLiveURL = m.GenerateLiveURL.ValueBoolPointer()
	if !m.LivePasscode.IsUnknown() {
		in.LivePasscode = m.LivePasscode.ValueString()
	}
	return in
}

// Validate checks what spans attributes: a reservation meeting's times are
// required and end after the start, an instant meeting takes none, and a
// live passcode needs a live stream.
func (m *Meeting) Validate(_ context.Context, diags *diag.Diagnostics) {
	typ := m.Type.ValueString()
	if m.Type.IsNull() {
		typ = sqmeeting.MeetingTypeReservation
	}
	times := map[string]timetype.RFC3339{"start_time": m.StartTime, "end_time": m.EndTime}
	for _, name := range []string{"start_time", "end_time"} {
		v := times[name]
		switch {
		case m.Type.IsUnknown():
		case typ == sqmeeting.MeetingTypeReservation && v.IsNull():
			diags.AddAttributeError(path.Root(name), "Missing "+name,
				fmt.Sprintf("A reservation meeting needs start_time and end_time (RFC 3339). Set %s, or set type = \"instant\" for a meeting that starts now.", name))
		}
		// An instant meeting's times are checked at plan time
		// (CheckInstantTimes), where the meeting's own are known.
	}
	start, okStart := m.StartTime.Known()
	end, okEnd := m.EndTime.Known()
	if okStart && okEnd && !end.After(start) {
		diags.AddAttributeError(path.Root("end_time"), "Invalid end_time",
			fmt.Sprintf("end_time (%s) must be after start_time (%s).", m.EndTime.ValueString(), m.StartTime.ValueString()))
	}
	if !m.LivePasscode.IsNull() && !m.LivePasscode.IsUnknown() && !m.GenerateLiveURL.IsUnknown() && !m.GenerateLiveURL.ValueBool() {
		diags.AddAttributeError(path.Root("live_passcode"), "Invalid live_passcode",
			"live_passcode is the passcode of the live stream, which only a meeting with generate_live_url = true has. Set generate_live_url = true, or remove live_passcode.")
	}
}

// CheckInstantTimes checks the times the configuration m of an instant
// meeting gives. A new instant meeting starts when it is created, so it takes
// no times. An existing one may name its own: the configuration Terraform
// generates for an imported meeting (plan -generate-config-out) writes every
// argument the meeting has, its times included, and refusing it would make
// an instant meeting impossible to adopt. prior is the state (nil on create);
// replaced says the plan replaces the meeting, whose successor gets new times.
func (m *Meeting) CheckInstantTimes(prior *Meeting, replaced bool, diags *diag.Diagnostics) {
	if m.Type.IsUnknown() || m.Type.ValueString() != sqmeeting.MeetingTypeInstant {
		return
	}
	for _, t := range []struct {
		name       string
		set, prior timetype.RFC3339
	}{{"start_time", m.StartTime, priorTime(prior, true)}, {"end_time", m.EndTime, priorTime(prior, false)}} {
		v, ok := t.set.Known()
		if !ok {
			continue
		}
		own, isOwn := t.prior.Known()
		switch {
		case prior == nil || prior.Type.ValueString() != sqmeeting.MeetingTypeInstant:
			diags.AddAttributeError(path.Root(t.name), "Invalid "+t.name,
				fmt.Sprintf("An instant meeting starts when it is created and takes no times. Remove %s, or set type = \"reservation\".", t.name))
		case !isOwn || !v.Equal(own):
			diags.AddAttributeError(path.Root(t.name), "Invalid "+t.name,
				fmt.Sprintf("An instant meeting's times are the server's: %s can only be the meeting's own, %s, as the configuration "+
					"generated for an imported meeting writes it. Remove %s.", t.name, t.prior.ValueString(), t.name))
		case replaced:
			diags.AddAttributeError(path.Root(t.name), "Invalid "+t.name,
				fmt.Sprintf("This change replaces the instant meeting, and the new one starts when it is created: remove %s.", t.name))
		}
	}
}

func priorTime(prior *Meeting, start bool) timetype.RFC3339 {
	switch {
	case prior == nil:
		return timetype.RFC3339{}
	case start:
		return prior.StartTime
	}
	return prior.EndTime
}

// args are the arguments, for telling which of them an update changes.
func (m *Meeting) args() map[string]attr.Value {
	out := map[string]attr.Value{
		"type": m.Type, "start_time": m.StartTime, "end_time": m.EndTime, "time_to_join": m.TimeToJoin,
		"generate_live_url": m.GenerateLiveURL, "live_passcode": m.LivePasscode,
	}
	names := []string{"name", "description", "call_rate_type", "password", "invited_user_ids", "mute_upon_entry",
		"guest_dial_in", "watermark", "watermark_type", "meeting_room_id"}
	for i, v := range m.Settings.args() {
		out[names[i]] = v
	}
	return out
}

// serverChosen are the arguments whose value, when the configuration leaves
// them out, the server chooses rather than a default.
var serverChosen = []string{"password", "live_passcode", "start_time", "end_time"}

// Changed lists, sorted, the arguments the configuration changes from prior:
// those whose planned value differs, except the ones it leaves to the server.
func (m *Meeting) Changed(prior, config *Meeting) []string {
	was, set := prior.args(), config.args()
	var out []string
	for name, v := range m.args() {
		if slices.Contains(serverChosen, name) && set[name].IsNull() {
			continue
		}
		if !v.Equal(was[name]) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// Plan sets what an update changes besides the arguments: the number and
// password of a meeting that moves to another room, and the live stream's
// URL and passcode, which exist only while generate_live_url is true.
// config is the configuration, which tells what the server chooses.
func (m *Meeting) Plan(prior, config *Meeting) {
	m.planRoom(&prior.Settings, config.Password)
	switch {
	case m.GenerateLiveURL.IsUnknown():
		m.LiveMeetingURL = types.StringUnknown()
		if config.LivePasscode.IsNull() {
			m.LivePasscode = types.StringUnknown()
		}
	case !m.GenerateLiveURL.ValueBool():
		m.LiveMeetingURL = types.StringNull()
		m.LivePasscode = types.StringNull()
	case prior.GenerateLiveURL.ValueBool():
		m.LiveMeetingURL = prior.LiveMeetingURL
		if config.LivePasscode.IsNull() {
			m.LivePasscode = prior.LivePasscode
		}
	default:
		m.LiveMeetingURL = types.StringUnknown()
		if config.LivePasscode.IsNull() {
			m.LivePasscode = types.StringUnknown()
		}
	}
}
