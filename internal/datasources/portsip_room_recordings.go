package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// NewPortSIPRoomRecordings is the conference_portsip_room_recordings data source.
func NewPortSIPRoomRecordings() datasource.DataSource {
	return newView(newBase[*portsip.Client]("portsip_room_recordings", &platforms.PortSIP, "conference room"),
		"Lists the recordings of a PortSIP PBX conference room. Every page is read, so the list is complete.",
		map[string]schema.Attribute{
			"id": portsipRoomKind.idArgument(),
			"recordings": listOfAttributes("The room's recordings, in the order the PBX returns them. Empty when there are none.", map[string]schema.Attribute{
				"id": schema.StringAttribute{
					Computed:    true,
					Description: "The recording's ID.",
				},
				"answered_at": schema.StringAttribute{
					CustomType:  timetype.RFC3339Type{},
					Computed:    true,
					Description: "When the recorded call was answered, in RFC 3339 (UTC).",
				},
				"ended_at": schema.StringAttribute{
					CustomType:  timetype.RFC3339Type{},
					Computed:    true,
					Description: "When the recorded call ended, in RFC 3339 (UTC); null while it is still being recorded.",
				},
				"duration": schema.Int64Attribute{
					Computed:    true,
					Description: "The playback time in seconds.",
				},
				"file_name": schema.StringAttribute{
					Computed:    true,
					Description: "The recording's file name.",
				},
				"file_size": schema.Int64Attribute{
					Computed:    true,
					Description: "The file's size in bytes.",
				},
				"file_url": schema.StringAttribute{
					Computed: true,
					Description: "The path to download the file from, relative to the PBX's endpoint, such as `/api/blobs/WexWdABcd5D4PDgzTKV3gAAAEu00WcK`. " +
						"Downloading it needs the same credentials as the API.",
				},
			}),
		}, (*portsip.Client).ListRoomRecordings, (*portsipRoomRecordingsModel).fill)
}

type portsipRoomRecordingsModel struct {
	idArgument
	Recordings []portsipRecordingModel `tfsdk:"recordings"`
}

type portsipRecordingModel struct {
	ID         types.String     `tfsdk:"id"`
	AnsweredAt timetype.RFC3339 `tfsdk:"answered_at"`
	EndedAt    timetype.RFC3339 `tfsdk:"ended_at"`
	Duration   types.Int64      `tfsdk:"duration"`
	FileName   types.String     `tfsdk:"file_name"`
	FileSize   types.Int64      `tfsdk:"file_size"`
	FileURL    types.String     `tfsdk:"file_url"`
}

func (m *portsipRoomRecordingsModel) fill(recs []portsip.Recording, diags *diag.Diagnostics) {
	m.Recordings = make([]portsipRecordingModel, 0, len(recs))
	for _, r := range recs {
		m.Recordings = append(m.Recordings, portsipRecordingModel{
			ID:         types.StringValue(r.ID),
			AnsweredAt: mapping.Time(platforms.PortSIP.Name, "answered_at", r.AnsweredAt, diags),
			EndedAt:    mapping.Time(platforms.PortSIP.Name, "ended_at", r.EndedAt, diags),
			Duration:   types.Int64Value(r.Duration),
			FileName:   types.StringValue(r.FileName),
			FileSize:   types.Int64Value(r.FileSize),
			FileURL:    types.StringValue(r.FileURL),
		})
	}
}
