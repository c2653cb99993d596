package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
)

// NewSQMeetingUsers is the conference_sqmeeting_users data source: the public
// user search (user/public/users), every page.
func NewSQMeetingUsers() datasource.DataSource {
	return newListing[sqmeetingmap.User](baseOfList[*sqmeeting.Client](&managed.SQMeetingUser), listingDecl{
		description: "Searches SQMeeting's users (the public user search), every page of them, to find the IDs that a meeting's " +
			"`invited_user_ids` takes by name. SQMeeting's API cannot create or delete users, so there is no resource for them.",
		arguments: map[string]schema.Attribute{"filter": optionalString(
			"The API's search key (`filter`): SQMeeting lists the users whose username or real name matches it. When not set, every user.")},
		items: "users", itemsDoc: "The users, in the server's order.", attrs: sqmeetingmap.UserAttrs(),
	}, func(ctx context.Context, c *sqmeeting.Client, q *sqmeetingFilter, _ *diag.Diagnostics) ([]sqmeeting.PublicUser, error) {
		return c.SearchUsers(ctx, q.Filter.ValueString())
	})
}
