package linemap

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
)

// WithPasscodeTwin adds the passcode's write-only twin to a meeting ID's
// resource attributes.
func WithPasscodeTwin(attrs mapping.Attrs) mapping.Attrs { return attrs.WithWriteOnly("passcode") }

// PasscodeTwin is the passcode's write-only twin, in the resource's model
// only.
type PasscodeTwin struct {
	PasscodeWO        types.String `tfsdk:"passcode_wo"`
	PasscodeWOVersion types.Int64  `tfsdk:"passcode_wo_version"`
}

func (t *PasscodeTwin) twin() mapping.WriteOnly {
	return mapping.WriteOnly{Value: t.PasscodeWO, Version: t.PasscodeWOVersion}
}

// FromConfig reads the twin's value, which only the configuration holds.
func (t *PasscodeTwin) FromConfig(ctx context.Context, cfg tfsdk.Config, diags *diag.Diagnostics) {
	mapping.FromConfig(ctx, cfg, map[string]*types.String{"passcode_wo": &t.PasscodeWO}, diags)
}

// Hide keeps the passcode LINE Planet returns out of the state while the
// twin is used.
func (t *PasscodeTwin) Hide(m *Meeting) { t.twin().Hide(&m.Passcode) }

// Apply puts the twin's passcode in a create (prior nil) or update body.
// A twin dropped from the configuration leaves the passcode as it is, as
// removing passcode does.
func (t *PasscodeTwin) Apply(prior *PasscodeTwin, in *lineplanet.MeetingInput) {
	if v := t.twin().Send(mapping.Prior(prior, (*PasscodeTwin).twin)); v != nil {
		in.Passcode = *v
	}
}
