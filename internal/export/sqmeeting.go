package export

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/recurrence"
)

// listSQMeeting lists the meetings and series the signed-in user owns. The
// list also holds meetings the user is only invited to, which only their
// owner can change (sqmeeting-frtc.txt), so they are left out.
func listSQMeeting(ctx context.Context, c *sqmeeting.Client, l *lister) ([]*Object, error) {
	name := l.opts.SQMeetingTimezone
	if name == "" {
		name = sqmeetingmap.DefaultTimezone
	}
	zone, err := recurrence.LoadZone(name)
	if err != nil {
		return nil, fmt.Errorf("-sqmeeting-timezone: %w", err)
	}
	me, err := c.CurrentUser(ctx)
	if err != nil {
		return nil, err
	}
	l.reading("meetings")
	meetings, err := c.ListMeetings(ctx, "")
	if err != nil {
		return nil, err
	}
	l.found(len(meetings))
	l.note("the meetings are those %s (%s) owns, the user the exporter signed in as.",
		me.Username, platforms.SQMeeting.Setting("username").Env)
	var out []*Object
	series := map[string]bool{}
	others := 0
	for _, m := range meetings {
		if m.OwnerID != me.UserID {
			others++
			continue
		}
		o := &Object{Platform: &platforms.SQMeeting, Title: m.MeetingName, NameFrom: []string{m.MeetingName, m.MeetingNumber}, Kind: "meeting"}
		switch {
		case m.RecurrenceGID != "":
			// The list gives a series as its first occurrence; the
			// occurrences are the series' resource's, never a meeting's.
			if series[m.RecurrenceGID] || !l.want(typeSQMeetingRecurring) {
				continue
			}
			series[m.RecurrenceGID] = true
			// Each series is read again, for its occurrences.
			l.reading("recurring meeting " + m.MeetingName)
			r, err := c.GetRecurrence(ctx, m.RecurrenceGID)
			if err != nil {
				return nil, fmt.Errorf("recurring meeting %q: %w", m.MeetingName, err)
			}
			o.Type, o.Kind = typeSQMeetingRecurring, "series"
			// conference_sqmeeting_recurring_meeting's import ID: the group
			// ID, and the zone the provider expands the rule in.
			o.ID = m.RecurrenceGID + "," + zone.String()
			if why := zoneMismatch(r.Occurrences, zone); why != "" {
				o.Notes = append(o.Notes, why)
			}
		case l.want(typeSQMeetingMeeting):
			o.Type, o.ID = typeSQMeetingMeeting, m.ReservationID
		default:
			continue
		}
		out = append(out, o)
	}
	if others > 0 {
		l.note("left out %d meetings that other users own, which only their owner can manage.", others)
	}
	return out, nil
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
