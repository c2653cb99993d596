package sqmeetingmap

// What a series' plan and apply do with its occurrences: plan them, and put
// the server's where the rule says.

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/recurrence"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// occurrenceRows are the occurrences in m, first to last.
func (m *RecurringMeeting) occurrenceRows(ctx context.Context, diags *diag.Diagnostics) []OccurrenceModel {
	var rows []OccurrenceModel
	if !m.Occurrences.IsNull() && !m.Occurrences.IsUnknown() {
		diags.Append(m.Occurrences.ElementsAs(ctx, &rows, false)...)
	}
	return rows
}

// PlanOccurrences plans occurrences for an update from prior, the state as
// the refresh read it: the rule's occurrences, first to last, less
// skip_dates, so that the plan shows exactly which are added and removed,
// and an unchanged rule shows none.
//   - An occurrence prior holds at a planned start keeps its row: its
//     reservation_id, and its times (its end changes with the rule's
//     duration).
//   - Any other is new: its times are known, its reservation_id is the
//     server's to assign, unknown.
//
// The apply keeps to it: without a change to the settings or the rule other
// than skip_dates added, it only cancels and moves single occurrences
// (NeedsSeriesUpdate); through the recurrence update, after which the server
// makes the occurrences anew, it trusts the server to keep the reservation
// ID of an occurrence whose day stays (the emulator does; the document is
// silent), puts each planned ID at its planned time whatever the server's
// zone (Reconcile), and says so in an error where the server did not
// (CheckOccurrences). The list does not depend on the current time: the
// rule's past occurrences are planned as the server keeps them, listed.
//
// The occurrences are known after apply only while a rule argument is.
func (m *RecurringMeeting) PlanOccurrences(ctx context.Context, prior *RecurringMeeting, diags *diag.Diagnostics) {
	r, skip, ok := m.Rule(ctx)
	if !ok {
		m.Occurrences = types.ListUnknown(occurrenceType)
		return
	}
	want, err := r.Expand()
	if err != nil {
		m.Occurrences = types.ListUnknown(occurrenceType)
		return
	}
	skipped := make(map[recurrence.Date]bool, len(skip))
	for _, d := range skip {
		skipped[d] = true
	}
	held := map[int64]OccurrenceModel{}
	for _, row := range prior.occurrenceRows(ctx, diags) {
		if t, ok := row.StartTime.Known(); ok && !row.ReservationID.IsUnknown() {
			if _, dup := held[t.UnixMilli()]; !dup {
				held[t.UnixMilli()] = row
			}
		}
	}
	rows := make([]OccurrenceModel, 0, len(want))
	for _, o := range want {
		if skipped[o.Date] {
			continue
		}
		// The API keeps milliseconds.
		start, end := o.Start.Truncate(time.Millisecond), o.End.Truncate(time.Millisecond)
		row, ok := held[start.UnixMilli()]
		switch {
		case !ok:
			row = OccurrenceModel{ReservationID: types.StringUnknown(), StartTime: mapping.TimeOf(start), EndTime: mapping.TimeOf(end)}
		case !sameInstant(row.EndTime, end):
			row.EndTime = mapping.TimeOf(end)
		}
		rows = append(rows, row)
	}
	m.Occurrences = mapping.ObjectList(ctx, occurrenceType, rows, diags)
}

// NeedsSeriesUpdate reports whether an update from prior goes through the
// recurrence update: for a change of a setting or of the rule other than
// dates added to skip_dates, and to bring back an occurrence (a planned one
// without a reservation ID), which the API cannot add to a series alone.
// Otherwise canceling and moving single occurrences is enough, and every
// reservation ID stays by construction.
func (m *RecurringMeeting) NeedsSeriesUpdate(ctx context.Context, prior *RecurringMeeting, diags *diag.Diagnostics) bool {
	if !equalValues(m.args(), prior.args()) || !equalValues(m.scheduleArgs(), prior.scheduleArgs()) || m.Occurrences.IsUnknown() {
		return true
	}
	for _, row := range m.occurrenceRows(ctx, diags) {
		if row.ReservationID.IsUnknown() {
			return true
		}
	}
	return false
}

// CheckOccurrences reports, as an error, occurrences read after an apply
// that are not the planned ones: a server that gave an occurrence whose day
// stayed a new reservation ID on the recurrence update. The state keeps what
// the server holds, so the next plan starts from there.
func (m *RecurringMeeting) CheckOccurrences(ctx context.Context, planned types.List, diags *diag.Diagnostics) {
	if planned.IsNull() || planned.IsUnknown() {
		return
	}
	var want []OccurrenceModel
	diags.Append(planned.ElementsAs(ctx, &want, false)...)
	got := m.occurrenceRows(ctx, diags)
	differs := func(a, b attr.Value) bool { return !a.IsUnknown() && !a.Equal(b) }
	for i, w := range want {
		if i < len(got) && !differs(w.ReservationID, got[i].ReservationID) && !differs(w.StartTime, got[i].StartTime) && !differs(w.EndTime, got[i].EndTime) {
			continue
		}
		id := "a new reservation ID"
		if !w.ReservationID.IsUnknown() {
			id = "reservation ID " + w.ReservationID.ValueString()
		}
		detail := fmt.Sprintf("The plan showed occurrence %d of %d at %s with %s; ", i+1, len(want), w.StartTime.ValueString(), id)
		if i < len(got) {
			detail += fmt.Sprintf("SQMeeting now holds %s there with reservation ID %s. ", got[i].StartTime.ValueString(), got[i].ReservationID.ValueString())
		} else {
			detail += fmt.Sprintf("SQMeeting holds only %d occurrences. ", len(got))
		}
		diags.AddError("SQMeeting recurring meeting's occurrences differ from the plan", detail+
			"The recurrence update makes every occurrence anew, and this server did not keep the reservation IDs of the days that stayed. "+
			"The series is updated and its occurrences are recorded as SQMeeting holds them; the next plan starts from there.")
		return
	}
	if len(got) != len(want) {
		diags.AddError("SQMeeting recurring meeting's occurrences differ from the plan",
			fmt.Sprintf("The plan showed %d occurrences; SQMeeting holds %d. They are recorded as SQMeeting holds them; the next plan starts from there.", len(want), len(got)))
	}
}

// ruleArgs are the arguments that make the rule: its schedule and skip_dates.
func (m *RecurringMeeting) ruleArgs() []attr.Value {
	return append(m.scheduleArgs(), m.SkipDates)
}

// scheduleArgs are the rule's arguments but skip_dates.
func (m *RecurringMeeting) scheduleArgs() []attr.Value {
	return []attr.Value{m.RecurrenceType, m.Interval, m.DaysOfWeek, m.DaysOfMonth, m.StartTime, m.EndTime, m.Timezone, m.LastDay}
}

func sameInstant(v timetype.RFC3339, t time.Time) bool {
	got, err := v.Time()
	return err == nil && got.Equal(t)
}

// PlanSettings marks what the server assigns anew when the meeting room
// changes (see Settings.planRoom); config is the configuration.
func (m *RecurringMeeting) PlanSettings(prior, config *RecurringMeeting) {
	m.planRoom(&prior.Settings, config.Password)
}

// Reconcile says which of the series' occurrences to move and which to
// cancel so that they are the rule's, less skip_dates, and each planned
// reservation ID is at its planned time (see recurrence.Reconcile).
func (m *RecurringMeeting) Reconcile(ctx context.Context, rec *sqmeeting.Recurrence) (moves []recurrence.Move, cancels []string, err error) {
	r, dates, ok := m.Rule(ctx)
	if !ok {
		return nil, nil, errRule
	}
	want, err := r.Expand()
	if err != nil {
		return nil, nil, err
	}
	skip := make(map[recurrence.Date]bool, len(dates))
	for _, d := range dates {
		skip[d] = true
	}
	planned := map[string]time.Time{}
	for _, row := range m.occurrenceRows(ctx, &diag.Diagnostics{}) {
		if t, ok := row.StartTime.Known(); ok && !row.ReservationID.IsUnknown() {
			planned[row.ReservationID.ValueString()] = t
		}
	}
	held := make([]recurrence.Held, 0, len(rec.Occurrences))
	for _, o := range rec.Occurrences {
		held = append(held, recurrence.Held{ReservationID: o.ReservationID, Start: o.ScheduleStartTime.Time, End: o.ScheduleEndTime.Time, Planned: planned[o.ReservationID]})
	}
	return recurrence.Reconcile(held, want, skip)
}
