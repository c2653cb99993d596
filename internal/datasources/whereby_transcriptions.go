package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
)

// NewWherebyTranscriptions is the conference_whereby_transcriptions data
// source: GET /transcriptions, every page.
func NewWherebyTranscriptions() datasource.DataSource {
	return newWherebyCollection[wherebymap.Transcription](wherebyCollection{
		name: "transcriptions",
		about: "Lists the transcriptions Whereby keeps for the organization's meetings (made live during a session, or from a recording), " +
			"of one room or of all.",
		arguments: map[string]schema.Attribute{
			"room_name": wherebymap.RoomNameFilter("transcriptions"),
			"sort_by":   wherebymap.SortBy("roomName", "startDate", "durationInSeconds"),
		},
		attrs: wherebymap.TranscriptionAttrs(),
	}, (*whereby.Client).ListTranscriptions, (*wherebyRoomSorted).filter)
}
