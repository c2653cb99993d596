package managed

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/recurrence"
	"github.com/confkit/terraform-provider-conference/internal/resources"
	"github.com/confkit/terraform-provider-conference/internal/validators"
)

var sqmeetingPlatform = platform(&platforms.SQMeeting, sqmeeting.FromSettings, &SQMeetingMeeting, &SQMeetingRecurringMeeting, &SQMeetingUser)

// SQMeetingMeeting is conference_sqmeeting_meeting.
var SQMeetingMeeting = Type{
	Kind: resources.Kind{
		Name: Prefix + "sqmeeting_meeting", Platform: &platforms.SQMeeting, Noun: "meeting",
		ImportID: mapping.PlainID("the meeting's reservation ID", "1f0c6a55-8d8e-4b43-9c1e-3e7f0b6f2a10", nil),
		Key: "its `name` and `start_time` (for an instant meeting, a start while the create ran) among the signed-in user's own meetings " +
			"(SQMeeting stamps no creation time, so a meeting alike in both made earlier is taken for the create's own)",
	},
	Section: Section{Title: "SQMeeting meetings",
		Note: "The signed-in user's instant and reservation meetings; an occurrence of a series is managed with its series, below."},
	New:      resources.NewSQMeetingMeeting,
	ListArgs: &ListArgs{Attributes: map[string]listschema.Attribute{"filter": sqmeetingFilter}, Fill: fillSQMeetingFilter},
	List: lister(func(ctx context.Context, c *sqmeeting.Client, l *Listing) ([]*Object, error) {
		own, err := ownMeetings(ctx, c, l, func(m *sqmeeting.Meeting) string {
			if m.RecurrenceGID != "" {
				return ""
			}
			return m.ReservationID
		})
		if err != nil {
			return nil, err
		}
		var out []*Object
		for _, m := range own {
			if m.RecurrenceGID == "" {
				out = append(out, sqmeetingObject(&m, m.ReservationID, "meeting"))
			}
		}
		return out, nil
	}),
}

// SQMeetingRecurringMeeting is conference_sqmeeting_recurring_meeting.
var SQMeetingRecurringMeeting = Type{
	Kind: resources.Kind{
		Name: Prefix + "sqmeeting_recurring_meeting", Platform: &platforms.SQMeeting, Noun: "recurring meeting",
		ImportID: sqmeetingmap.SeriesImportID,
		Key:      "its `name` and the first occurrence's `start_time` among the signed-in user's own meetings",
	},
	Section: Section{Title: "SQMeeting recurring meetings",
		Note: "SQMeeting does not store a series' time zone. The ID's part after the comma is the zone the provider expands the rule in " +
			"(-sqmeeting-timezone): correct it before planning if a series is meant in another."},
	New: resources.NewSQMeetingRecurringMeeting,
	List: lister(func(ctx context.Context, c *sqmeeting.Client, l *Listing) ([]*Object, error) {
		name := l.SQMeetingTimezone
		if name == "" {
			name = sqmeetingmap.DefaultTimezone
		}
		zone, err := recurrence.LoadZone(name)
		if err != nil {
			return nil, fmt.Errorf("-sqmeeting-timezone: %w", err)
		}
		own, err := ownMeetings(ctx, c, l, func(m *sqmeeting.Meeting) string { return m.RecurrenceGID })
		if err != nil {
			return nil, err
		}
		var out []*Object
		series := map[string]bool{}
		for _, m := range own {
			// The list gives a series as its first occurrence; the
			// occurrences are the series' resource's, never a meeting's.
			if m.RecurrenceGID == "" || series[m.RecurrenceGID] {
				continue
			}
			if l.enough(len(out)) {
				break
			}
			series[m.RecurrenceGID] = true
			// Each series is read again, for its occurrences.
			l.Reading("recurring meeting " + m.MeetingName)
			r, err := c.GetRecurrence(ctx, m.RecurrenceGID)
			if err != nil {
				return nil, fmt.Errorf("recurring meeting %q: %w", m.MeetingName, err)
			}
			// The import ID: the group ID, and the zone the provider
			// expands the rule in.
			o := sqmeetingObject(&m, sqmeetingmap.SeriesID(m.RecurrenceGID, zone.String()), "series")
			if why := zoneMismatch(r.Occurrences, zone); why != "" {
				o.Notes = append(o.Notes, why)
			}
			out = append(out, o)
		}
		return out, nil
	}),
	ListArgs: &ListArgs{
		Attributes: map[string]listschema.Attribute{
			"filter": sqmeetingFilter,
			"timezone": listschema.StringAttribute{
				Optional:    true,
				Description: "The IANA time zone the series are imported with, such as `Europe/Berlin`: SQMeeting does not store it. Defaults to `UTC`.",
				Validators:  []validator.String{validators.IANATimezone()},
			},
		},
		Fill: func(ctx context.Context, config tfsdk.Config, l *Listing, diags *diag.Diagnostics) {
			fillSQMeetingFilter(ctx, config, l, diags)
			var zone types.String
			diags.Append(config.GetAttribute(ctx, path.Root("timezone"), &zone)...)
			l.SQMeetingTimezone = zone.ValueString()
		},
	},
}

// sqmeetingFilter is the list resources' filter, as the plural data
// source's.
var sqmeetingFilter = listschema.StringAttribute{Optional: true, Description: sqmeetingmap.MeetingFilterDoc}

func fillSQMeetingFilter(ctx context.Context, config tfsdk.Config, l *Listing, diags *diag.Diagnostics) {
	var filter types.String
	diags.Append(config.GetAttribute(ctx, path.Root("filter"), &filter)...)
	l.SQMeetingFilter = filter.ValueString()
}

// SQMeetingUser is conference_sqmeeting_user.
var SQMeetingUser = Type{
	Kind: resources.Kind{
		Name: Prefix + "sqmeeting_user", Platform: &platforms.SQMeeting, Noun: "user",
		ImportID: userImportID(),
		Key:      "its `username`, which is unique on the server",
	},
	Section: Section{Title: "SQMeeting users",
		Note: "SQMeeting's user search returns the ID, the username and the real name only: generated.tf leaves email, department, " +
			"mobile and role null, which changes nothing; set those you manage, and the first apply sends them. The password is write-only " +
			"(password_wo) and never read. SQMeeting cannot delete a user: destroying one removes it from the state only."},
	New:          resources.NewSQMeetingUser,
	DestroyKeeps: true,
	List: lister(func(ctx context.Context, c *sqmeeting.Client, l *Listing) ([]*Object, error) {
		// The client reads the user search's pages itself: one page here.
		users := func(ctx context.Context, page func([]sqmeeting.PublicUser) bool) error {
			all, err := c.SearchUsers(ctx, "")
			if err == nil {
				page(all)
			}
			return err
		}
		return each(ctx, l, "users", users, func(u *sqmeeting.PublicUser) *Object {
			return &Object{ID: u.UserID, Title: u.Username, NameFrom: []string{u.Username, u.RealName}, Kind: "user"}
		})
	}),
}

// userImportID takes a user's ID or its username; the identity is the ID,
// which the read after an import by username finds.
func userImportID() mapping.ImportID {
	id := mapping.PlainID("the user's ID (user_id) or its username", "alice", nil)
	id.Identity = []mapping.IdentityAttr{{Name: "id", Description: "The user's ID (`user_id`), which SQMeeting assigns."}}
	return id
}

func sqmeetingObject(m *sqmeeting.Meeting, id, kind string) *Object {
	return &Object{ID: id, Title: m.MeetingName,
		NameFrom: []string{m.MeetingName, m.MeetingNumber}, Kind: kind}
}

// ownMeetings are the meetings the signed-in user owns, read once for both
// types. The list also holds meetings the user is only invited to, which
// only their owner can change (sqmeeting-frtc.txt), so they are left out.
// object names the type's object a meeting is ("" for none): with a Limit,
// the pages stop once Limit objects are in hand, and the partial list is
// the caller's alone.
func ownMeetings(ctx context.Context, c *sqmeeting.Client, l *Listing, object func(*sqmeeting.Meeting) string) ([]sqmeeting.Meeting, error) {
	read := func() ([]sqmeeting.Meeting, error) {
		me, err := c.CurrentUser(ctx)
		if err != nil {
			return nil, err
		}
		l.Reading("meetings")
		var meetings []sqmeeting.Meeting
		objects := map[string]bool{}
		err = SQMeetingMeetings(c, l)(ctx, func(page []sqmeeting.Meeting) bool {
			meetings = append(meetings, page...)
			for i := range page {
				if key := object(&page[i]); key != "" && page[i].OwnerID == me.UserID {
					objects[key] = true
				}
			}
			return !l.enough(len(objects))
		})
		if err != nil {
			return nil, err
		}
		l.Found(len(meetings))
		l.Note("the meetings are those %s (%s) owns, the user the exporter signed in as.",
			me.Username, platforms.SQMeeting.Setting("username").Env)
		own := slices.DeleteFunc(meetings, func(m sqmeeting.Meeting) bool { return m.OwnerID != me.UserID })
		if others := len(meetings) - len(own); others > 0 {
			l.Note("left out %d meetings that other users own, which only their owner can manage.", others)
		}
		return own, nil
	}
	if l.Limit > 0 {
		return read()
	}
	return once(l, "sqmeeting meetings", read)
}

// zoneMismatch says why a series' occurrences do not fit zone, or "" when
// they do. Every occurrence of a series starts at the same local time of day
// in the zone it is meant in (recurrence.Rule); occurrences that start at
// different times of day in zone mean another zone (an hour apart: one with
// daylight saving time), and importing with zone would plan to make every
// occurrence anew.
func zoneMismatch(occ []sqmeeting.Meeting, zone *time.Location) string {
	var starts []string
	for _, o := range occ {
		s := o.ScheduleStartTime.In(zone).Format("15:04")
		if !slices.Contains(starts, s) {
			starts = append(starts, s)
		}
	}
	if len(starts) < 2 {
		return ""
	}
	return fmt.Sprintf("Its occurrences start at %s in %s, not at one time of day: the series is meant in another time zone "+
		"(or an occurrence was moved on its own). Write that zone after the comma in the ID; with %s, the plan would update "+
		"the series, which makes every occurrence anew.", strings.Join(starts, " and "), zone, zone)
}
