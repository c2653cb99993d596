package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
	"github.com/confkit/terraform-provider-conference/internal/validators"
)

// NewSQMeetingRecurringMeeting is the conference_sqmeeting_recurring_meeting
// data source: a series with its occurrences.
func NewSQMeetingRecurringMeeting() datasource.DataSource {
	return newLookup[sqmeetingmap.RecurringMeeting](baseOf[*sqmeeting.Client](&managed.SQMeetingRecurringMeeting), lookupDecl{
		description: "An SQMeeting recurring meeting (a series) with its rule and occurrences, first to last. " + sqmeetingmap.RuleDoc,
		attrs:       sqmeetingmap.RecurringMeetingAttrs(),
		arguments: map[string]schema.Attribute{
			"id": requiredID("The series' recurrence group ID (`recurrence_gid`), such as a `conference_sqmeeting_recurring_meeting` resource's " +
				"`id` or a listed occurrence's `recurrence_gid`."),
			"timezone": schema.StringAttribute{
				Optional: true, Computed: true,
				Description: "The IANA time zone to read the series' days in (`days_of_week`, `days_of_month`, `last_day`, `skip_dates`), such as `Europe/Berlin`. " +
					"SQMeeting does not store the zone a series was planned in. Defaults to `UTC`.",
				Validators: []validator.String{validators.IANATimezone()},
			},
		},
	}, (*sqmeeting.Client).GetRecurrence)
}
