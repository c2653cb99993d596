package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
)

// NewWherebyParticipantInsight is the conference_whereby_participant_insight
// data source: GET /insights/participant, one answer.
func NewWherebyParticipantInsight() datasource.DataSource {
	return newWherebyInsightList("participant_insight", "participant insight", wherebyInsightList[wherebyParticipantInsightModel, whereby.ParticipantDetail, wherebymap.ParticipantDetail, *wherebymap.ParticipantDetail]{
		description: "Reads one participant's connections to a session with their network data (user agent, packet loss and bitrate samples, " +
			"events), as Whereby's participant details give them. Empty when the session has no such participant.",
		args: map[string]schema.Attribute{
			"room_session_id": schema.StringAttribute{Required: true,
				Description: "The session (a `room_session_id` of the participant insights).",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)}},
			"participant_id": schema.StringAttribute{Required: true,
				Description: "The participant: a `participant_id` (or `user_id`) of the participant insights.",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)}},
		},
		items: "connections", itemsDoc: "The participant's connections to the session, each with its samples.", attrs: wherebymap.ParticipantDetailAttrs(),
		list: func(cfg *wherebyParticipantInsightModel) *[]wherebymap.ParticipantDetail { return &cfg.Connections },
		fetch: func(ctx context.Context, c *whereby.Client, cfg *wherebyParticipantInsightModel) ([]whereby.ParticipantDetail, error) {
			return c.ParticipantInsight(ctx, cfg.RoomSessionID.ValueString(), cfg.ParticipantID.ValueString())
		},
	})
}

type wherebyParticipantInsightModel struct {
	RoomSessionID types.String                   `tfsdk:"room_session_id"`
	ParticipantID types.String                   `tfsdk:"participant_id"`
	Connections   []wherebymap.ParticipantDetail `tfsdk:"connections"`
}
