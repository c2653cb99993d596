package recurrence

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
)

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := LoadZone(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func mustDate(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// starts are the occurrences' starts in UTC, RFC 3339.
func starts(occ []Occurrence) []string {
	out := make([]string, 0, len(occ))
	for _, o := range occ {
		out = append(out, o.Start.UTC().Format(time.RFC3339))
	}
	return out
}

// The expected dates are read off a calendar.
func TestExpand(t *testing.T) {
	berlin := mustZone(t, "Europe/Berlin")
	for _, tc := range []struct {
		name string
		rule Rule
		want []string
	}{
		{"daily every 3 days", Rule{Type: "DAILY", Interval: 3, Start: at(t, "2030-02-26T09:00:00Z"), End: at(t, "2030-02-26T10:00:00Z"), Zone: time.UTC, LastDay: mustDate(t, "2030-03-07")},
			[]string{"2030-02-26T09:00:00Z", "2030-03-01T09:00:00Z", "2030-03-04T09:00:00Z", "2030-03-07T09:00:00Z"}},
		{"weekly: weeks start on Sunday", Rule{Type: "WEEKLY", Interval: 2, DaysOfWeek: []int{1, 7}, Start: at(t, "2030-03-09T12:00:00Z"), End: at(t, "2030-03-09T13:00:00Z"), Zone: time.UTC, LastDay: mustDate(t, "2030-03-24")},
			// Sat 9th; Sun 10th opens a week off; Sun 17th and Sat 23rd; the 24th is off.
			[]string{"2030-03-09T12:00:00Z", "2030-03-17T12:00:00Z", "2030-03-23T12:00:00Z"}},
		{"monthly 30th skips February", Rule{Type: "MONTHLY", Interval: 1, DaysOfMonth: []int{30}, Start: at(t, "2030-01-30T08:00:00Z"), End: at(t, "2030-01-30T09:00:00Z"), Zone: time.UTC, LastDay: mustDate(t, "2030-04-30")},
			[]string{"2030-01-30T08:00:00Z", "2030-03-30T08:00:00Z", "2030-04-30T08:00:00Z"}},
		{"monthly every other month", Rule{Type: "MONTHLY", Interval: 2, DaysOfMonth: []int{5, 20}, Start: at(t, "2030-01-05T08:00:00Z"), End: at(t, "2030-01-05T09:00:00Z"), Zone: time.UTC, LastDay: mustDate(t, "2030-05-05")},
			[]string{"2030-01-05T08:00:00Z", "2030-01-20T08:00:00Z", "2030-03-05T08:00:00Z", "2030-03-20T08:00:00Z", "2030-05-05T08:00:00Z"}},
		{"daily across the spring change keeps the local time", Rule{Type: "DAILY", Interval: 1, Start: at(t, "2030-03-30T09:00:00+01:00"), End: at(t, "2030-03-30T10:00:00+01:00"), Zone: berlin, LastDay: mustDate(t, "2030-04-01")},
			[]string{"2030-03-30T08:00:00Z", "2030-03-31T07:00:00Z", "2030-04-01T07:00:00Z"}},
		{"a time the change skips moves forward by the gap", Rule{Type: "DAILY", Interval: 1, Start: at(t, "2030-03-30T02:30:00+01:00"), End: at(t, "2030-03-30T03:00:00+01:00"), Zone: berlin, LastDay: mustDate(t, "2030-04-01")},
			// 02:30 does not exist on the 31st: 03:30 CEST, 01:30 UTC.
			[]string{"2030-03-30T01:30:00Z", "2030-03-31T01:30:00Z", "2030-04-01T00:30:00Z"}},
		{"autumn change", Rule{Type: "WEEKLY", Interval: 1, DaysOfWeek: []int{1}, Start: at(t, "2030-10-20T09:00:00+02:00"), End: at(t, "2030-10-20T10:00:00+02:00"), Zone: berlin, LastDay: mustDate(t, "2030-10-27")},
			[]string{"2030-10-20T07:00:00Z", "2030-10-27T08:00:00Z"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			occ, err := tc.rule.Expand()
			if err != nil {
				t.Fatal(err)
			}
			if got := starts(occ); !slices.Equal(got, tc.want) {
				t.Errorf("got %v\nwant %v", got, tc.want)
			}
			for _, o := range occ {
				if o.End.Sub(o.Start) != tc.rule.End.Sub(tc.rule.Start) {
					t.Errorf("%s lasts %s", o.Start, o.End.Sub(o.Start))
				}
			}
		})
	}
}

func TestExpandBound(t *testing.T) {
	r := Rule{Type: "DAILY", Interval: 1, Start: at(t, "2030-01-01T09:00:00Z"), End: at(t, "2030-01-01T10:00:00Z"), Zone: time.UTC}
	r.LastDay = DateOf(r.Start.AddDate(0, 0, MaxOccurrences-1), time.UTC)
	if occ, err := r.Expand(); err != nil || len(occ) != MaxOccurrences {
		t.Fatalf("%d occurrences, %v", len(occ), err)
	}
	r.LastDay = r.LastDay.addDays(1)
	if _, err := r.Expand(); err == nil {
		t.Fatal("one more than the bound expanded")
	}
}

// The rule sent to the API reads back as the same rule, in the same zone.
func TestInputRoundTrip(t *testing.T) {
	berlin := mustZone(t, "Europe/Berlin")
	r := Rule{Type: "WEEKLY", Interval: 2, DaysOfWeek: []int{3, 5}, Start: at(t, "2030-03-19T00:30:00+01:00"), End: at(t, "2030-03-19T01:00:00+01:00"), Zone: berlin, LastDay: mustDate(t, "2030-04-04")}
	in := r.Input()
	if got := in.RecurrenceStartDay.In(berlin).Format(time.DateTime); got != "2030-03-19 00:00:00" {
		t.Errorf("recurrenceStartDay %s", got)
	}
	if got := in.RecurrenceEndDay.In(berlin).Format(time.DateTime); got != "2030-04-04 23:59:59" {
		t.Errorf("recurrenceEndDay %s", got)
	}
	if in.RecurrenceDaysOfMonth == nil || len(in.RecurrenceDaysOfMonth) != 0 {
		t.Errorf("the other day list should be sent empty, got %v", in.RecurrenceDaysOfMonth)
	}
	back := RuleFromAPI(in, berlin)
	if back.Type != r.Type || back.Interval != r.Interval || !slices.Equal(back.DaysOfWeek, r.DaysOfWeek) || back.DaysOfMonth != nil ||
		!back.Start.Equal(r.Start) || !back.End.Equal(r.End) || back.LastDay != r.LastDay {
		t.Errorf("read back %+v, sent %+v", back, r)
	}
	// A server's empty day list is the first occurrence's day.
	in.RecurrenceDaysOfWeek = nil
	if got := RuleFromAPI(in, berlin).DaysOfWeek; !slices.Equal(got, []int{3}) {
		t.Errorf("default days %v", got)
	}
	in.RecurrenceInterval = 0
	if got := RuleFromAPI(in, berlin).Interval; got != 1 {
		t.Errorf("default interval %d", got)
	}
}

func TestProblems(t *testing.T) {
	weekly := Rule{Type: "WEEKLY", Interval: 1, DaysOfWeek: []int{2}, Start: at(t, "2030-03-04T09:00:00Z"), End: at(t, "2030-03-04T10:00:00Z"), Zone: time.UTC, LastDay: mustDate(t, "2030-03-18")}
	if p := weekly.Problems(nil); len(p) != 0 {
		t.Fatalf("a valid rule: %v", p)
	}
	for _, tc := range []struct {
		name   string
		change func(*Rule)
		skip   []string
		attr   string
		detail string
	}{
		{"interval", func(r *Rule) { r.Interval = 13 }, nil, "interval", "from 1 to 12 for WEEKLY"},
		{"no weekdays", func(r *Rule) { r.DaysOfWeek = nil }, nil, "days_of_week", "required for a WEEKLY"},
		{"weekdays on daily", func(r *Rule) { r.Type = "DAILY" }, nil, "days_of_week", "WEEKLY series only"},
		{"month days on weekly", func(r *Rule) { r.DaysOfMonth = []int{4} }, nil, "days_of_month", "MONTHLY series only"},
		{"no month days", func(r *Rule) { r.Type, r.DaysOfWeek = "MONTHLY", nil }, nil, "days_of_month", "required for a MONTHLY"},
		{"end not after start", func(r *Rule) { r.End = r.Start }, nil, "end_time", "must be after start_time"},
		{"start off the rule", func(r *Rule) { r.DaysOfWeek = []int{3} }, nil, "start_time", "is a Monday (day 2 of the week"},
		{"start off the month days", func(r *Rule) { r.Type, r.DaysOfWeek, r.DaysOfMonth = "MONTHLY", nil, []int{5} }, nil, "start_time", "day 4 of the month), which days_of_month [5]"},
		{"last day first", func(r *Rule) { r.LastDay = mustDate(t, "2030-03-03") }, nil, "last_day", "must not be before"},
		{"skip outside", nil, []string{"2030-03-25"}, "skip_dates", "2030-03-25, which is not a day of the series"},
		{"skip off the rule", nil, []string{"2030-03-05"}, "skip_dates", "2030-03-05"},
		{"skip all", nil, []string{"2030-03-04", "2030-03-11", "2030-03-18"}, "skip_dates", "cancels every occurrence"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := weekly
			if tc.change != nil {
				tc.change(&r)
			}
			var skip []Date
			for _, s := range tc.skip {
				skip = append(skip, mustDate(t, s))
			}
			p := r.Problems(skip)
			if len(p) != 1 || p[0].Attr != tc.attr || !strings.Contains(p[0].Detail, tc.detail) {
				t.Errorf("got %+v, want one on %s saying %q", p, tc.attr, tc.detail)
			}
		})
	}
}

func TestReconcile(t *testing.T) {
	r := Rule{Type: "DAILY", Interval: 1, Start: at(t, "2030-03-01T09:00:00Z"), End: at(t, "2030-03-01T10:00:00Z"), Zone: time.UTC, LastDay: mustDate(t, "2030-03-04")}
	want, err := r.Expand()
	if err != nil {
		t.Fatal(err)
	}
	held := func(startsUTC ...string) []Held {
		var out []Held
		for i, s := range startsUTC {
			st := at(t, s)
			out = append(out, Held{ReservationID: string(rune('a' + i)), Start: st, End: st.Add(time.Hour)})
		}
		return out
	}
	skip := map[Date]bool{mustDate(t, "2030-03-02"): true}

	// The server's expansion is the rule's: only the skipped date is canceled.
	moves, cancels, err := Reconcile(held("2030-03-01T09:00:00Z", "2030-03-02T09:00:00Z", "2030-03-03T09:00:00Z", "2030-03-04T09:00:00Z"), want, skip)
	if err != nil || len(moves) != 0 || !slices.Equal(cancels, []string{"b"}) {
		t.Errorf("same expansion: moves %v cancels %v err %v", moves, cancels, err)
	}

	// A server an hour off on the last two, and a day early on the first
	// (another zone): the ones off move, first to last; nothing is canceled
	// but the skipped date's, which none holds.
	moves, cancels, err = Reconcile(held("2030-02-28T09:00:00Z", "2030-03-03T09:00:00Z", "2030-03-04T08:00:00Z"), want, skip)
	if err != nil || len(cancels) != 0 || len(moves) != 2 ||
		moves[0].ReservationID != "a" || !moves[0].Start.Equal(at(t, "2030-03-01T09:00:00Z")) ||
		moves[1].ReservationID != "c" || !moves[1].Start.Equal(at(t, "2030-03-04T09:00:00Z")) || !moves[1].End.Equal(at(t, "2030-03-04T10:00:00Z")) {
		t.Errorf("shifted: moves %+v cancels %v err %v", moves, cancels, err)
	}

	// One too many: the extra is canceled.
	_, cancels, err = Reconcile(held("2030-03-01T09:00:00Z", "2030-03-03T09:00:00Z", "2030-03-04T09:00:00Z", "2030-03-05T09:00:00Z"), want, skip)
	if err != nil || !slices.Equal(cancels, []string{"d"}) {
		t.Errorf("extra: cancels %v err %v", cancels, err)
	}

	// One too few: the API cannot add one.
	if _, _, err = Reconcile(held("2030-03-01T09:00:00Z", "2030-03-03T09:00:00Z"), want, skip); err == nil || !strings.Contains(err.Error(), "first missing: 2030-03-04T09:00:00Z") {
		t.Errorf("missing: %v", err)
	}
}

// The server made the occurrences anew an hour off, with one back on a
// skipped date under a new ID: the planned IDs go to their planned times, and
// the newcomer is canceled, rather than each taking the next free time.
func TestReconcilePlanned(t *testing.T) {
	r := Rule{Type: "DAILY", Interval: 1, Start: at(t, "2030-03-01T09:00:00Z"), End: at(t, "2030-03-01T10:00:00Z"), Zone: time.UTC, LastDay: mustDate(t, "2030-03-03")}
	want, err := r.Expand()
	if err != nil {
		t.Fatal(err)
	}
	skip := map[Date]bool{mustDate(t, "2030-03-02"): true}
	h := func(id, start, planned string) Held {
		st := at(t, start)
		out := Held{ReservationID: id, Start: st, End: st.Add(time.Hour)}
		if planned != "" {
			out.Planned = at(t, planned)
		}
		return out
	}
	held := []Held{
		h("a", "2030-03-01T08:00:00Z", "2030-03-01T09:00:00Z"),
		h("new", "2030-03-02T08:00:00Z", ""),
		h("b", "2030-03-03T08:00:00Z", "2030-03-03T09:00:00Z"),
	}
	moves, cancels, err := Reconcile(held, want, skip)
	if err != nil || !slices.Equal(cancels, []string{"new"}) || len(moves) != 2 ||
		moves[0].ReservationID != "a" || !moves[0].Start.Equal(at(t, "2030-03-01T09:00:00Z")) ||
		moves[1].ReservationID != "b" || !moves[1].Start.Equal(at(t, "2030-03-03T09:00:00Z")) {
		t.Errorf("planned: moves %+v cancels %v err %v", moves, cancels, err)
	}
	// Without the plan's places, the newcomer takes b's time and b is canceled.
	for i := range held {
		held[i].Planned = time.Time{}
	}
	moves, cancels, _ = Reconcile(held, want, skip)
	if !slices.Equal(cancels, []string{"b"}) || len(moves) != 2 || moves[1].ReservationID != "new" {
		t.Errorf("unplanned: moves %+v cancels %v", moves, cancels)
	}
}

func TestWeekdayNumbering(t *testing.T) {
	// 2030-03-03 is a Sunday: day 1, as SQMeeting counts.
	if d := mustDate(t, "2030-03-03"); d.weekday() != 1 || d.addDays(6).weekday() != 7 {
		t.Errorf("Sunday is %d, Saturday %d", d.weekday(), d.addDays(6).weekday())
	}
	if sqmeeting.WeekdayNumber(time.Monday) != 2 {
		t.Error("the client numbers Monday 2")
	}
}
