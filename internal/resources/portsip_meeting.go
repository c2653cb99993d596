package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/errdiag"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// NewPortSIPMeeting is the conference_portsip_meeting resource.
func NewPortSIPMeeting(k Kind) resource.Resource {
	return &portsipMeeting{newBase(k, byID[portsipMeetingModel]((*portsip.Client).GetMeeting, (*portsip.Client).DeleteMeeting))}
}

type portsipMeeting struct {
	base[*portsip.Client, portsipMeetingModel, *portsipMeetingModel]
}

type portsipMeetingModel struct {
	withTimeouts
	portsipmap.Meeting
	portsipmap.PINTwins
}

// hideWriteOnly keeps out the PINs that the configuration gives write-only.
func (m *portsipMeetingModel) hideWriteOnly() { m.Hide(&m.Conference) }

func (r *portsipMeeting) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema(ctx, portsipmap.WithPINTwins(portsipmap.MeetingAttrs()), "A PortSIP PBX user's meeting: an audio or video conference, on an extension the PBX assigns, that belongs to the user who creates it. "+
		"Changing `mode` replaces the meeting, since the PBX cannot update it; the other arguments update in place. "+
		"The PBX shows a user's meetings to that user alone, so a meeting belongs to the user the provider configuration signs in as: "+
		"manage each user's meetings through a provider alias that signs in as that user, selected with `provider` on the resource. "+
		"The video settings (`height`, `width`, `bitrate`, `framerate`, `layout`) are only valid in VIDEO mode, and are rejected at plan time for AUDIO meetings. ",
		"meeting")
}

func (r *portsipMeeting) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.create(ctx, req, resp, func(ctx context.Context, m *portsipMeetingModel, diags *diag.Diagnostics) func() (string, error) {
		in := m.CreateBody(ctx, diags)
		m.Apply(&m.Conference, nil, &in.ConferenceInput)
		return func() (string, error) {
			created, err := r.client.CreateMeeting(ctx, in)
			return created.ID, err
		}
	}, r.setCapacity)
}

// setCapacity reads the meeting just created back, and sets its capacity
// where the PBX made it with its own: the create cannot.
func (r *portsipMeeting) setCapacity(ctx context.Context, id string, m *portsipMeetingModel, diags *diag.Diagnostics) {
	want := *m
	if r.readBack(ctx, id, m, diags); diags.HasError() {
		return
	}
	if up, ok := want.AfterCreate(&m.Meeting); ok {
		if err := r.client.UpdateMeeting(ctx, id, up); err != nil {
			r.errs.AddAfter(diags, errdiag.Update, err, "PortSIP creates a meeting with its own capacity, so the provider sets capacity "+
				"with an update right after the create, and that update failed. The meeting exists, and the next apply replaces it.\n\n")
			return
		}
		r.readBack(ctx, id, m, diags)
	}
}

func (r *portsipMeeting) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.update(ctx, req, resp, func(ctx context.Context, m, prior *portsipMeetingModel, diags *diag.Diagnostics) func() error {
		in := m.UpdateBody(ctx, &prior.Meeting, diags)
		m.Apply(&m.Conference, &prior.PINTwins, &in.ConferenceInput)
		return func() error { return r.client.UpdateMeeting(ctx, prior.ID.ValueString(), in) }
	}, r.readBack)
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
