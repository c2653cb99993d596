package sqmeeting

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Meeting types: "meeting_type": "instant/reservation", and "recurrence" for
// a series' occurrences.
const (
	typeInstant     = "instant"
	typeReservation = "reservation"
	typeRecurrence  = "recurrence"
)

// meetingFields are the fields of a meeting's body outside a series. The
// document's reservation example sends "recurrence_type": "NONE".
var meetingFields = slices.Concat([]string{"meeting_type", "recurrence_type"}, settingFields, readOnlyFields, timeFields)

// instantLength is how long an instant meeting is scheduled for. The
// document gives an instant meeting no times; the emulator starts it at once
// and gives it the two hours of the document's reservation example
// (1641525383726 to 1641532583788).
const instantLength = 2 * time.Hour

// createSchedule is POST /api/v1/meeting_schedule. meeting_type "recurrence"
// creates a series, as POST .../recurrence does (NOTES.md).
func (a *API) createSchedule(req *request) reply {
	f, err := parseBody(req.Body)
	if err != nil {
		return invalid("%v", err)
	}
	var p problems
	typ, ok := f.enum(&p, "meeting_type", typeInstant, typeReservation, typeRecurrence)
	if !ok {
		if !f.has("meeting_type") {
			return invalid("meeting_type is required: instant, reservation or recurrence")
		}
		return p.reply()
	}
	if typ == typeRecurrence {
		return a.createSeries(req, f)
	}
	f.known(&p, meetingFields)
	if rt, ok := f.str(&p, "recurrence_type"); ok && rt != recurrenceNone {
		p.add(`recurrence_type must be NONE for a meeting of type %s; create a series with meeting_type "recurrence"`, typ)
	}
	m := &meeting{Type: typ, OwnerID: req.Principal, settings: defaultSettings()}
	a.apply(f, &p, &m.settings, m.OwnerID, true)
	if typ == typeInstant {
		// An instant meeting starts now; times in the body are ignored.
		now := a.clock.Now()
		m.Start, m.End = now.UnixMilli(), now.Add(instantLength).UnixMilli()
	} else {
		readTimes(f, &p, &m.Start, &m.End, true)
	}
	if len(p) > 0 {
		return p.reply()
	}
	a.number(&m.settings)
	m.URL = urlCode()
	m.ReservationID = newUUID()
	a.meetings[m.ReservationID] = m
	return ok200(a.view(m, baseURL(req.Request)))
}

// readTimes reads schedule_start_time and schedule_end_time onto start and
// end (required when creating) and checks that the meeting ends after it
// starts. The document sets no other bound: a meeting may be scheduled in the
// past.
func readTimes(f fields, p *problems, start, end *int64, creating bool) {
	if v, ok := f.millis(p, "schedule_start_time"); ok {
		*start = v
	} else if creating && !f.has("schedule_start_time") {
		p.add("schedule_start_time is required for a reservation meeting")
	}
	if v, ok := f.millis(p, "schedule_end_time"); ok {
		*end = v
	} else if creating && !f.has("schedule_end_time") {
		p.add("schedule_end_time is required for a reservation meeting")
	}
	if *start != 0 && *end != 0 && *end <= *start {
		p.add("schedule_end_time must be after schedule_start_time")
	}
}

// number hands a meeting outside a room a number of its own.
func (a *API) number(s *settings) {
	if s.Number == "" {
		s.Number = a.newMeetingNumber()
	}
}

// lookup finds a meeting the caller may read.
func (a *API) lookup(req *request) (*meeting, reply, bool) {
	id := req.PathValue("reservation_id")
	m := a.meetings[id]
	if m == nil || !m.visibleTo(req.Principal) {
		return nil, notFound("meeting", id), false
	}
	return m, reply{}, true
}

// owned finds a meeting the caller may change: only its owner may.
func (a *API) owned(req *request) (*meeting, reply, bool) {
	m, rep, ok := a.lookup(req)
	if ok && m.OwnerID != req.Principal {
		return nil, forbidden("only the meeting's owner can change it"), false
	}
	return m, rep, ok
}

// getSchedule is GET /api/v1/meeting_schedule/{reservation_id}.
func (a *API) getSchedule(req *request) reply {
	m, rep, ok := a.lookup(req)
	if !ok {
		return rep
	}
	return ok200(a.view(m, baseURL(req.Request)))
}

// updateSchedule is POST /api/v1/meeting_schedule/{reservation_id}: "for
// instant meeting can not be updated / only for reservation meeting". On an
// occurrence it changes that occurrence alone (the macOS client moves one
// occurrence this way); a series' rule changes through POST
// .../recurrence/{id}. The update is partial; the answer is empty.
func (a *API) updateSchedule(req *request) reply {
	m, rep, ok := a.owned(req)
	if !ok {
		return rep
	}
	if m.Type == typeInstant {
		return failure(http.StatusBadRequest, CodeNotUpdatable, "an instant meeting cannot be updated")
	}
	f, err := parseBody(req.Body)
	if err != nil {
		return invalid("%v", err)
	}
	var p problems
	f.known(&p, meetingFields)
	if t, ok := f.str(&p, "meeting_type"); ok && t != m.Type {
		p.add("meeting_type cannot change from %s to %s", m.Type, t)
	}
	if rt, ok := f.str(&p, "recurrence_type"); ok && rt != recurrenceNone && (m.GroupID == "" || rt != a.series[m.GroupID].Rule.Type) {
		p.add("a series' recurrence changes through POST /api/v1/meeting_schedule/recurrence/{recurrence_gid}")
	}
	next := *m
	next.Invited = slices.Clone(m.Invited)
	a.apply(f, &p, &next.settings, m.OwnerID, false)
	readTimes(f, &p, &next.Start, &next.End, false)
	if len(p) > 0 {
		return p.reply()
	}
	a.number(&next.settings)
	*m = next
	if m.GroupID != "" {
		a.series[m.GroupID].sortOccurrences(a.meetings)
	}
	return empty204()
}

// deleteSchedule is DELETE /api/v1/meeting_schedule/{reservation_id}. On an
// occurrence it cancels that occurrence; with ?deleteGroup=true it deletes
// the whole series (NOTES.md; the Qt client sends the flag in the query and
// again in a JSON body, which is ignored). A series whose last occurrence is
// cancelled is gone.
func (a *API) deleteSchedule(req *request) reply {
	m, rep, ok := a.owned(req)
	if !ok {
		return rep
	}
	s := a.series[m.GroupID]
	switch {
	case s == nil:
		delete(a.meetings, m.ReservationID)
	case strings.EqualFold(req.URL.Query().Get("deleteGroup"), "true"):
		a.dropSeries(s)
	default:
		delete(a.meetings, m.ReservationID)
		s.Occurrences = slices.DeleteFunc(s.Occurrences, func(id string) bool { return id == m.ReservationID })
		if len(s.Occurrences) == 0 {
			delete(a.series, s.GID)
		}
	}
	return empty204()
}

// listSchedules is GET /api/v1/meeting_schedule: the meetings the caller owns
// or is invited to, by start time. A series is one item, its first
// occurrence, carrying the others in recurrenceReservationList, as the
// vendor's clients expect. The document does not say whether past meetings
// are listed; the emulator lists every meeting until it is deleted.
func (a *API) listSchedules(req *request) reply {
	pq, rep, ok := parsePage(req.URL.Query())
	if !ok {
		return rep
	}
	base := baseURL(req.Request)
	var items []MeetingView
	for _, m := range a.meetings {
		if !m.visibleTo(req.Principal) || !pq.matches(m.Name, m.Number) {
			continue
		}
		s := a.series[m.GroupID]
		if s != nil && s.firstVisible(a.meetings, req.Principal) != m {
			continue
		}
		v := a.view(m, base)
		if s != nil {
			for _, id := range s.Occurrences {
				if o := a.meetings[id]; o != m && o.visibleTo(req.Principal) {
					v.RecurrenceReservationList = append(v.RecurrenceReservationList, a.view(o, base))
				}
			}
		}
		items = append(items, v)
	}
	slices.SortFunc(items, func(x, y MeetingView) int {
		return cmp.Or(cmp.Compare(x.ScheduleStartTime, y.ScheduleStartTime), strings.Compare(x.ReservationID, y.ReservationID))
	})
	pg, pages := page(items, pq)
	return ok200(MeetingList{ScheduledMeetings: pg, MeetingSchedules: pg, TotalPageNum: pages, TotalSize: len(items)})
}
