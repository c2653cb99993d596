package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// portsipStatusModel is the status of the room or meeting that id names.
type portsipStatusModel struct {
	idArgument
	portsipmap.ConferenceStatus
}

// newPortSIPStatus is the live status of a room or a meeting (k): the
// conference_portsip_room_status and conference_portsip_meeting_status data
// sources. offline says what OFFLINE means for k.
func newPortSIPStatus(k portsipConference, offline string) datasource.DataSource {
	d := newLookup[portsipStatusModel](newBase[*portsip.Client]("portsip_"+k.noun+"_status", &platforms.PortSIP, k.typ.Noun), lookupDecl{
		description: "Reads the live status of " + k.lead + ": whether a conference is on, and whether it is locked, muted or being recorded. " +
			"The values are a snapshot taken when Terraform reads the data source." + k.owned(),
		attrs:     portsipmap.ConferenceStatusAttrs(k.noun, offline),
		arguments: map[string]schema.Attribute{"id": k.idArgument()},
	}, k.status)
	d.failed = k.readError
	return d
}
