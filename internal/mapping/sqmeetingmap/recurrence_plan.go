package sqmeetingmap

// What a series' plan and apply do with its occurrences: plan them, and put
// the server's where the rule says.

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
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

// PlanOccurrences plans occurrences for an update from prior. The framework
// has marked them unknown because something changes; they are:
//   - unknown when the rule changes (or cannot be expanded yet);
//   - unknown when the occurrences in prior are not the rule's (one was moved
//     or canceled outside Terraform): the update puts them back;
//   - otherwise the same times with reservation IDs unknown: every update
//     goes through the recurrence update, after which the server makes every
//     occurrence anew (client.UpdateRecurrence), possibly with new IDs.
//
// With nothing else changing, the occurrences in prior that are not the
// rule's are what makes the plan an update.
func (m *RecurringMeeting) PlanOccurrences(ctx context.Context, prior *RecurringMeeting, diags *diag.Diagnostics) {
	r, skip, ok := m.Rule(ctx)
	if !ok || !m.sameRule(prior) {
		m.Occurrences = types.ListUnknown(occurrenceType)
		return
	}
	want, err := r.Expand()
	if err != nil {
		m.Occurrences = types.ListUnknown(occurrenceType)
		return
	}
	skipped := map[Date]bool{}
	for _, d := range skip {
		skipped[d] = true
	}
	rows := prior.occurrenceRows(ctx, diags)
	i := 0
	for _, o := range want {
		if skipped[o.Date] {
			continue
		}
		if i >= len(rows) || !sameInstant(rows[i].StartTime, o.Start) || !sameInstant(rows[i].EndTime, o.End) {
			m.Occurrences = types.ListUnknown(occurrenceType)
			return
		}
		i++
	}
	if i != len(rows) {
		m.Occurrences = types.ListUnknown(occurrenceType)
		return
	}
	if equalValues(m.args(), prior.args()) {
		m.Occurrences = prior.Occurrences
		return
	}
	for i := range rows {
		rows[i].ReservationID = types.StringUnknown()
	}
	m.Occurrences = mapping.ObjectList(ctx, occurrenceType, rows, diags)
}

// sameRule reports whether the rule's arguments are those of prior.
func (m *RecurringMeeting) sameRule(prior *RecurringMeeting) bool {
	return equalValues(m.ruleArgs(), prior.ruleArgs())
}

// ruleArgs are the arguments that make the rule.
func (m *RecurringMeeting) ruleArgs() []attr.Value {
	return []attr.Value{m.RecurrenceType, m.Interval, m.DaysOfWeek, m.DaysOfMonth, m.StartTime, m.EndTime, m.Timezone, m.LastDay, m.SkipDates}
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
// cancel so that they are the rule's, less skip_dates (see reconcile).
func (m *RecurringMeeting) Reconcile(ctx context.Context, rec *sqmeeting.Recurrence) (moves []Move, cancels []string, err error) {
	r, dates, ok := m.Rule(ctx)
	if !ok {
		return nil, nil, errRule
	}
	want, err := r.Expand()
	if err != nil {
		return nil, nil, err
	}
	skip := make(map[Date]bool, len(dates))
	for _, d := range dates {
		skip[d] = true
	}
	held := make([]Held, 0, len(rec.Occurrences))
	for _, o := range rec.Occurrences {
		held = append(held, Held{ReservationID: o.ReservationID, Start: o.ScheduleStartTime.Time, End: o.ScheduleEndTime.Time})
	}
	return reconcile(held, want, skip)
}
