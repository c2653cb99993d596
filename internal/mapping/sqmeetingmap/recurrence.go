package sqmeetingmap

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/recurrence"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
	"github.com/confkit/terraform-provider-conference/internal/validators"
)

// RecurringMeeting is a series: the settings its occurrences share, its rule
// as the configuration states it, and its occurrences.
type RecurringMeeting struct {
	ID types.String `tfsdk:"id"`
	Settings
	RecurrenceType types.String     `tfsdk:"recurrence_type"`
	Interval       types.Int64      `tfsdk:"interval"`
	DaysOfWeek     types.Set        `tfsdk:"days_of_week"`
	DaysOfMonth    types.Set        `tfsdk:"days_of_month"`
	StartTime      timetype.RFC3339 `tfsdk:"start_time"`
	EndTime        timetype.RFC3339 `tfsdk:"end_time"`
	Timezone       types.String     `tfsdk:"timezone"`
	LastDay        types.String     `tfsdk:"last_day"`
	SkipDates      types.Set        `tfsdk:"skip_dates"`
	Occurrences    types.List       `tfsdk:"occurrences"`
}

// OccurrenceModel is one item of occurrences.
type OccurrenceModel struct {
	ReservationID types.String     `tfsdk:"reservation_id"`
	StartTime     timetype.RFC3339 `tfsdk:"start_time"`
	EndTime       timetype.RFC3339 `tfsdk:"end_time"`
}

var occurrenceType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"reservation_id": types.StringType,
	"start_time":     timetype.RFC3339Type{},
	"end_time":       timetype.RFC3339Type{},
}}

// errRule: an apply meets a rule that the plan's checks should have refused.
var errRule = errors.New("the series' rule is not known or not valid; this is a bug in the provider, please report it")

// ruleTypes are the values of recurrence_type.
var ruleTypes = mapping.Enum[string](recurrence.Types)

// DefaultTimezone is the series' zone when the configuration names none.
const DefaultTimezone = "UTC"

// RuleDoc is the rule's semantics, for the resource's and the data source's
// descriptions.
const RuleDoc = "Days and times are meant in `timezone`: every occurrence starts at the first occurrence's local time of day, " +
	"so a 09:00 Europe/Berlin series stays at 09:00 in Berlin across daylight saving changes (a time that a change skips moves forward by the gap). " +
	"Days of the week count 1 = Sunday ... 7 = Saturday, as SQMeeting's clients do; weeks start on Sunday. " +
	"A month without a day of `days_of_month` (the 31st in April) has no occurrence for it. " +
	"SQMeeting expands a rule in its own time zone, which may not be `timezone`: the provider expands the rule itself, " +
	"and after every create and update it moves the occurrences the server put elsewhere and cancels the ones it should not have made."

// RecurringMeetingAttrs are a series' attributes.
func RecurringMeetingAttrs() mapping.Attrs {
	attrs := SettingsAttrs("series")
	instant := func(doc, config string) mapping.Attr {
		return mapping.Attr{Doc: doc, Config: config, Resource: schema.StringAttribute{
			CustomType: timetype.RFC3339Type{}, Required: true,
			PlanModifiers: []planmodifier.String{planmodifiers.KeepEquivalent(timetype.RFC3339Type{})},
		}}
	}
	days := func(doc, config string, element validator.Int64) mapping.Attr {
		return mapping.Attr{Doc: doc, Config: config, Resource: schema.SetAttribute{
			ElementType: types.Int64Type, Optional: true,
			Validators: []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueInt64sAre(element)},
		}}
	}
	attrs["id"] = mapping.Assigned("The series' recurrence group ID (`recurrence_gid`), which imports it.")
	attrs["recurrence_type"] = mapping.Attr{
		Doc: "How the series repeats: `DAILY`, `WEEKLY` (on `days_of_week`) or `MONTHLY` (on `days_of_month`).",
		Resource: schema.StringAttribute{
			Required: true, Validators: []validator.String{ruleTypes.Validator()},
		},
	}
	attrs["interval"] = mapping.Attr{
		Doc:    "Every how many days, weeks or months the series meets.",
		Config: "At least 1, and at most 99 days or 12 weeks or months (the vendor's clients offer no more). Defaults to 1.",
		Resource: schema.Int64Attribute{
			Optional: true, Computed: true, Default: int64default.StaticInt64(1),
			Validators: []validator.Int64{int64validator.Between(1, 99)},
		},
	}
	attrs["days_of_week"] = days("The days of the week a WEEKLY series meets on, 1 = Sunday, 2 = Monday ... 7 = Saturday (SQMeeting's numbering); null for other types.",
		"Required with, and only with, `recurrence_type = \"WEEKLY\"`; must include `start_time`'s day.", validators.Weekday())
	attrs["days_of_month"] = days("The days of the month a MONTHLY series meets on, 1 to 31; null for other types. A month without the day has no occurrence for it.",
		"Required with, and only with, `recurrence_type = \"MONTHLY\"`; must include `start_time`'s day.", int64validator.Between(1, 31))
	attrs["start_time"] = instant("When the first occurrence starts, in RFC 3339 such as `2030-03-04T09:00:00+01:00`. Later occurrences start at its local time of day in `timezone`.",
		"It must fall on a day of the series. Any offset is accepted; the same instant written another way is not a change.")
	attrs["end_time"] = instant("When the first occurrence ends, in RFC 3339. Every occurrence lasts as long as the first.",
		"Must be after `start_time`. Any offset is accepted; the same instant written another way is not a change.")
	attrs["timezone"] = mapping.Attr{
		Doc: "The IANA time zone in which the series' days and times of day are meant, such as `Europe/Berlin`. " +
			"SQMeeting does not store it: the provider uses it to expand the rule.",
		Config: "Defaults to `UTC`.",
		Resource: schema.StringAttribute{
			Optional: true, Computed: true, Default: stringdefault.StaticString(DefaultTimezone),
			Validators: []validator.String{validators.IANATimezone()},
		},
	}
	attrs["last_day"] = mapping.Attr{
		Doc:    "The series' last day, `YYYY-MM-DD` in `timezone`: the last occurrence is on it or before.",
		Config: "Must not be before the first occurrence's day.",
		Resource: schema.StringAttribute{
			Required: true, Validators: []validator.String{validators.Date()},
		},
	}
	attrs["skip_dates"] = mapping.Attr{
		Doc: "Days of the series (`YYYY-MM-DD` in `timezone`) whose occurrence is canceled, like an iCalendar EXDATE; null when none is. " +
			"An occurrence canceled outside Terraform shows here, so the next plan restores it.",
		Config: "Each must be a day the series meets on, between the first occurrence and `last_day`; not every day can be skipped. " +
			"An empty set means none, as leaving it out does.",
		Resource: schema.SetAttribute{
			ElementType: types.StringType, Optional: true,
			Validators: []validator.Set{setvalidator.ValueStringsAre(validators.Date())},
		},
	}
	// A list of objects rather than a list nested attribute: Terraform 1.5
	// to 1.7 crash generating the configuration of an imported resource
	// (plan -generate-config-out) that has a computed-only nested attribute
	// (hashicorp/terraform#34463), and the two are one type in the state.
	attrs["occurrences"] = mapping.Attr{
		Doc: "The series' occurrences, first to last, less the skipped ones, each with its `reservation_id` (which a " +
			"`conference_sqmeeting_meeting` data source reads), `start_time` and `end_time` (RFC 3339, UTC).",
		Config: "The plan lists them from the rule, so it shows exactly which occurrences a change adds and removes; " +
			"a new occurrence's `reservation_id` is known after apply.",
		Resource: schema.ListAttribute{Computed: true, ElementType: occurrenceType},
	}
	return attrs
}

// Zone is the series' time zone; an unknown or invalid one is UTC (the
// validator has reported it).
func (m *RecurringMeeting) Zone() *time.Location {
	loc, err := recurrence.LoadZone(m.Timezone.ValueString())
	if m.Timezone.IsNull() || m.Timezone.IsUnknown() || err != nil {
		return time.UTC
	}
	return loc
}

// Rule is the configured rule and skip_dates; ok is false while a value is
// unknown or unreadable (its validator reports it).
func (m *RecurringMeeting) Rule(ctx context.Context) (r recurrence.Rule, skip []recurrence.Date, ok bool) {
	for _, v := range m.ruleArgs() {
		if v.IsUnknown() {
			return recurrence.Rule{}, nil, false
		}
	}
	start, err1 := m.StartTime.Time()
	end, err2 := m.EndTime.Time()
	last, err3 := recurrence.ParseDate(m.LastDay.ValueString())
	if err1 != nil || err2 != nil || err3 != nil || m.RecurrenceType.IsNull() {
		return recurrence.Rule{}, nil, false
	}
	r = recurrence.Rule{
		Type: m.RecurrenceType.ValueString(), Interval: int(m.Interval.ValueInt64()),
		Start: start, End: end, Zone: m.Zone(), LastDay: last,
	}
	if m.Interval.IsNull() {
		r.Interval = 1
	}
	var diags diag.Diagnostics
	r.DaysOfWeek, r.DaysOfMonth = ints(ctx, m.DaysOfWeek, &diags), ints(ctx, m.DaysOfMonth, &diags)
	for _, s := range mapping.Strings(ctx, m.SkipDates, &diags) {
		d, err := recurrence.ParseDate(s)
		if err != nil {
			return recurrence.Rule{}, nil, false
		}
		skip = append(skip, d)
	}
	return r, skip, !diags.HasError()
}

// ints is a set of integers, sorted; nil for null.
func ints(ctx context.Context, v types.Set, diags *diag.Diagnostics) []int {
	if v.IsNull() {
		return nil
	}
	var vals []int64
	diags.Append(v.ElementsAs(ctx, &vals, false)...)
	out := make([]int, 0, len(vals))
	for _, n := range vals {
		out = append(out, int(n))
	}
	slices.Sort(out)
	return out
}

// Validate checks the rule's constraints that span attributes, once every
// value is known.
func (m *RecurringMeeting) Validate(ctx context.Context, diags *diag.Diagnostics) {
	r, skip, ok := m.Rule(ctx)
	if !ok {
		return
	}
	for _, p := range r.Problems(skip) {
		diags.AddAttributeError(path.Root(p.Attr), "Invalid "+p.Attr, p.Detail)
	}
}

// CreateBody is the create body.
func (m *RecurringMeeting) CreateBody(ctx context.Context, diags *diag.Diagnostics) sqmeeting.RecurrenceInput {
	return m.body(ctx, nil, diags)
}

// UpdateBody is the update body against prior.
func (m *RecurringMeeting) UpdateBody(ctx context.Context, prior *RecurringMeeting, diags *diag.Diagnostics) sqmeeting.RecurrenceInput {
	return m.body(ctx, prior, diags)
}

// body is a create or update body (prior nil for a create): the settings
// and the rule, and the first occurrence as schedule times too, as the
// document's example and the vendor's clients send it.
func (m *RecurringMeeting) body(ctx context.Context, prior *RecurringMeeting, diags *diag.Diagnostics) sqmeeting.RecurrenceInput {
	var in sqmeeting.RecurrenceInput
	var priorSettings *Settings
	if prior != nil {
		priorSettings = &prior.Settings
	}
	m.input(ctx, priorSettings, &in.MeetingInput, diags)
	in.MeetingType = sqmeeting.MeetingTypeRecurrence
	r, _, ok := m.Rule(ctx)
	if !ok {
		diags.AddError("Invalid recurrence", errRule.Error())
		return in
	}
	in.Rule = r.Input()
	in.ScheduleStartTime, in.ScheduleEndTime = in.RecurrenceStartTime, in.RecurrenceEndTime
	return in
}

// FromAPI refreshes every attribute from the series: the rule read in the
// configured time zone (UTC after an import that names none), the settings
// from its first occurrence (an occurrence carries the series' settings),
// skip_dates as the rule's days that have no occurrence, and the
// occurrences first to last.
func (m *RecurringMeeting) FromAPI(ctx context.Context, rec *sqmeeting.Recurrence, diags *diag.Diagnostics) {
	zone := m.Zone()
	m.Timezone = types.StringValue(zone.String())
	m.ID = types.StringValue(rec.RecurrenceGID)
	occ := slices.Clone(rec.Occurrences)
	slices.SortStableFunc(occ, func(a, b sqmeeting.Meeting) int { return a.ScheduleStartTime.Compare(b.ScheduleStartTime.Time) })
	if len(occ) > 0 {
		m.fromAPI(ctx, &occ[0], diags)
	}
	if rec.GroupMeetingURL != "" {
		m.MeetingURL = types.StringValue(rec.GroupMeetingURL)
	}

	r := recurrence.RuleFromAPI(rec.Rule, zone)
	m.RecurrenceType = types.StringValue(r.Type)
	m.Interval = types.Int64Value(int64(r.Interval))
	m.DaysOfWeek = int64Set(ctx, r.DaysOfWeek, diags)
	m.DaysOfMonth = int64Set(ctx, r.DaysOfMonth, diags)
	m.StartTime = mapping.TimeOf(r.Start)
	m.EndTime = mapping.TimeOf(r.End)
	m.LastDay = types.StringValue(r.LastDay.String())

	rows := make([]OccurrenceModel, 0, len(occ))
	held := map[recurrence.Date]bool{}
	for _, o := range occ {
		rows = append(rows, OccurrenceModel{
			ReservationID: types.StringValue(o.ReservationID),
			StartTime:     mapping.TimeOf(o.ScheduleStartTime.Time),
			EndTime:       mapping.TimeOf(o.ScheduleEndTime.Time),
		})
		held[recurrence.DateOf(o.ScheduleStartTime.Time, zone)] = true
	}
	m.Occurrences = mapping.ObjectList(ctx, occurrenceType, rows, diags)

	var skipped []string
	if all, err := r.Expand(); err == nil {
		for _, o := range all {
			if !held[o.Date] {
				skipped = append(skipped, o.Date.String())
			}
		}
	} else {
		diags.AddError("SQMeeting returned a series the provider cannot expand", err.Error())
	}
	m.SkipDates = mapping.KeepEmpty(m.SkipDates, mapping.StringSet(ctx, skipped, diags))
}

func int64Set(ctx context.Context, days []int, diags *diag.Diagnostics) types.Set {
	if days == nil {
		return types.SetNull(types.Int64Type)
	}
	vals := make([]int64, 0, len(days))
	for _, d := range days {
		vals = append(vals, int64(d))
	}
	return mapping.Int64Set(ctx, vals, diags)
}
