package portsipmap

import (
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
)

// Hosting is where WebRTC participants reach a room or a meeting. A single
// read gives it; list items do not (portsip-openapi-conference.json: the
// list item schemas have no domain, sbc_host and sbc_port).
type Hosting struct {
	Domain  types.String `tfsdk:"domain"`
	SBCHost types.String `tfsdk:"sbc_host"`
	SBCPort types.Int64  `tfsdk:"sbc_port"`
}

// hostingNames are Hosting's attributes, which list items leave out.
var hostingNames = []string{"domain", "sbc_host", "sbc_port"}

func (h *Hosting) hostingFromAPI(c *portsip.Conference) {
	h.Domain = mapping.String(c.Domain)
	h.SBCHost = mapping.String(c.SBCHost)
	h.SBCPort = mapping.NonZeroInt64(c.SBCPort)
}

// assignedAttrs are the attributes the PBX gives a room or a meeting (noun):
// its id and created_at, and Hosting's. The token a single read also gives is
// left out: it is a credential the provider has no use for.
func assignedAttrs(noun string) mapping.Attrs {
	return mapping.Attrs{
		"id":       mapping.Assigned("The " + noun + "'s unique ID, assigned by the PBX."),
		"domain":   mapping.Assigned("The tenant's SIP domain the " + noun + " belongs to."),
		"sbc_host": mapping.Assigned("Host of the session border controller that WebRTC participants connect through."),
		"sbc_port": {Doc: "Port of the session border controller.", Resource: schema.Int64Attribute{
			Computed: true, PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
		}},
		"created_at": mapping.AssignedTime("When the " + noun + " was created, in RFC 3339 (UTC)."),
	}
}
