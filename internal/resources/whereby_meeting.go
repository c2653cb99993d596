package resources

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

// NewWherebyMeeting is the conference_whereby_meeting resource.
func NewWherebyMeeting(k Kind) resource.Resource {
	return &wherebyMeeting{newBase(k, ops[*whereby.Client, wherebyMeetingModel]{
		get: getWherebyMeeting, remove: deleteByID[wherebyMeetingModel]((*whereby.Client).DeleteMeeting),
	})}
}

type wherebyMeeting struct {
	base[*whereby.Client, wherebyMeetingModel, *wherebyMeetingModel]
}

type wherebyMeetingModel struct {
	withTimeouts
	wherebymap.ManagedMeeting
	// also are optional URLs a read asks for beyond those configured.
	also []string `tfsdk:"-"`
}

// beforeRead: until the first apply after an import records the settings,
// reads ask for the viewer URL too: only a viewerMode room has one, which
// the first plan compares with template_type, room_mode and is_locked.
func (m *wherebyMeetingModel) beforeRead(ctx context.Context, private privateGetter) {
	if planmodifiers.Unread(ctx, private) {
		m.also = append(m.also, whereby.FieldViewerRoomURL)
	}
}

// getWherebyMeeting reads meeting id with the optional URLs the model asks
// for, those it already holds (an import's first reads ask for the viewer
// URL), and also.
// The settings are Whereby's to keep and not to tell: they stay as they are
// in the model. A meeting an hour past its end_date is gone as a deleted one
// is: the next plan creates it.
func getWherebyMeeting(ctx context.Context, c *whereby.Client, id string, m *wherebyMeetingModel, diags *diag.Diagnostics) error {
	fields := m.WantedFields(ctx, diags)
	if diags.HasError() {
		return nil
	}
	also := m.also
	if held := m.ViewerRoomURL; !held.IsNull() && !held.IsUnknown() {
		also = append(also, whereby.FieldViewerRoomURL)
	}
	if held := m.HostRoomURL; !held.IsNull() && !held.IsUnknown() {
		also = append(also, whereby.FieldHostRoomURL)
	}
	// One order (hostRoomUrl, viewerRoomUrl, as WantedFields'), so that the
	// same fields make the same request.
	fields = slices.Compact(slices.Sorted(slices.Values(append(fields, also...))))
	mtg, err := c.GetMeeting(ctx, id, fields...)
	return fill(ctx, m, mtg, err, diags)
}

func (r *wherebyMeeting) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema(ctx, wherebymap.MeetingAttrs(), "A Whereby meeting: a transient room, available from its creation until an hour after `end_date`. "+
		"Changing any argument replaces it: Whereby has no update API, so the provider deletes the meeting and creates a new one, with new URLs. "+
		"An hour after `end_date` Whereby deletes the room, and the next plan creates it again "+
		"(with a new `end_date`: one in the past is refused at plan time). "+
		"Whereby does not return the settings a meeting was created with (`is_locked`, "+
		"`room_mode`, `room_name_prefix`, `room_name_pattern`, `template_type`, `fields`, `recording`, `streaming`, "+
		"`live_transcription`), so an import cannot read them: until the first apply after an import, setting them records "+
		"the configured values without replacing the meeting, trusting that they are the ones it was created with, "+
		"unless the meeting shows otherwise: a `room_name` without the configured `room_name_prefix` or in another "+
		"`room_name_pattern`, or a viewer room URL (which only a `viewerMode` room has) that `template_type`, `room_mode` or "+
		"`is_locked` contradicts, plans a replacement that says which value contradicts which (settings left out are not compared). ",
		"meeting")
}

// planCreate refuses an end_date in the past, as Whereby would ("This has
// to be the same or after the current date"), but at plan time. Only for a
// create: a meeting that exists is never refused for it, its end passing is
// Whereby's business. A replacement is a create, which Terraform plans again
// without the prior state. The clock is this machine's: the provider cannot
// see Whereby's, so a clock that is off leaves Whereby the last word at apply.
func (m *wherebyMeetingModel) planCreate(_ context.Context, _ *wherebyMeetingModel, resp *resource.ModifyPlanResponse) {
	t, ok := m.EndDate.Known()
	if now := time.Now(); ok && t.Before(now) {
		resp.Diagnostics.AddAttributeError(path.Root("end_date"), "end_date is in the past",
			fmt.Sprintf("Whereby creates a meeting only with an end_date that is not in the past; end_date is %s, and it is now %s. "+
				"Set a later end_date. (A meeting that existed is gone an hour after its end_date, so Terraform plans to create it again.)",
				m.EndDate.ValueString(), now.UTC().Format(time.RFC3339)))
	}
}

// planUpdate plans the optional URLs unknown for an update that changes
// which are asked for: the only update that is not a replacement and
// changes fields or template_type is the first apply after an import, which
// records them and reads the URLs they ask for. Otherwise the URLs stay
// (UseStateForUnknown).
func (m *wherebyMeetingModel) planUpdate(_ context.Context, prior, _ *wherebyMeetingModel, _ *resource.ModifyPlanResponse) {
	if !m.Fields.Equal(prior.Fields) || !m.TemplateType.Equal(prior.TemplateType) {
		m.HostRoomURL, m.ViewerRoomURL = types.StringUnknown(), types.StringUnknown()
	}
}

func (r *wherebyMeeting) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.create(ctx, req, resp, func(ctx context.Context, m *wherebyMeetingModel, diags *diag.Diagnostics) func() (string, error) {
		var config wherebyMeetingModel
		diags.Append(tfmodel.FromConfig(ctx, req.Config, &config)...)
		body := m.ManagedMeeting
		body.Settings = m.WithWriteOnly(&config.Settings)
		in := body.CreateBody(ctx, diags)
		return func() (string, error) {
			mtg, err := r.client.CreateMeeting(ctx, in)
			return "", fill(ctx, m, mtg, err, diags)
		}
	}, nil)
}

// Update changes nothing at Whereby, which cannot: every change to the
// meeting replaces it. What is left to update is what only Terraform holds —
// the timeouts, and after an import the settings Whereby does not return
// (planmodifiers.MarkUnread) — and the optional URLs that those settings ask
// for, which it reads again.
func (r *wherebyMeeting) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan wherebyMeetingModel
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	if r.readBack(ctx, plan.ID.ValueString(), &plan, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(planmodifiers.ClearUnread(ctx, resp.Private)...)
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

// ImportState takes the meeting ID. The settings Whereby does not return are
// marked unread, so that the first plan records the configured ones instead
// of replacing the meeting over them.
func (r *wherebyMeeting) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if r.base.ImportState(ctx, req, resp); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(planmodifiers.MarkUnread(ctx, resp.Private)...)
}
