package sqmeetingmap

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
)

// WithPasswordTwin adds the password's write-only twin to a recurring
// meeting's resource attributes.
func WithPasswordTwin(attrs mapping.Attrs) mapping.Attrs { return attrs.WithWriteOnly("password") }

// WithMeetingTwins adds the password's and the live passcode's write-only
// twins to a meeting's resource attributes.
func WithMeetingTwins(attrs mapping.Attrs) mapping.Attrs {
	return attrs.WithWriteOnly("password", "live_passcode")
}

// PasswordTwin is the password's write-only twin, in the resource's model
// only.
type PasswordTwin struct {
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
}

func (t *PasswordTwin) password() mapping.WriteOnly {
	return mapping.WriteOnly{Value: t.PasswordWO, Version: t.PasswordWOVersion}
}

// FromConfig reads the twin's value, which only the configuration holds.
func (t *PasswordTwin) FromConfig(ctx context.Context, cfg tfsdk.Config, diags *diag.Diagnostics) {
	mapping.FromConfig(ctx, cfg, map[string]*types.String{"password_wo": &t.PasswordWO}, diags)
}

// HidePassword keeps the password the server returns out of the plan and
// the state while the twin is used.
func (t *PasswordTwin) HidePassword(s *Settings) { t.password().Hide(&s.Password) }

// ApplyPassword puts the twin's password in a create (prior nil) or update
// body: on create, when its version changes, and when the meeting moves to
// another meeting room, where the server would otherwise choose another
// password (an update that leaves the password out keeps it otherwise).
func (t *PasswordTwin) ApplyPassword(s *Settings, prior *PasswordTwin, priorSettings *Settings, in *sqmeeting.MeetingInput) {
	before := mapping.Prior(prior, (*PasswordTwin).password)
	if prior != nil && t.password().InUse() && !s.MeetingRoomID.Equal(priorSettings.MeetingRoomID) {
		before = nil
	}
	if v := t.password().Send(before); v != nil {
		in.MeetingPassword = v
	}
}

// SendPassword is the password a create (prior nil) or an update sends:
// the configuration's on create and when its version changes, else nil.
func (t *PasswordTwin) SendPassword(prior *PasswordTwin) *string {
	return t.password().Send(mapping.Prior(prior, (*PasswordTwin).password))
}

// PasswordBumped says whether the password's version changed since prior:
// the update sends the new password.
func (t *PasswordTwin) PasswordBumped(prior *PasswordTwin) bool {
	return t.password().Bumped(prior.password())
}

// MeetingTwins are a meeting's write-only twins.
type MeetingTwins struct {
	PasswordTwin
	LivePasscodeWO        types.String `tfsdk:"live_passcode_wo"`
	LivePasscodeWOVersion types.Int64  `tfsdk:"live_passcode_wo_version"`
}

func (t *MeetingTwins) livePasscode() mapping.WriteOnly {
	return mapping.WriteOnly{Value: t.LivePasscodeWO, Version: t.LivePasscodeWOVersion}
}

// FromConfig reads the twins' values, which only the configuration holds.
func (t *MeetingTwins) FromConfig(ctx context.Context, cfg tfsdk.Config, diags *diag.Diagnostics) {
	mapping.FromConfig(ctx, cfg, map[string]*types.String{"password_wo": &t.PasswordWO, "live_passcode_wo": &t.LivePasscodeWO}, diags)
}

// Hide keeps the secrets the server returns out of the plan and the state
// while their twins are used.
func (t *MeetingTwins) Hide(m *Meeting) {
	t.HidePassword(&m.Settings)
	t.livePasscode().Hide(&m.LivePasscode)
}

// Apply puts the twins' secrets in a create (prior nil) or update body.
func (t *MeetingTwins) Apply(m *Meeting, prior *MeetingTwins, priorMeeting *Meeting, in *sqmeeting.MeetingInput) {
	var pw *PasswordTwin
	var priorSettings *Settings
	if prior != nil {
		pw, priorSettings = &prior.PasswordTwin, &priorMeeting.Settings
	}
	t.ApplyPassword(&m.Settings, pw, priorSettings, in)
	if v := t.livePasscode().Send(mapping.Prior(prior, (*MeetingTwins).livePasscode)); v != nil {
		in.LivePasscode = *v
	}
}

// Bumped are the versions that changed since prior: what an instant
// meeting, which SQMeeting cannot update, is replaced for.
func (t *MeetingTwins) Bumped(prior *MeetingTwins) []string {
	var out []string
	if t.password().Bumped(prior.password()) {
		out = append(out, "password_wo_version")
	}
	if t.livePasscode().Bumped(prior.livePasscode()) {
		out = append(out, "live_passcode_wo_version")
	}
	return out
}

// Validate checks that the live passcode's twin comes with a live stream,
// as live_passcode does.
func (t *MeetingTwins) Validate(m *Meeting, diags *diag.Diagnostics) {
	if !t.LivePasscodeWOVersion.IsNull() && !m.GenerateLiveURL.IsUnknown() && !m.GenerateLiveURL.ValueBool() {
		diags.AddAttributeError(path.Root("live_passcode_wo"), "Invalid live_passcode_wo",
			"live_passcode_wo is the passcode of the live stream, which only a meeting with generate_live_url = true has. "+
				"Set generate_live_url = true, or remove live_passcode_wo and live_passcode_wo_version.")
	}
}
