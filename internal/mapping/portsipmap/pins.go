package portsipmap

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
)

// pinNames are the secrets of a room and a meeting that have write-only
// twins.
var pinNames = []string{"admin_pin", "room_pin"}

// WithPINTwins adds the PINs' write-only twins to a room's or a meeting's
// resource attributes.
func WithPINTwins(attrs mapping.Attrs) mapping.Attrs { return attrs.WithWriteOnly(pinNames...) }

// PINTwins are the write-only twins of a room's or a meeting's PINs, in the
// resource's model only.
type PINTwins struct {
	AdminPINWO        types.String `tfsdk:"admin_pin_wo"`
	AdminPINWOVersion types.Int64  `tfsdk:"admin_pin_wo_version"`
	RoomPINWO         types.String `tfsdk:"room_pin_wo"`
	RoomPINWOVersion  types.Int64  `tfsdk:"room_pin_wo_version"`
}

func (t *PINTwins) admin() mapping.WriteOnly {
	return mapping.WriteOnly{Value: t.AdminPINWO, Version: t.AdminPINWOVersion}
}

func (t *PINTwins) room() mapping.WriteOnly {
	return mapping.WriteOnly{Value: t.RoomPINWO, Version: t.RoomPINWOVersion}
}

// FromConfig reads the twins' values, which only the configuration holds.
func (t *PINTwins) FromConfig(ctx context.Context, cfg tfsdk.Config, diags *diag.Diagnostics) {
	mapping.FromConfig(ctx, cfg, map[string]*types.String{"admin_pin_wo": &t.AdminPINWO, "room_pin_wo": &t.RoomPINWO}, diags)
}

// Hide keeps the PINs the PBX returns out of the state while their twins
// are used: the PBX returns them, but the state must not hold them.
func (t *PINTwins) Hide(c *Conference) {
	t.admin().Hide(&c.AdminPIN)
	t.room().Hide(&c.RoomPIN)
}

// Apply puts the twins' PINs in a create (prior nil) or update body. A twin
// dropped from the configuration clears its PIN, as removing the plain
// argument does, unless the plain argument now sets it.
func (t *PINTwins) Apply(c *Conference, prior *PINTwins, in *portsip.ConferenceInput) {
	apply := func(now mapping.WriteOnly, before *mapping.WriteOnly, plain types.String, field **string) {
		if v := now.Send(before); v != nil {
			*field = v
			return
		}
		if before != nil && now.Dropped(*before) && plain.IsNull() {
			empty := ""
			*field = &empty
		}
	}
	apply(t.admin(), mapping.Prior(prior, (*PINTwins).admin), c.AdminPIN, &in.AdminPIN)
	apply(t.room(), mapping.Prior(prior, (*PINTwins).room), c.RoomPIN, &in.RoomPIN)
}
