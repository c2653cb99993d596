package sqmeeting

import (
	"cmp"
	"slices"
	"time"
)

// seriesFields are the fields of a series' body.
var seriesFields = slices.Concat([]string{"meeting_type", "recurrence_type"}, ruleFields, settingFields, readOnlyFields, timeFields)

// createRecurrence is POST /api/v1/meeting_schedule/recurrence (the
// document's GET cannot create anything: the vendor's clients POST).
func (a *API) createRecurrence(req *request) reply {
	f, err := parseBody(req.Body)
	if err != nil {
		return invalid("%v", err)
	}
	return a.createSeries(req, f)
}

// createSeries creates a series and all its occurrences, each with a
// reservation_id of its own, and answers the first occurrence, whose
// recurrence_gid names the series.
func (a *API) createSeries(req *request, f fields) reply {
	var p problems
	s := &series{GID: newUUID(), OwnerID: req.Principal, Settings: defaultSettings()}
	occ := a.readSeries(f, &p, s, true)
	if len(p) > 0 {
		return p.reply()
	}
	s.Settings.URL = urlCode()
	a.series[s.GID] = s
	a.materialize(s, occ, nil)
	return ok200(a.view(a.meetings[s.Occurrences[0]], baseURL(req.Request)))
}

// readSeries reads a series' body onto s (a new series, or a copy of the one
// being updated) and expands the rule that results; p collects what is
// wrong, and nothing is expanded while anything is.
func (a *API) readSeries(f fields, p *problems, s *series, creating bool) []occurrence {
	f.known(p, seriesFields)
	if t, ok := f.str(p, "meeting_type"); ok && t != typeRecurrence {
		p.add(`meeting_type must be "recurrence" for a recurrence, not %q`, t)
	}
	a.apply(f, p, &s.Settings, s.OwnerID, creating)
	readRule(f, p, &s.Rule, a.opts.TimeZone, creating)
	if len(*p) > 0 {
		return nil
	}
	occ := a.occurrences(s.Rule, p)
	if len(*p) == 0 {
		a.number(&s.Settings)
	}
	return occ
}

// occurrences expands r and reports a rule that gives none or too many.
func (a *API) occurrences(r rule, p *problems) []occurrence {
	occ, ok := expand(r, a.opts.TimeZone)
	switch {
	case !ok:
		p.add("the recurrence has more than %d occurrences; end it sooner", maxOccurrences)
	case len(occ) == 0:
		p.add("the recurrence has no occurrence between recurrenceStartDay and recurrenceEndDay")
	}
	return occ
}

// materialize replaces s's occurrences with occ. An occurrence on the same
// local date as one of before keeps that one's reservation_id; every
// occurrence takes the series' settings, so that a change to the series
// replaces changes made to single occurrences, and cancelled occurrences
// that the rule still gives come back.
func (a *API) materialize(s *series, occ []occurrence, before map[string]string) {
	for _, id := range s.Occurrences {
		delete(a.meetings, id)
	}
	s.Occurrences = s.Occurrences[:0]
	for _, o := range occ {
		id := before[o.Date]
		if id == "" {
			id = newUUID()
		}
		m := &meeting{ReservationID: id, Type: typeRecurrence, GroupID: s.GID, OwnerID: s.OwnerID, Start: o.Start, End: o.End, settings: s.Settings}
		m.Invited = slices.Clone(s.Settings.Invited)
		a.meetings[id] = m
		s.Occurrences = append(s.Occurrences, id)
	}
}

// findSeries resolves {id} of .../recurrence/{id}: a recurrence_gid (the
// document and NOTES.md), or the reservation_id of one of its occurrences,
// which the vendor's Qt client sends when it updates a series
// (FrtcHomeScheduleWindow.qml: updateRecurrenceMeeting(..., reservation_id)).
func (a *API) findSeries(req *request) (*series, reply, bool) {
	id := req.PathValue("id")
	s := a.series[id]
	if s == nil {
		if m := a.meetings[id]; m != nil {
			s = a.series[m.GroupID]
		}
	}
	if s == nil || !s.visibleTo(a.meetings, req.Principal) {
		return nil, notFound("recurrence", id), false
	}
	return s, reply{}, true
}

// getRecurrence is GET /api/v1/meeting_schedule/recurrence/{id}: the series
// and a page of its occurrences (page_num, page_size, filter as the lists).
func (a *API) getRecurrence(req *request) reply {
	s, rep, ok := a.findSeries(req)
	if !ok {
		return rep
	}
	pq, rep, ok := parsePage(req.URL.Query())
	if !ok {
		return rep
	}
	base := baseURL(req.Request)
	var all []MeetingView
	for _, id := range s.Occurrences {
		if m := a.meetings[id]; pq.matches(m.Name, m.Number) {
			all = append(all, a.view(m, base))
		}
	}
	pg, pages := page(all, pq)
	owner := a.users[s.OwnerID]
	return ok200(SeriesView{
		RecurrenceGID: s.GID, MeetingType: typeRecurrence, MeetingName: s.Settings.Name,
		MeetingDescription: s.Settings.Description, MeetingNumber: s.Settings.Number,
		MeetingPassword: s.Settings.Password, CallRateType: s.Settings.CallRate,
		OwnerID: owner.ID, OwnerName: owner.RealName,
		RecurrenceType: s.Rule.Type, RecurrenceTypeAlt: s.Rule.Type, Rule: s.Rule.answer(),
		GroupMeetingURL:   base + "/j/" + s.Settings.URL,
		ScheduledMeetings: pg, MeetingSchedules: pg, TotalPageNum: pages, TotalSize: len(all),
	})
}

// updateRecurrence is POST /api/v1/meeting_schedule/recurrence/{id}. The
// update is partial, like a meeting's; the rule that results is expanded
// again and replaces every occurrence (see materialize). The answer is
// empty ("http 200 204").
func (a *API) updateRecurrence(req *request) reply {
	s, rep, ok := a.findSeries(req)
	if !ok {
		return rep
	}
	if s.OwnerID != req.Principal {
		return forbidden("only the meeting's owner can change it")
	}
	f, err := parseBody(req.Body)
	if err != nil {
		return invalid("%v", err)
	}
	var p problems
	next := *s
	next.Settings.Invited = slices.Clone(s.Settings.Invited)
	next.Rule.DaysOfWeek = slices.Clone(s.Rule.DaysOfWeek)
	next.Rule.DaysOfMonth = slices.Clone(s.Rule.DaysOfMonth)
	occ := a.readSeries(f, &p, &next, false)
	if len(p) > 0 {
		return p.reply()
	}
	before := map[string]string{}
	for _, id := range s.Occurrences {
		before[time.UnixMilli(a.meetings[id].Start).In(a.opts.TimeZone).Format(time.DateOnly)] = id
	}
	next.Occurrences = slices.Clone(s.Occurrences)
	*s = next
	a.materialize(s, occ, before)
	return empty204()
}

// dropSeries deletes s and its occurrences.
func (a *API) dropSeries(s *series) {
	for _, id := range s.Occurrences {
		delete(a.meetings, id)
	}
	delete(a.series, s.GID)
}

// visibleTo reports whether userID may read s: its owner, and whoever may
// read one of its occurrences.
func (s *series) visibleTo(meetings map[string]*meeting, userID string) bool {
	return s.OwnerID == userID || s.firstVisible(meetings, userID) != nil
}

// firstVisible is s's first occurrence that userID may read.
func (s *series) firstVisible(meetings map[string]*meeting, userID string) *meeting {
	for _, id := range s.Occurrences {
		if m := meetings[id]; m.visibleTo(userID) {
			return m
		}
	}
	return nil
}

// sortOccurrences keeps s's occurrences first to last after one has moved.
func (s *series) sortOccurrences(meetings map[string]*meeting) {
	slices.SortStableFunc(s.Occurrences, func(x, y string) int {
		return cmp.Compare(meetings[x].Start, meetings[y].Start)
	})
}
