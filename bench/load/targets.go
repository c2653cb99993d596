package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

// target is one platform's objects, as the load sees them.
type target interface {
	name() string
	create(worker, seq int) (string, error)
	read(id string) error
	list(worker int) error
	delete(id string) error
	// all lists every object, every page.
	all() ([]string, error)
	// fixture reports whether id was there before the load (PortSIP's
	// built-in server).
	fixture(id string) bool
	counts() string
}

func newTargets(c *client) ([]target, error) {
	ps, err := newPortSIP(c)
	if err != nil {
		return nil, err
	}
	sq, err := newSQMeeting(c)
	if err != nil {
		return nil, err
	}
	return []target{ps, &linePlanet{c: c, rooms: map[string]bool{}}, sq, &wherebyTarget{c: c}}, nil
}

// client sends the load's requests.
type client struct {
	base string
	http *http.Client
}

// do sends body (JSON, or none when empty) with sign's credentials, fails
// unless the answer is want, and decodes it into out when out is not nil.
func (c *client) do(method, path string, sign func(*http.Request), body string, want int, out any) error {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	if err != nil {
		return err
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if sign != nil {
		sign(req)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != want {
		return fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, bytes.TrimSpace(data))
	}
	if out != nil {
		return json.Unmarshal(data, out)
	}
	return nil
}

// tally counts a target's requests by kind.
type tally struct{ create, read, list, delete atomic.Int64 }

func (t *tally) counts() string {
	return fmt.Sprintf("create %d, read %d, list %d, delete %d", t.create.Load(), t.read.Load(), t.list.Load(), t.delete.Load())
}

func count(n *atomic.Int64, err error) error {
	n.Add(1)
	return err
}

// portSIP is conference servers.
type portSIP struct {
	tally
	c       *client
	sign    func(*http.Request)
	builtin string
}

func newPortSIP(c *client) (*portSIP, error) {
	var tok portsip.TokenResponse
	body := fmt.Sprintf(`{"username":%q,"password":%q}`, portsip.DefaultUsername, portsip.DefaultPassword)
	if err := c.do(http.MethodPost, "/api/auth/sign_in", nil, body, http.StatusOK, &tok); err != nil {
		return nil, err
	}
	p := &portSIP{c: c, sign: func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+tok.AccessToken) }}
	ids, err := p.all()
	if err != nil {
		return nil, err
	}
	if len(ids) != 1 {
		return nil, fmt.Errorf("PortSIP has %d servers before the load, want its built-in one", len(ids))
	}
	p.builtin = ids[0]
	return p, nil
}

func (p *portSIP) name() string           { return "portsip" }
func (p *portSIP) fixture(id string) bool { return id == p.builtin }

func (p *portSIP) create(worker, seq int) (string, error) {
	var out portsip.IDResponse
	body := fmt.Sprintf(`{"name":"w%d-%d","ipv4":"192.0.2.1","max_rooms":1,"max_participants":10}`, worker, seq)
	err := p.c.do(http.MethodPost, "/api/conference_servers", p.sign, body, http.StatusOK, &out)
	return out.ID, count(&p.tally.create, err)
}

func (p *portSIP) read(id string) error {
	return count(&p.tally.read, p.c.do(http.MethodGet, "/api/conference_servers/"+id, p.sign, "", http.StatusOK, nil))
}

func (p *portSIP) list(int) error {
	return count(&p.tally.list, p.c.do(http.MethodGet, "/api/conference_servers?top=20", p.sign, "", http.StatusOK, nil))
}

func (p *portSIP) delete(id string) error {
	return count(&p.tally.delete, p.c.do(http.MethodPost, "/api/conference_servers/"+id+"/destroy", p.sign, "", http.StatusNoContent, nil))
}

func (p *portSIP) all() ([]string, error) {
	var ids []string
	for skip := 0; ; skip += 100 {
		var page struct {
			Count int
			Items []struct{ ID string }
		}
		if err := p.c.do(http.MethodGet, fmt.Sprintf("/api/conference_servers?top=100&skip=%d", skip), p.sign, "", http.StatusOK, &page); err != nil {
			return nil, err
		}
		for _, it := range page.Items {
			ids = append(ids, it.ID)
		}
		if len(page.Items) == 0 || len(ids) >= page.Count {
			return ids, nil
		}
	}
}

// linePlanet is meeting IDs, one per room; an object is "room/mtgId".
type linePlanet struct {
	tally
	c     *client
	mu    sync.Mutex
	rooms map[string]bool // every room a meeting was created in
}

const lineBase = "/tas/v2/gcall/load/"

func (l *linePlanet) name() string        { return "lineplanet" }
func (l *linePlanet) fixture(string) bool { return false }
func (l *linePlanet) sign(r *http.Request) {
	r.SetBasicAuth(lineplanet.DefaultAPIKey, lineplanet.DefaultAPISecret)
}

func (l *linePlanet) create(worker, seq int) (string, error) {
	room := fmt.Sprintf("w%d-%d", worker, seq)
	l.mu.Lock()
	l.rooms[room] = true
	l.mu.Unlock()
	var out struct {
		Data struct{ Mtg lineplanet.Meeting }
	}
	err := l.c.do(http.MethodPost, lineBase+room+"/mtg", l.sign, `{"type":"R"}`, http.StatusOK, &out)
	return fmt.Sprintf("%s/%d", room, out.Data.Mtg.ID), count(&l.tally.create, err)
}

func (l *linePlanet) read(id string) error {
	room, _, _ := strings.Cut(id, "/")
	ids, err := l.room(room)
	if err == nil && (len(ids) != 1 || ids[0] != id) {
		err = fmt.Errorf("room %s holds %v, want %s", room, ids, id)
	}
	return count(&l.tally.read, err)
}

// list is the one list LINE Planet has: a room's meetings (a room the
// client may or may not have used).
func (l *linePlanet) list(worker int) error {
	_, err := l.room(fmt.Sprintf("w%d-1", worker))
	return count(&l.tally.list, err)
}

func (l *linePlanet) delete(id string) error {
	room, mtg, _ := strings.Cut(id, "/")
	return count(&l.tally.delete, l.c.do(http.MethodDelete, lineBase+room+"/mtg/"+mtg, l.sign, "", http.StatusOK, nil))
}

func (l *linePlanet) room(room string) ([]string, error) {
	var out struct {
		Data struct{ Mtgs []lineplanet.Meeting }
	}
	if err := l.c.do(http.MethodGet, lineBase+room+"/mtgs", l.sign, "", http.StatusOK, &out); err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(out.Data.Mtgs))
	for _, m := range out.Data.Mtgs {
		ids = append(ids, fmt.Sprintf("%s/%d", room, m.ID))
	}
	return ids, nil
}

func (l *linePlanet) all() ([]string, error) {
	var ids []string
	for room := range l.rooms {
		got, err := l.room(room)
		if err != nil {
			return nil, err
		}
		ids = append(ids, got...)
	}
	return ids, nil
}

// sqMeeting is reservations of the administrator's.
type sqMeeting struct {
	tally
	c    *client
	auth string
}

const loadClientID = "6f1c1e0a-5b7a-4c1e-9d3e-4b2a1c0d9e8f"

func newSQMeeting(c *client) (*sqMeeting, error) {
	var info sqmeeting.UserInfo
	body := fmt.Sprintf(`{"username":%q,"secret":%q}`, sqmeeting.DefaultUsername, sqmeeting.Secret(sqmeeting.DefaultPassword))
	if err := c.do(http.MethodPost, "/api/v1/user/sign_in?client_id="+loadClientID, nil, body, http.StatusOK, &info); err != nil {
		return nil, err
	}
	return &sqMeeting{c: c, auth: url.Values{"client_id": {loadClientID}, "token": {info.UserToken}}.Encode()}, nil
}

func (s *sqMeeting) name() string        { return "sqmeeting" }
func (s *sqMeeting) fixture(string) bool { return false }

func (s *sqMeeting) sign(r *http.Request) {
	if r.URL.RawQuery != "" {
		r.URL.RawQuery += "&"
	}
	r.URL.RawQuery += s.auth
}

func (s *sqMeeting) create(worker, seq int) (string, error) {
	start := time.Now().Add(24 * time.Hour).UnixMilli()
	body := fmt.Sprintf(`{"meeting_type":"reservation","meeting_name":"w%d-%d","schedule_start_time":%d,"schedule_end_time":%d}`,
		worker, seq, start, start+3600_000)
	var out struct {
		ReservationID string `json:"reservation_id"`
	}
	err := s.c.do(http.MethodPost, "/api/v1/meeting_schedule", s.sign, body, http.StatusOK, &out)
	return out.ReservationID, count(&s.tally.create, err)
}

func (s *sqMeeting) read(id string) error {
	return count(&s.tally.read, s.c.do(http.MethodGet, "/api/v1/meeting_schedule/"+id, s.sign, "", http.StatusOK, nil))
}

func (s *sqMeeting) list(int) error {
	return count(&s.tally.list, s.c.do(http.MethodGet, "/api/v1/meeting_schedule?page_size=20", s.sign, "", http.StatusOK, nil))
}

func (s *sqMeeting) delete(id string) error {
	return count(&s.tally.delete, s.c.do(http.MethodDelete, "/api/v1/meeting_schedule/"+id, s.sign, "", http.StatusNoContent, nil))
}

func (s *sqMeeting) all() ([]string, error) {
	var ids []string
	for num := 1; ; num++ {
		var page struct {
			MeetingSchedules []struct {
				ReservationID string `json:"reservation_id"`
			} `json:"meeting_schedules"`
			TotalSize int `json:"total_size"`
		}
		if err := s.c.do(http.MethodGet, fmt.Sprintf("/api/v1/meeting_schedule?page_size=500&page_num=%d", num), s.sign, "", http.StatusOK, &page); err != nil {
			return nil, err
		}
		for _, m := range page.MeetingSchedules {
			ids = append(ids, m.ReservationID)
		}
		if len(page.MeetingSchedules) == 0 || len(ids) >= page.TotalSize {
			return ids, nil
		}
	}
}

// wherebyTarget is meetings.
type wherebyTarget struct {
	tally
	c *client
}

func (w *wherebyTarget) name() string        { return "whereby" }
func (w *wherebyTarget) fixture(string) bool { return false }
func (w *wherebyTarget) sign(r *http.Request) {
	r.Header.Set("Authorization", "Bearer "+whereby.DefaultAPIKey)
}

func (w *wherebyTarget) create(int, int) (string, error) {
	body := fmt.Sprintf(`{"endDate":%q}`, time.Now().Add(24*time.Hour).UTC().Format(time.RFC3339))
	var out whereby.Meeting
	err := w.c.do(http.MethodPost, "/v1/meetings", w.sign, body, http.StatusCreated, &out)
	return out.MeetingID, count(&w.tally.create, err)
}

func (w *wherebyTarget) read(id string) error {
	return count(&w.tally.read, w.c.do(http.MethodGet, "/v1/meetings/"+id, w.sign, "", http.StatusOK, nil))
}

func (w *wherebyTarget) list(int) error {
	return count(&w.tally.list, w.c.do(http.MethodGet, "/v1/meetings?limit=20", w.sign, "", http.StatusOK, nil))
}

func (w *wherebyTarget) delete(id string) error {
	return count(&w.tally.delete, w.c.do(http.MethodDelete, "/v1/meetings/"+id, w.sign, "", http.StatusNoContent, nil))
}

func (w *wherebyTarget) all() ([]string, error) {
	var ids []string
	path := "/v1/meetings?limit=100"
	for {
		var page struct {
			Results []whereby.Meeting
			Cursor  *string
		}
		if err := w.c.do(http.MethodGet, path, w.sign, "", http.StatusOK, &page); err != nil {
			return nil, err
		}
		for _, m := range page.Results {
			ids = append(ids, m.MeetingID)
		}
		if page.Cursor == nil {
			return ids, nil
		}
		path = "/v1/meetings?limit=100&cursor=" + url.QueryEscape(*page.Cursor)
	}
}
