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

// NewWherebyTranscriptions is the conference_whereby_transcriptions data
// source: GET /transcriptions, every page.
func NewWherebyTranscriptions() datasource.DataSource {
	return &wherebyTranscriptions{newBase[*whereby.Client]("whereby_transcriptions", &platforms.Whereby, "transcriptions")}
}

type wherebyTranscriptions struct {
	base[*whereby.Client]
}

type wherebyTranscriptionsModel struct {
	RoomName       types.String               `tfsdk:"room_name"`
	SortBy         types.String               `tfsdk:"sort_by"`
	Transcriptions []wherebymap.Transcription `tfsdk:"transcriptions"`
}

func (d *wherebyTranscriptions) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the transcriptions Whereby keeps for the organization's meetings (made live during a session, or from a recording), " +
			"of one room or of all. Every page is read (following the cursor), so the list is complete; empty when there are none.",
		Attributes: map[string]schema.Attribute{
			"room_name":      wherebymap.RoomNameFilter("transcriptions"),
			"sort_by":        wherebymap.SortBy("roomName", "startDate", "durationInSeconds"),
			"transcriptions": listOf("The transcriptions.", wherebymap.TranscriptionAttrs()),
		},
	}
}

func (d *wherebyTranscriptions) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg wherebyTranscriptionsModel
	list(ctx, &d.base, req, resp, &cfg, &cfg.Transcriptions, func(ctx context.Context) ([]whereby.Transcription, error) {
		return d.client.ListTranscriptions(ctx, whereby.ListFilter{RoomName: cfg.RoomName.ValueString(), SortBy: cfg.SortBy.ValueString()})
	})
}
