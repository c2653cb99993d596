package sqmeeting

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/confkit/terraform-provider-conference/internal/client"
)

const (
	schedulePath   = "/meeting_schedule"
	recurrencePath = "/meeting_schedule/recurrence"
	// pageSize is what the lists are read with; the emulator allows up to 500
	// (the vendor's client asks for 500 meetings at once).
	pageSize = 100
	// maxPages stops a server that keeps announcing more pages.
	maxPages = 10_000
)

// CreateMeeting creates an instant or a reservation meeting (POST
// /api/v1/meeting_schedule) and returns it. An instant meeting starts now and
// takes no times. When the answer is lost, the meeting it may have made is
// adopted (see adopt.go).
func (c *Client) CreateMeeting(ctx context.Context, in MeetingInput) (*Meeting, error) {
	return client.Adopt(ctx, c.http, c.meetingAdoption(in, func(ctx context.Context) (*Meeting, error) {
		return c.create(ctx, schedulePath, in, "reservation_id", func(m *Meeting) string { return m.ReservationID })
	}))
}

// create POSTs in to path and returns the meeting of the answer, which must
// carry its ID (field, read by id).
func (c *Client) create(ctx context.Context, path string, in any, field string, id func(*Meeting) string) (*Meeting, error) {
	var m Meeting
	if err := c.call(ctx, http.MethodPost, path, nil, in, &m, false); err != nil {
		return nil, err
	}
	if id(&m) == "" {
		return nil, fmt.Errorf("SQMeeting answered POST %s without a %s", path, field)
	}
	return &m, nil
}

// GetMeeting reads a meeting or one occurrence of a series.
func (c *Client) GetMeeting(ctx context.Context, reservationID string) (*Meeting, error) {
	path, err := idPath(schedulePath, reservationID)
	if err != nil {
		return nil, err
	}
	var m Meeting
	if err := c.call(ctx, http.MethodGet, path, nil, nil, &m, true); err != nil {
		return nil, err
	}
	return &m, nil
}

// UpdateMeeting changes a reservation meeting, or one occurrence of a series
// alone. An instant meeting cannot be updated.
func (c *Client) UpdateMeeting(ctx context.Context, reservationID string, in MeetingInput) error {
	path, err := idPath(schedulePath, reservationID)
	if err != nil {
		return err
	}
	return c.call(ctx, http.MethodPost, path, nil, in, nil, true)
}

// DeleteMeeting deletes a meeting. On an occurrence it cancels that one
// occurrence (see DeleteOccurrence).
func (c *Client) DeleteMeeting(ctx context.Context, reservationID string) error {
	return c.deleteSchedule(ctx, reservationID, false)
}

// DeleteOccurrence cancels one occurrence of a series; the series' other
// occurrences stay. Cancelling the last one deletes the series.
func (c *Client) DeleteOccurrence(ctx context.Context, reservationID string) error {
	return c.DeleteMeeting(ctx, reservationID)
}

func (c *Client) deleteSchedule(ctx context.Context, reservationID string, group bool) error {
	path, err := idPath(schedulePath, reservationID)
	if err != nil {
		return err
	}
	var q url.Values
	if group {
		q = url.Values{"deleteGroup": {"true"}}
	}
	return c.call(ctx, http.MethodDelete, path, q, nil, nil, true)
}

// ListMeetings returns every meeting the user owns or is invited to, across
// all pages; filter, when set, is the API's search key (names and numbers).
// A series is one item, its first occurrence, holding the others in
// RecurrenceReservationList.
func (c *Client) ListMeetings(ctx context.Context, filter string) ([]Meeting, error) {
	var all []Meeting
	err := c.ListMeetingPages(ctx, filter, func(items []Meeting) bool {
		all = append(all, items...)
		return true
	})
	return all, err
}

// ListMeetingPages hands the meetings ListMeetings returns to page a page at
// a time, until page returns false or the last page.
func (c *Client) ListMeetingPages(ctx context.Context, filter string, page func([]Meeting) bool) error {
	return c.eachPage(ctx, schedulePath, filter, func(raw []byte) (int, int, error) {
		var p meetingPage
		if err := json.Unmarshal(raw, &p); err != nil {
			return 0, 0, err
		}
		items := p.items()
		if !page(items) {
			return 0, 0, nil // no more pages wanted: eachPage stops
		}
		return len(items), p.TotalPageNum, nil
	})
}

// meetingPage is a page of meetings. The document names the list
// scheduled_meetings, the vendor's clients read meeting_schedules: either
// will do.
type meetingPage struct {
	ScheduledMeetings []Meeting `json:"scheduled_meetings"`
	MeetingSchedules  []Meeting `json:"meeting_schedules"`
	TotalPageNum      int       `json:"total_page_num"`
	TotalSize         int       `json:"total_size"`
}

func (p *meetingPage) items() []Meeting {
	if len(p.ScheduledMeetings) > 0 {
		return p.ScheduledMeetings
	}
	return p.MeetingSchedules
}

// eachPage reads path page by page (page_num from 1, page_size, filter) and
// hands each answer to read, which returns how many items it held and the
// total_page_num it announced. It stops at the last page, at a short page
// when the server announces none, or when read returns 0 items (an empty
// page, or a caller that wants no more).
func (c *Client) eachPage(ctx context.Context, path, filter string, read func([]byte) (n, totalPages int, err error)) error {
	for num := 1; num <= maxPages; num++ {
		q := url.Values{"page_num": {strconv.Itoa(num)}, "page_size": {strconv.Itoa(pageSize)}}
		if filter != "" {
			q.Set("filter", filter)
		}
		var raw json.RawMessage
		if err := c.call(ctx, http.MethodGet, path, q, nil, &raw, true); err != nil {
			return err
		}
		n, total, err := read(raw)
		if err != nil {
			return fmt.Errorf("decoding SQMeeting page %d of %s: %w", num, path, err)
		}
		if n == 0 || (total > 0 && num >= total) || (total == 0 && n < pageSize) {
			return nil
		}
	}
	return fmt.Errorf("SQMeeting announced more than %d pages of %s", maxPages, path)
}

// CreateRecurrence creates a series and every occurrence of it (POST
// /api/v1/meeting_schedule/recurrence) and returns the first occurrence,
// whose RecurrenceGID names the series.
func (c *Client) CreateRecurrence(ctx context.Context, in RecurrenceInput) (*Meeting, error) {
	in.MeetingType = MeetingTypeRecurrence
	return client.Adopt(ctx, c.http, c.recurrenceAdoption(in, func(ctx context.Context) (*Meeting, error) {
		return c.create(ctx, recurrencePath, in, "recurrence_gid", func(m *Meeting) string { return m.RecurrenceGID })
	}))
}

// GetRecurrence reads a series and all its occurrences, across all pages.
func (c *Client) GetRecurrence(ctx context.Context, recurrenceGID string) (*Recurrence, error) {
	path, err := idPath(recurrencePath, recurrenceGID)
	if err != nil {
		return nil, err
	}
	var r *Recurrence
	err = c.eachPage(ctx, path, "", func(raw []byte) (int, int, error) {
		var p struct {
			Recurrence
			meetingPage
			// RecurrenceTypeAlt is the name the vendor's Android client reads.
			RecurrenceTypeAlt string `json:"recurrenceType"`
		}
		if err := json.Unmarshal(raw, &p); err != nil {
			return 0, 0, err
		}
		if r == nil {
			r = &p.Recurrence
			if r.RecurrenceType == "" {
				r.RecurrenceType = p.RecurrenceTypeAlt
			}
		}
		items := p.items()
		r.Occurrences = append(r.Occurrences, items...)
		return len(items), p.TotalPageNum, nil
	})
	if err != nil {
		return nil, err
	}
	if r.RecurrenceGID == "" {
		r.RecurrenceGID = recurrenceGID
	}
	// A server that gives the rule on the occurrences only. Their
	// recurrence_type may be NONE (the document's create example).
	if r.RecurrenceStartTime.IsZero() && len(r.Occurrences) > 0 {
		typ := r.RecurrenceType
		r.Rule = r.Occurrences[0].Rule
		if typ != "" || r.RecurrenceType == RecurrenceNone {
			r.RecurrenceType = typ
		}
	}
	return r, nil
}

// UpdateRecurrence changes a series (POST .../recurrence/{recurrence_gid}).
// The server regenerates every occurrence from the resulting rule: changes
// made to single occurrences are lost, and cancelled occurrences that the
// rule still gives come back, with new reservation IDs.
func (c *Client) UpdateRecurrence(ctx context.Context, recurrenceGID string, in RecurrenceInput) error {
	path, err := idPath(recurrencePath, recurrenceGID)
	if err != nil {
		return err
	}
	return c.call(ctx, http.MethodPost, path, nil, in, nil, true)
}

// DeleteRecurrence deletes a series with all its occurrences. The API deletes
// a series through one of its occurrences (DELETE
// /api/v1/meeting_schedule/{reservation_id}?deleteGroup=true), so this reads
// the series' first occurrence first.
func (c *Client) DeleteRecurrence(ctx context.Context, recurrenceGID string) error {
	path, err := idPath(recurrencePath, recurrenceGID)
	if err != nil {
		return err
	}
	var p meetingPage
	q := url.Values{"page_num": {"1"}, "page_size": {"1"}}
	if err := c.call(ctx, http.MethodGet, path, q, nil, &p, true); err != nil {
		return err
	}
	items := p.items()
	if len(items) == 0 {
		return fmt.Errorf("SQMeeting recurrence %s has no occurrence to delete it through", recurrenceGID)
	}
	return c.deleteSchedule(ctx, items[0].ReservationID, true)
}
