package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
)

// NewWherebyParticipantInsights is the
// conference_whereby_participant_insights data source: GET
// /insights/participants, every page.
func NewWherebyParticipantInsights() datasource.DataSource {
	return newWherebyInsightList("participant_insights", "participant insights", wherebyInsightList[wherebyParticipantInsightsModel, whereby.ParticipantInsight, wherebymap.ParticipantInsight, *wherebymap.ParticipantInsight]{
		description: "Lists the participants of a session, or those who joined with an external ID, with when they joined and left " +
			"and their ratings, as Whereby's participant insights give them. Set `room_session_id`, `external_id` or both. " +
			"Every page is read (following the cursor), so the list is complete; empty when nobody matches.",
		args: map[string]schema.Attribute{
			"room_session_id": schema.StringAttribute{Optional: true,
				Description: "The session whose participants to list (a `room_session_id` of the room session insights, a recording or a transcription).",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)}},
			"external_id": schema.StringAttribute{Optional: true,
				Description: "Only the participants who joined with this `externalId` in the room URL's query.",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)}},
			"sort_by": wherebymap.SortBy("joinedAt", "leftAt"),
		},
		items: "participants", itemsDoc: "The participants.", attrs: wherebymap.ParticipantInsightAttrs(),
		list: func(cfg *wherebyParticipantInsightsModel) *[]wherebymap.ParticipantInsight { return &cfg.Participants },
		fetch: func(ctx context.Context, c *whereby.Client, cfg *wherebyParticipantInsightsModel) ([]whereby.ParticipantInsight, error) {
			return c.ListParticipantInsights(ctx, cfg.RoomSessionID.ValueString(), cfg.ExternalID.ValueString(), cfg.SortBy.ValueString())
		},
		// "Either roomSessionId or externalId is required."
		validators: []datasource.ConfigValidator{
			datasourcevalidator.AtLeastOneOf(path.MatchRoot("room_session_id"), path.MatchRoot("external_id")),
		},
	})
}

type wherebyParticipantInsightsModel struct {
	RoomSessionID types.String                    `tfsdk:"room_session_id"`
	ExternalID    types.String                    `tfsdk:"external_id"`
	SortBy        types.String                    `tfsdk:"sort_by"`
	Participants  []wherebymap.ParticipantInsight `tfsdk:"participants"`
}
