package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewPortSIPRoomRecordings is the conference_portsip_room_recordings data source.
func NewPortSIPRoomRecordings() datasource.DataSource {
	d := newListing(newBase[*portsip.Client]("portsip_room_recordings", &platforms.PortSIP, "conference room"), listingDecl{
		description: "Lists the recordings of a PortSIP PBX conference room. Every page is read, so the list is complete.",
		arguments:   map[string]schema.Attribute{"id": portsipRoomKind.idArgument()},
		items:       "recordings", itemsDoc: "The room's recordings, in the order the PBX returns them. Empty when there are none.",
		attrs: portsipmap.RecordingAttrs(),
	}, func(ctx context.Context, c *portsip.Client, cfg *portsipRoomRecordingsModel, _ *diag.Diagnostics) ([]portsip.Recording, error) {
		return c.ListRoomRecordings(ctx, cfg.ID.ValueString())
	}, (*portsipRoomRecordingsModel).into)
	d.failed = func(b *base[*portsip.Client], diags *diag.Diagnostics, err error, cfg *portsipRoomRecordingsModel) {
		portsipRoomKind.readError(b, diags, err, cfg.ID.ValueString())
	}
	return d
}

type portsipRoomRecordingsModel struct {
	idArgument
	Recordings []portsipmap.Recording `tfsdk:"recordings"`
}

func (m *portsipRoomRecordingsModel) into() *[]portsipmap.Recording { return &m.Recordings }
