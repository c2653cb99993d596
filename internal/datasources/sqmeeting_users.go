package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewSQMeetingUsers is the conference_sqmeeting_users data source: the public
// user search (user/public/users), every page.
func NewSQMeetingUsers() datasource.DataSource {
	return &sqmeetingUsers{newBase[*sqmeeting.Client]("sqmeeting_users", &platforms.SQMeeting, "users")}
}

type sqmeetingUsers struct {
	base[*sqmeeting.Client]
}

type sqmeetingUsersModel struct {
	Filter types.String        `tfsdk:"filter"`
	Users  []sqmeetingmap.User `tfsdk:"users"`
}

func (d *sqmeetingUsers) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Searches SQMeeting's users (the public user search), every page of them, to find the IDs that a meeting's " +
			"`invited_user_ids` takes by name. SQMeeting's API cannot create or delete users, so there is no resource for them.",
		Attributes: map[string]schema.Attribute{
			"filter": schema.StringAttribute{
				Optional:    true,
				Description: "The API's search key (`filter`): SQMeeting lists the users whose username or real name matches it. When not set, every user.",
			},
			"users": listOf("The users, in the server's order.", sqmeetingmap.UserAttrs()),
		},
	}
}

func (d *sqmeetingUsers) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg sqmeetingUsersModel
	list(ctx, &d.base, req, resp, &cfg, &cfg.Users, func(ctx context.Context) ([]sqmeeting.PublicUser, error) {
		return d.client.SearchUsers(ctx, cfg.Filter.ValueString())
	})
}
