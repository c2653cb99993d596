package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
)

// NewWherebyRecordings is the conference_whereby_recordings data source: GET
// /recordings, every page.
func NewWherebyRecordings() datasource.DataSource {
	return newWherebyCollection[wherebymap.Recording](wherebyCollection{
		name:  "recordings",
		about: "Lists the recordings Whereby keeps for the organization's meetings, of one room or of all.",
		arguments: map[string]schema.Attribute{
			"room_name": wherebymap.RoomNameFilter("recordings"),
			"sort_by":   wherebymap.SortBy("roomName", "startDate", "duration", "sizeInMegaBytes"),
		},
		attrs: wherebymap.RecordingAttrs(),
	}, (*whereby.Client).ListRecordings, (*wherebyRoomSorted).filter)
}
