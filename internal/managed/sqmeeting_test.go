package managed

import (
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
)

// A series whose occurrences keep one time of day in Europe/Berlin, across
// the change to summer time, does not fit UTC.
func TestZoneMismatch(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	var occ []sqmeeting.Meeting
	for _, day := range []int{25, 27, 29, 31} {
		start := time.Date(2030, 3, day, 9, 0, 0, 0, berlin)
		occ = append(occ, sqmeeting.Meeting{ScheduleStartTime: sqmeeting.At(start)})
	}
	if why := zoneMismatch(occ, berlin); why != "" {
		t.Errorf("in its own zone: %q", why)
	}
	why := zoneMismatch(occ, time.UTC)
	if !strings.Contains(why, "Its occurrences start at 08:00 and 07:00 in UTC") {
		t.Errorf("in UTC: %q", why)
	}
}
