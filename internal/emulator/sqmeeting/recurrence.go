package sqmeeting

import (
	"slices"
	"time"
)

// Recurrence types: "recurrence_type": "NONE/DAILY/WEEKLY/MONTHLY".
const (
	recurrenceNone    = "NONE"
	recurrenceDaily   = "DAILY"
	recurrenceWeekly  = "WEEKLY"
	recurrenceMonthly = "MONTHLY"
)

// ruleFields are the recurrence fields of a body besides recurrence_type
// (the document's "Create a Recurrence Meeting" example and the vendor
// clients' bodies, which add the two day lists).
var ruleFields = []string{
	"recurrenceInterval", "recurrenceDaysOfWeek", "recurrenceDaysOfMonth",
	"recurrenceStartTime", "recurrenceEndTime", "recurrenceStartDay", "recurrenceEndDay",
}

// maxInterval is the largest recurrenceInterval of each type: the vendor
// clients offer every 1..99 days and every 1..12 weeks or months
// (ScheduleView.m's frequency menus).
var maxInterval = map[string]int{recurrenceDaily: 99, recurrenceWeekly: 12, recurrenceMonthly: 12}

// Bounds of a series. The document sets none; the emulator's keep a mistaken
// rule from filling its memory or its time (a daily meeting for over two
// years still fits).
const (
	maxOccurrences = 1000
	maxSeriesYears = 10
)

// rule is a series' recurrence, as the API spells it.
//
// StartTime and EndTime (recurrenceStartTime/EndTime) are the first
// occurrence's start and end; the vendor clients send the meeting's own start
// and end there. StartDay and EndDay bound the series: the clients send the
// first day at 00:00:00 and the last day at 23:59:59 local time (the
// document's example: recurrenceEndDay 1700927999000 is 23:59:59 in UTC+8).
//
// DaysOfWeek counts 1 = Sunday to 7 = Saturday: the vendor clients' numbering
// (MeetingUtil.formatWeekDay on Android, convertValueToWeekDay on macOS; it is
// java.util.Calendar's and NSCalendar's). DaysOfMonth are 1..31.
type rule struct {
	Type string `json:"recurrence_type"`
	Rule
}

// Rule is the part of a rule that answers carry under the same names on a
// series and on each of its occurrences (the vendor's ScheduledMeetingResult
// and RecurrenceMeetingListResult).
type Rule struct {
	Interval    int   `json:"recurrenceInterval"`
	DaysOfWeek  []int `json:"recurrenceDaysOfWeek"`
	DaysOfMonth []int `json:"recurrenceDaysOfMonth"`
	StartTime   int64 `json:"recurrenceStartTime"`
	EndTime     int64 `json:"recurrenceEndTime"`
	StartDay    int64 `json:"recurrenceStartDay"`
	EndDay      int64 `json:"recurrenceEndDay"`
}

// readRule reads the rule fields of f onto r (the current rule on update, a
// zero one on create), checks the result and fills the defaults.
func readRule(f fields, p *problems, r *rule, loc *time.Location, creating bool) {
	if t, ok := f.enum(p, "recurrence_type", recurrenceDaily, recurrenceWeekly, recurrenceMonthly); ok {
		if t != r.Type {
			// The day lists belong to the old type.
			r.DaysOfWeek, r.DaysOfMonth = nil, nil
		}
		r.Type = t
	} else if creating && !f.has("recurrence_type") {
		p.add("recurrence_type is required: DAILY, WEEKLY or MONTHLY")
	}
	if n, ok := f.integer(p, "recurrenceInterval"); ok {
		r.Interval = int(n)
	} else if r.Interval == 0 {
		r.Interval = 1
	}
	if hi := maxInterval[r.Type]; hi > 0 && (r.Interval < 1 || r.Interval > hi) {
		p.add("recurrenceInterval must be from 1 to %d for %s", hi, r.Type)
	}
	if days, ok := f.ints(p, "recurrenceDaysOfWeek", 1, 7); ok {
		r.DaysOfWeek = days
	}
	if days, ok := f.ints(p, "recurrenceDaysOfMonth", 1, 31); ok {
		r.DaysOfMonth = days
	}
	if len(r.DaysOfWeek) > 0 && r.Type != recurrenceWeekly {
		p.add("recurrenceDaysOfWeek applies to WEEKLY only")
	}
	if len(r.DaysOfMonth) > 0 && r.Type != recurrenceMonthly {
		p.add("recurrenceDaysOfMonth applies to MONTHLY only")
	}
	readFirst(f, p, r, loc, creating)
}

// readFirst reads the first occurrence and the series' bounds. The first
// occurrence is recurrenceStartTime/EndTime, or else schedule_start_time/
// end_time (the document's example sends both, the clients the same values
// in both).
func readFirst(f fields, p *problems, r *rule, loc *time.Location, creating bool) {
	moved := false
	for _, pair := range [][2]string{{"schedule_start_time", "recurrenceStartTime"}, {"schedule_end_time", "recurrenceEndTime"}} {
		v, ok := f.millis(p, pair[1])
		if !ok {
			v, ok = f.millis(p, pair[0])
		}
		if !ok {
			continue
		}
		moved = true
		if pair[1] == "recurrenceStartTime" {
			r.StartTime = v
		} else {
			r.EndTime = v
		}
	}
	if creating && (r.StartTime == 0 || r.EndTime == 0) {
		p.add("recurrenceStartTime and recurrenceEndTime (the first occurrence) are required")
		return
	}
	if r.EndTime <= r.StartTime {
		p.add("recurrenceEndTime must be after recurrenceStartTime")
	}
	if v, ok := f.millis(p, "recurrenceStartDay"); ok {
		r.StartDay = v
	} else if moved || r.StartDay == 0 {
		// The clients' value: the first occurrence's day at 00:00:00.
		y, m, d := time.UnixMilli(r.StartTime).In(loc).Date()
		r.StartDay = time.Date(y, m, d, 0, 0, 0, 0, loc).UnixMilli()
	}
	if v, ok := f.millis(p, "recurrenceEndDay"); ok {
		r.EndDay = v
	} else if r.EndDay == 0 {
		p.add("recurrenceEndDay (the last day of the series) is required")
		return
	}
	if r.EndDay < r.StartDay {
		p.add("recurrenceEndDay must not be before recurrenceStartDay")
	}
	if limit := time.UnixMilli(r.StartTime).AddDate(maxSeriesYears, 0, 0); time.UnixMilli(r.EndDay).After(limit) {
		p.add("recurrenceEndDay must be within %d years of the first occurrence", maxSeriesYears)
	}
}

// civil is a calendar date, kept at noon UTC so that adding days never meets
// a daylight saving change.
type civil struct{ t time.Time }

func dateOf(ms int64, loc *time.Location) civil {
	y, m, d := time.UnixMilli(ms).In(loc).Date()
	return civil{time.Date(y, m, d, 12, 0, 0, 0, time.UTC)}
}

func (c civil) addDays(n int) civil   { return civil{c.t.AddDate(0, 0, n)} }
func (c civil) daysSince(o civil) int { return int(c.t.Sub(o.t).Hours() / 24) }
func (c civil) before(o civil) bool   { return c.t.Before(o.t) }
func (c civil) monthsSince(o civil) int {
	return (c.t.Year()-o.t.Year())*12 + int(c.t.Month()-o.t.Month())
}

// weekday is the rule's number for c's day: 1 = Sunday ... 7 = Saturday.
func (c civil) weekday() int { return int(c.t.Weekday()) + 1 }

// occurrence is one expansion of a rule: its local date and its times.
type occurrence struct {
	Date       string // YYYY-MM-DD in the server's zone
	Start, End int64
}

// expand lists the occurrences of r in the server's zone loc, first to last.
//
// This is the server's expansion, and it is not the provider's
// (internal/recurrence) written twice: it models a different behavior on
// purpose. The server expands in its own zone (Options.TimeZone), which the
// API does not tell, where the provider expands in the series' configured
// zone and then moves the server's occurrences to its own; the
// recurring-meeting acceptance tests run it in UTC under a Berlin series to
// show those moves, and in Berlin to show none. It also reads the rule as
// the server does: recurrenceStartDay bounds it, an empty day list means
// the first occurrence's day, and a first occurrence off its rule is
// skipped rather than refused. And, as everywhere in the emulator, it shares
// no code with the provider, so that a misreading of the document in one
// cannot hide in the other.
//
// Each occurrence starts at the first occurrence's local time of day, so that
// a 09:30 meeting stays at 09:30 across a daylight saving change, and lasts
// as long as the first (a local time that a change skips is moved forward by
// the gap, as time.Date does). Dates run from the first occurrence's day (or
// recurrenceStartDay's, when later) to recurrenceEndDay's:
//   - DAILY: every Interval-th day from the first occurrence's;
//   - WEEKLY: the DaysOfWeek (default: the first occurrence's weekday) of
//     every Interval-th week, weeks starting on Sunday as the rule's
//     numbering does, counted from the first occurrence's week;
//   - MONTHLY: the DaysOfMonth (default: the first occurrence's day) of every
//     Interval-th month from the first occurrence's. A month without such a
//     day (the 31st in April, the 30th in February) has no occurrence for it:
//     the emulator skips rather than moving the meeting to another day, which
//     the document does not describe.
//
// A first occurrence that does not match its own rule (a WEEKLY series
// starting on a Monday for Tuesdays) is not an occurrence; the series starts
// at the first date that matches. ok is false when the series would pass
// maxOccurrences.
func expand(r rule, loc *time.Location) (out []occurrence, ok bool) {
	first := time.UnixMilli(r.StartTime).In(loc)
	hh, mm, ss := first.Clock()
	ns := first.Nanosecond()
	duration := r.EndTime - r.StartTime
	d0 := dateOf(r.StartTime, loc)
	from := d0
	if sd := dateOf(r.StartDay, loc); from.before(sd) {
		from = sd
	}
	last := dateOf(r.EndDay, loc)

	days := r.DaysOfWeek
	if r.Type == recurrenceWeekly && len(days) == 0 {
		days = []int{d0.weekday()}
	}
	if r.Type == recurrenceMonthly {
		days = r.DaysOfMonth
		if len(days) == 0 {
			days = []int{d0.t.Day()}
		}
	}
	weekStart := d0.addDays(1 - d0.weekday())

	for d := from; !last.before(d); d = d.addDays(1) {
		var match bool
		switch r.Type {
		case recurrenceDaily:
			match = d.daysSince(d0)%r.Interval == 0
		case recurrenceWeekly:
			match = (d.daysSince(weekStart)/7)%r.Interval == 0 && slices.Contains(days, d.weekday())
		case recurrenceMonthly:
			match = d.monthsSince(d0)%r.Interval == 0 && slices.Contains(days, d.t.Day())
		}
		if !match {
			continue
		}
		if len(out) == maxOccurrences {
			return nil, false
		}
		start := time.Date(d.t.Year(), d.t.Month(), d.t.Day(), hh, mm, ss, ns, loc).UnixMilli()
		out = append(out, occurrence{Date: d.t.Format(time.DateOnly), Start: start, End: start + duration})
	}
	return out, true
}
