package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/validators"
)

// NewSQMeetingRecurringMeeting is the conference_sqmeeting_recurring_meeting
// data source: a series with its occurrences.
func NewSQMeetingRecurringMeeting() datasource.DataSource {
	return &sqmeetingRecurring{newBase[*sqmeeting.Client]("sqmeeting_recurring_meeting", &platforms.SQMeeting, "recurring meeting")}
}

type sqmeetingRecurring struct {
	base[*sqmeeting.Client]
}

func (d *sqmeetingRecurring) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := sqmeetingmap.RecurringMeetingAttrs().DataSource()
	attrs["id"] = schema.StringAttribute{
		Required:    true,
		Description: "The series' recurrence group ID (`recurrence_gid`), such as a `conference_sqmeeting_recurring_meeting` resource's `id` or a listed occurrence's `recurrence_gid`.",
		Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["timezone"] = schema.StringAttribute{
		Optional: true, Computed: true,
		Description: "The IANA time zone to read the series' days in (`days_of_week`, `days_of_month`, `last_day`, `skip_dates`), such as `Europe/Berlin`. " +
			"SQMeeting does not store the zone a series was planned in. Defaults to `UTC`.",
		Validators: []validator.String{validators.IANATimezone()},
	}
	resp.Schema = schema.Schema{
		Description: "An SQMeeting recurring meeting (a series) with its rule and occurrences, first to last. " + sqmeetingmap.RuleDoc,
		Attributes:  attrs,
	}
}

func (d *sqmeetingRecurring) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg sqmeetingmap.RecurringMeeting
	lookup(ctx, &d.base, req, resp, &cfg, &cfg.ID, d.client.GetRecurrence, "")
}
