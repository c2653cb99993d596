package recurrence

import (
	"fmt"
	"slices"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
)

// The provider's reading of a recurrence rule. sqmeeting-frtc.txt shows the
// rule's fields and no semantics; the vendor's clients and NOTES.md give the
// rest, and where they are silent the provider decides as below (and the
// guide "Where the vendors' documents are silent" says so):
//
//   - start_time and end_time are the first occurrence, which must fall on a
//     day of the rule. Every occurrence starts at the first one's local time
//     of day in the series' time zone, and lasts as long. A time of day that a
//     daylight saving change skips (02:30 on the day clocks go from 02:00 to
//     03:00) moves forward by the gap, to 03:30.
//   - Days of the week count 1 = Sunday ... 7 = Saturday, as the vendor's
//     clients count; weeks start on Sunday, so "every 2 weeks on Monday and
//     Saturday" means both days of every other Sunday-to-Saturday week,
//     counted from the first occurrence's week.
//   - Days of the month are 1..31; a month without the day (the 31st in
//     April, the 30th in February) has no occurrence for it. The meeting does
//     not move to the month's last day.
//   - Intervals count from the first occurrence's day, week or month.
//   - last_day is the series' last day, in its time zone.
//
// Days and times are meant in the series' time zone (`timezone`). The server
// expands a rule in its own zone, which the API does not tell; so the
// provider expands the rule itself (Expand) and, after every create or
// update, puts the server's occurrences where the rule says (Reconcile).
// With the server in the series' zone the two expansions agree and nothing
// moves.

// Types are the rule types (recurrence_type).
var Types = []string{sqmeeting.RecurrenceDaily, sqmeeting.RecurrenceWeekly, sqmeeting.RecurrenceMonthly}

// maxInterval is the largest interval of each type: the vendor's clients
// offer every 1..99 days and every 1..12 weeks or months (their frequency
// menus), and the emulator refuses more.
var maxInterval = map[string]int{sqmeeting.RecurrenceDaily: 99, sqmeeting.RecurrenceWeekly: 12, sqmeeting.RecurrenceMonthly: 12}

// MaxOccurrences bounds a series. The document sets no bound; the provider
// manages each occurrence (it holds them in the state and may move or cancel
// each), and the emulator refuses longer series too.
const MaxOccurrences = 1000

// Rule is a series' recurrence as the configuration means it.
type Rule struct {
	Type     string
	Interval int
	// DaysOfWeek (1 = Sunday) for WEEKLY, DaysOfMonth for MONTHLY.
	DaysOfWeek  []int
	DaysOfMonth []int
	// Start and End are the first occurrence.
	Start, End time.Time
	Zone       *time.Location
	LastDay    Date
}

// Date is a calendar date, held at midnight UTC so that adding days never
// meets a daylight saving change.
type Date struct{ t time.Time }

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	return Date{t}, err
}

// DateOf is t's date in zone.
func DateOf(t time.Time, zone *time.Location) Date {
	y, m, d := t.In(zone).Date()
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

func (d Date) String() string       { return d.t.Format(time.DateOnly) }
func (d Date) addDays(n int) Date   { return Date{d.t.AddDate(0, 0, n)} }
func (d Date) Before(o Date) bool   { return d.t.Before(o.t) }
func (d Date) daysSince(o Date) int { return int(d.t.Sub(o.t) / (24 * time.Hour)) }
func (d Date) monthsSince(o Date) int {
	return (d.t.Year()-o.t.Year())*12 + int(d.t.Month()-o.t.Month())
}

// weekday is the rule's number for the day: 1 = Sunday ... 7 = Saturday.
func (d Date) weekday() int { return sqmeeting.WeekdayNumber(d.t.Weekday()) }

// at is the instant of the local time of day clock on d in zone; a time a
// daylight saving change skips moves forward by the gap (time.Date's rule).
func (d Date) at(clock time.Time, zone *time.Location) time.Time {
	return time.Date(d.t.Year(), d.t.Month(), d.t.Day(), clock.Hour(), clock.Minute(), clock.Second(), clock.Nanosecond(), zone)
}

// Occurrence is one meeting of a series: its date in the series' zone and
// its times.
type Occurrence struct {
	Date       Date
	Start, End time.Time
}

// FirstDay is the first occurrence's date.
func (r Rule) FirstDay() Date { return DateOf(r.Start, r.Zone) }

// matches reports whether d is a day of the rule.
func (r Rule) matches(d Date) bool {
	first := r.FirstDay()
	switch r.Type {
	case sqmeeting.RecurrenceDaily:
		return d.daysSince(first)%r.Interval == 0
	case sqmeeting.RecurrenceWeekly:
		// Weeks start on Sunday, weekday 1.
		weekStart := first.addDays(1 - first.weekday())
		return (d.daysSince(weekStart)/7)%r.Interval == 0 && slices.Contains(r.DaysOfWeek, d.weekday())
	case sqmeeting.RecurrenceMonthly:
		return d.monthsSince(first)%r.Interval == 0 && slices.Contains(r.DaysOfMonth, d.t.Day())
	}
	return false
}

// Expand lists the rule's occurrences, first to last. It fails past
// MaxOccurrences.
func (r Rule) Expand() ([]Occurrence, error) {
	first := r.Start.In(r.Zone)
	duration := r.End.Sub(r.Start)
	var out []Occurrence
	for d := r.FirstDay(); !r.LastDay.Before(d); d = d.addDays(1) {
		if !r.matches(d) {
			continue
		}
		if len(out) == MaxOccurrences {
			return nil, fmt.Errorf("the series has more than %d occurrences before last_day %s; end it sooner", MaxOccurrences, r.LastDay)
		}
		start := d.at(first, r.Zone)
		out = append(out, Occurrence{Date: d, Start: start, End: start.Add(duration)})
	}
	return out, nil
}

// Problem is a constraint a configuration breaks: the attribute to blame and
// what is wrong.
type Problem struct {
	Attr, Detail string
}

// Problems checks what spans the rule's attributes; the attributes' own
// validators have checked each alone. skip are skip_dates.
func (r Rule) Problems(skip []Date) []Problem {
	var out []Problem
	add := func(attr, format string, args ...any) { out = append(out, Problem{attr, fmt.Sprintf(format, args...)}) }
	if hi := maxInterval[r.Type]; r.Interval > hi {
		add("interval", "interval must be from 1 to %d for %s (the vendor's clients offer no more); got %d.", hi, r.Type, r.Interval)
	}
	weekly, monthly := r.Type == sqmeeting.RecurrenceWeekly, r.Type == sqmeeting.RecurrenceMonthly
	switch {
	case weekly && len(r.DaysOfWeek) == 0:
		add("days_of_week", "days_of_week is required for a WEEKLY series: the days of the week it meets on, 1 = Sunday ... 7 = Saturday.")
	case !weekly && r.DaysOfWeek != nil:
		add("days_of_week", "days_of_week applies to WEEKLY series only, and recurrence_type is %s. Remove days_of_week.", r.Type)
	}
	switch {
	case monthly && len(r.DaysOfMonth) == 0:
		add("days_of_month", "days_of_month is required for a MONTHLY series: the days of the month it meets on, 1 to 31.")
	case !monthly && r.DaysOfMonth != nil:
		add("days_of_month", "days_of_month applies to MONTHLY series only, and recurrence_type is %s. Remove days_of_month.", r.Type)
	}
	if !r.End.After(r.Start) {
		add("end_time", "end_time (%s) must be after start_time (%s).", r.End.Format(time.RFC3339), r.Start.Format(time.RFC3339))
	}
	if len(out) > 0 || r.Interval < 1 {
		return out
	}
	first := r.FirstDay()
	if !r.matches(first) {
		add("start_time", "start_time is the first occurrence, so it must fall on a day of the series: %s in %s is a %s (day %d of the week, day %d of the month), which %s does not include.",
			first, r.Zone, first.t.Weekday(), first.weekday(), first.t.Day(), r.daysAttr())
	}
	if r.LastDay.Before(first) {
		add("last_day", "last_day (%s) must not be before the first occurrence's day (%s in %s).", r.LastDay, first, r.Zone)
	}
	if len(out) > 0 {
		return out
	}
	occ, err := r.Expand()
	if err != nil {
		add("last_day", "%s.", err.Error())
		return out
	}
	dates := make(map[Date]bool, len(occ))
	for _, o := range occ {
		dates[o.Date] = true
	}
	for _, d := range skip {
		if !dates[d] {
			add("skip_dates", "skip_dates holds %s, which is not a day of the series between %s and last_day %s. List only days the series meets on.", d, first, r.LastDay)
		}
	}
	if len(skip) >= len(occ) && len(out) == 0 {
		add("skip_dates", "skip_dates cancels every occurrence of the series; a series needs at least one.")
	}
	return out
}

// daysAttr names the attribute that chooses the days, for messages.
func (r Rule) daysAttr() string {
	switch r.Type {
	case sqmeeting.RecurrenceWeekly:
		return fmt.Sprintf("days_of_week %v", r.DaysOfWeek)
	case sqmeeting.RecurrenceMonthly:
		return fmt.Sprintf("days_of_month %v", r.DaysOfMonth)
	}
	return fmt.Sprintf("a %s series with interval %d", r.Type, r.Interval)
}

// Input is the rule as the API takes it: the first occurrence, the series'
// first day from 00:00:00 and last day to 23:59:59 in the series' zone (the
// vendor clients' values), and both day lists, the one that does not apply
// empty.
func (r Rule) Input() sqmeeting.Rule {
	last := r.LastDay.t
	return sqmeeting.Rule{
		RecurrenceType:        r.Type,
		RecurrenceInterval:    r.Interval,
		RecurrenceDaysOfWeek:  append([]int{}, r.DaysOfWeek...),
		RecurrenceDaysOfMonth: append([]int{}, r.DaysOfMonth...),
		RecurrenceStartTime:   sqmeeting.At(r.Start),
		RecurrenceEndTime:     sqmeeting.At(r.End),
		RecurrenceStartDay:    sqmeeting.At(r.FirstDay().at(time.Time{}, r.Zone)),
		RecurrenceEndDay:      sqmeeting.At(time.Date(last.Year(), last.Month(), last.Day(), 23, 59, 59, 0, r.Zone)),
	}
}

// RuleFromAPI reads a series' rule in zone. The day list of the rule's type
// defaults to the first occurrence's day, as the server's does; the other is
// left out.
func RuleFromAPI(api sqmeeting.Rule, zone *time.Location) Rule {
	r := Rule{
		Type: api.RecurrenceType, Interval: max(api.RecurrenceInterval, 1),
		Start: api.RecurrenceStartTime.Time, End: api.RecurrenceEndTime.Time, Zone: zone,
		LastDay: DateOf(api.RecurrenceEndDay.Time, zone),
	}
	first := r.FirstDay()
	switch r.Type {
	case sqmeeting.RecurrenceWeekly:
		r.DaysOfWeek = sorted(api.RecurrenceDaysOfWeek, first.weekday())
	case sqmeeting.RecurrenceMonthly:
		r.DaysOfMonth = sorted(api.RecurrenceDaysOfMonth, first.t.Day())
	}
	return r
}

func sorted(days []int, def int) []int {
	if len(days) == 0 {
		return []int{def}
	}
	return slices.Sorted(slices.Values(days))
}

// Held is an occurrence the server holds. Planned, when set, is the start
// the plan showed for its reservation ID: Reconcile puts it there whatever
// the server did with it, so that the apply's result is the plan's.
type Held struct {
	ReservationID string
	Start, End    time.Time
	Planned       time.Time
}

// Move puts an occurrence at another time.
type Move struct {
	ReservationID string
	Start, End    time.Time
}

// Reconcile compares the occurrences the server holds with the rule's
// (want), less the skipped dates, and says which to move and which to
// cancel. An occurrence with a Planned start goes there first; then an
// occurrence the server holds at a wanted time stays; the others move, first
// to last, to the wanted times no occurrence holds; the ones left over, and
// those on skipped dates, are canceled. The API cannot add an occurrence to a
// series, so a server that holds fewer than the rule needs is an error.
func Reconcile(held []Held, want []Occurrence, skip map[Date]bool) (moves []Move, cancels []string, err error) {
	byStart := make(map[int64]int, len(want)) // want index by start
	for i, o := range want {
		byStart[o.Start.UnixMilli()] = i
	}
	placed := make([]bool, len(want))
	place := func(h Held, at time.Time) bool {
		i, ok := byStart[at.UnixMilli()]
		if at.IsZero() || !ok || placed[i] {
			return false
		}
		placed[i] = true
		switch {
		case skip[want[i].Date]:
			cancels = append(cancels, h.ReservationID)
		case !h.Start.Equal(want[i].Start) || !h.End.Equal(want[i].End):
			moves = append(moves, Move{h.ReservationID, want[i].Start, want[i].End})
		}
		return true
	}
	var unplanned, spare []Held
	for _, h := range held {
		if !place(h, h.Planned) {
			unplanned = append(unplanned, h)
		}
	}
	for _, h := range unplanned {
		if !place(h, h.Start) {
			spare = append(spare, h)
		}
	}
	var missing []Occurrence
	for i, o := range want {
		if !placed[i] && !skip[o.Date] {
			missing = append(missing, o)
		}
	}
	if len(spare) < len(missing) {
		return nil, nil, fmt.Errorf("SQMeeting holds %d occurrences of the series where its rule gives %d (first missing: %s); "+
			"the API cannot add an occurrence to a series", len(held), len(want)-len(skip), missing[len(spare)].Start.Format(time.RFC3339))
	}
	slices.SortFunc(spare, func(a, b Held) int { return a.Start.Compare(b.Start) })
	for i, h := range spare {
		if i < len(missing) {
			moves = append(moves, Move{h.ReservationID, missing[i].Start, missing[i].End})
		} else {
			cancels = append(cancels, h.ReservationID)
		}
	}
	return moves, cancels, nil
}
