package sqmeetingmap

import (
	"fmt"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/recurrence"
)

// SeriesImportID is conference_sqmeeting_recurring_meeting's import ID: the
// recurrence group ID, optionally followed by a comma and the time zone the
// series' days and times are meant in (SQMeeting does not store it). Without
// one, the zone is UTC.
var SeriesImportID = mapping.ImportID{
	Shape:   "the recurrence group ID, optionally followed by a comma and the series' IANA time zone",
	Example: SeriesID("8c4e2b7a-5f0e-4c1b-9a3d-2e6f7b8c9d01", "Europe/Berlin"),
	Parse: func(id string) (map[string]string, error) {
		gid, zone, hasZone := strings.Cut(id, ",")
		if !hasZone {
			zone = DefaultTimezone
		}
		if gid == "" || strings.ContainsAny(gid, "/?# ") {
			return nil, fmt.Errorf("%q is not a recurrence group ID", gid)
		}
		if _, err := recurrence.LoadZone(zone); err != nil {
			return nil, fmt.Errorf("%q after the comma is not an IANA time zone such as Europe/Berlin or UTC", zone)
		}
		return map[string]string{"id": gid, "timezone": zone}, nil
	},
	Identity: []mapping.IdentityAttr{
		{Name: "id", Description: "The series' recurrence group ID (recurrenceGid)."},
		{Name: "timezone", Optional: true, Description: "The IANA time zone the series' days and times are meant in, which SQMeeting " +
			"does not store, as the series was created or imported with (a later change of `timezone` leaves it); " +
			DefaultTimezone + " when an import leaves it out."},
	},
	Join: func(v map[string]string) string {
		if v["timezone"] == "" {
			return v["id"]
		}
		return SeriesID(v["id"], v["timezone"])
	},
}

// SeriesID is the import ID of series gid meant in zone.
func SeriesID(gid, zone string) string { return gid + "," + zone }
