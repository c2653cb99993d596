package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewWherebyRecordings is the conference_whereby_recordings data source: GET
// /recordings, every page.
func NewWherebyRecordings() datasource.DataSource {
	return &wherebyRecordings{newBase[*whereby.Client]("whereby_recordings", &platforms.Whereby, "recordings")}
}

type wherebyRecordings struct {
	base[*whereby.Client]
}

type wherebyRecordingsModel struct {
	RoomName   types.String           `tfsdk:"room_name"`
	SortBy     types.String           `tfsdk:"sort_by"`
	Recordings []wherebymap.Recording `tfsdk:"recordings"`
}

func (d *wherebyRecordings) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the recordings Whereby keeps for the organization's meetings, of one room or of all. " +
			"Every page is read (following the cursor), so the list is complete; empty when there are none.",
		Attributes: map[string]schema.Attribute{
			"room_name":  wherebymap.RoomNameFilter("recordings"),
			"sort_by":    wherebymap.SortBy("roomName", "startDate", "duration", "sizeInMegaBytes"),
			"recordings": listOf("The recordings.", wherebymap.RecordingAttrs()),
		},
	}
}

func (d *wherebyRecordings) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg wherebyRecordingsModel
	list(ctx, &d.base, req, resp, &cfg, &cfg.Recordings, func(ctx context.Context) ([]whereby.RecordingFile, error) {
		return d.client.ListRecordings(ctx, whereby.ListFilter{RoomName: cfg.RoomName.ValueString(), SortBy: cfg.SortBy.ValueString()})
	})
}
