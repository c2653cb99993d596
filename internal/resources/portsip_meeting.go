package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/errdiag"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

// NewPortSIPMeeting is the conference_portsip_meeting resource.
func NewPortSIPMeeting(k Kind) resource.Resource {
	return &portsipMeeting{newBase[*portsip.Client, portsipMeetingModel](k)}
}

type portsipMeeting struct {
	base[*portsip.Client, portsipMeetingModel, *portsipMeetingModel]
}

type portsipMeetingModel struct {
	withTimeouts
	portsipmap.Meeting
	portsipmap.PINTwins
}

func (m *portsipMeetingModel) get(ctx context.Context, c *portsip.Client, diags *diag.Diagnostics) error {
	err := read(ctx, c, (*portsip.Client).GetMeeting, m.ID.ValueString(), &m.Meeting, diags)
	m.Hide(&m.Conference)
	return err
}

func (m *portsipMeetingModel) remove(ctx context.Context, c *portsip.Client, _ *diag.Diagnostics) error {
	return c.DeleteMeeting(ctx, m.ID.ValueString())
}

func (r *portsipMeeting) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema(ctx, portsipmap.WithPINTwins(portsipmap.MeetingAttrs()), "A PortSIP PBX user's meeting: an audio or video conference, on an extension the PBX assigns, that belongs to the user who creates it. "+
		"Changing `mode` replaces the meeting, since the PBX cannot update it; the other arguments update in place. "+
		"The PBX shows a user's meetings to that user alone, so a meeting belongs to the user the provider configuration signs in as: "+
		"manage each user's meetings through a provider alias that signs in as that user, selected with `provider` on the resource. "+
		"The video settings (`height`, `width`, `bitrate`, `framerate`, `layout`) are only valid in VIDEO mode, and are rejected at plan time for AUDIO meetings. ",
		"meeting")
}

func (r *portsipMeeting) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan portsipMeetingModel
	ctx, cancel := r.begin(ctx, errdiag.Create, &req.Plan, nil, &plan, nil, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	plan.FromConfig(ctx, req.Config, &resp.Diagnostics)
	in := plan.CreateBody(ctx, &resp.Diagnostics)
	plan.Apply(&plan.Conference, nil, &in.ConferenceInput)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := r.client.CreateMeeting(ctx, in)
	if err != nil {
		r.errs.Add(&resp.Diagnostics, errdiag.Create, err)
		return
	}
	// From here on the meeting exists: with its ID in state, a failure below
	// leaves it tainted, to be replaced, rather than forgotten.
	plan.ID = r.created(ctx, &resp.State, created.ID, &resp.Diagnostics)
	want := plan
	if r.readBack(ctx, &plan, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	if up, ok := want.AfterCreate(&plan.Meeting); ok {
		if err := r.client.UpdateMeeting(ctx, created.ID, up); err != nil {
			r.errs.AddAfter(&resp.Diagnostics, errdiag.Update, err, "PortSIP creates a meeting with its own capacity, so the provider sets capacity "+
				"with an update right after the create, and that update failed. The meeting exists, and the next apply replaces it.\n\n")
			return
		}
		if r.readBack(ctx, &plan, &resp.Diagnostics); resp.Diagnostics.HasError() {
			return
		}
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

func (r *portsipMeeting) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state portsipMeetingModel
	ctx, cancel := r.begin(ctx, errdiag.Update, &req.Plan, &req.State, &plan, &state, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	plan.FromConfig(ctx, req.Config, &resp.Diagnostics)
	in := plan.UpdateBody(ctx, &state.Meeting, &resp.Diagnostics)
	plan.Apply(&plan.Conference, &state.PINTwins, &in.ConferenceInput)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.UpdateMeeting(ctx, state.ID.ValueString(), in); err != nil {
		r.errs.Add(&resp.Diagnostics, errdiag.Update, err)
		return
	}
	plan.ID = state.ID
	r.finish(ctx, &plan, &resp.State, &resp.Diagnostics)
}

// ImportState checks that the meeting is the signed-in user's before taking
// its ID. Read drops a meeting it cannot find, and the CLI would then say no
// more than "Cannot import non-existent remote object"; the PBX answers 404
// for another user's meeting too, and the user must hear that, and which
// provider configuration to import with.
func (r *portsipMeeting) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if id := r.importID(ctx, req, &resp.Diagnostics); id != "" {
		_, err := r.client.GetMeeting(ctx, id)
		if client.IsNotFound(err) {
			resp.Diagnostics.AddError("PortSIP meeting not found for the signed-in user", portsipmap.MeetingNotFound("ID", id, r.client.Username(), "import"))
			return
		}
		if err != nil {
			r.errs.Add(&resp.Diagnostics, errdiag.Read, err)
			return
		}
	}
	r.base.ImportState(ctx, req, resp)
}
