// Package lineplanet emulates the LINE Planet server API v2 meeting IDs, following
// ../shared/api/line-planet-meeting-id.txt and NOTES.md.
//
// Where the document is silent or contradicts itself the emulator does what
// NOTES.md decides:
//   - every disallowed type change answers code 435 (the doc's Example 2 shows 405);
//   - PUT and DELETE answer on both /mtg/{mtgId} (the curl examples) and
//     /mtgs/{mtgId} (the endpoint table);
//   - the update response's data is the MeetingObject itself (Example 1), the
//     create response's data is {mtg, sipProxy, sipProxyPort};
//   - a meeting past its expireAt is gone: absent from the list, 404 on PUT/DELETE.
//
// Decisions of the emulator where NOTES.md is silent too:
//   - a create without a type makes an I meeting (the doc gives no default; I is
//     the type of its create example and the shortest-lived);
//   - an update leaves out fields unchanged (Example 1 sends only the type and
//     keeps the passcode); an explicit null clears title or data.
package lineplanet

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// Default credentials and SIP proxy of the emulated service.
const (
	DefaultAPIKey       = "emulator-key"
	DefaultAPISecret    = "emulator-secret"
	DefaultSIPProxy     = "127.0.0.1"
	DefaultSIPProxyPort = 5060
	// DefaultRequestsPerSecond is the document's limit: NOTES.md "100 requests per
	// second per service".
	DefaultRequestsPerSecond = 100
)

// Limits and lifetimes from line-planet-meeting-id.txt.
const (
	// "Maximum length is 128 in UTF-16."
	MaxTitleUnits = 128
	// "Maximum length is 1024 in UTF-16."
	MaxDataUnits = 1024
	// "Passcode. 6 digits."
	PasscodeDigits = 6
	// "ID value. At least 11 digits."
	minID = 10_000_000_000
	maxID = 99_999_999_999
)

// Lifetimes of each meeting type: "Default expiration period" in the type table.
var lifetimes = map[string]time.Duration{
	"I": 24 * time.Hour,
	"S": 30 * 24 * time.Hour,
	"R": 365 * 24 * time.Hour,
}

// allowedTransitions are the in-place type changes: "Available change case: S -> R".
var allowedTransitions = map[[2]string]bool{{"S", "R"}: true}

// Error codes of "API v2 - Error handling" that the emulator answers.
const (
	codeBadRequest       = 400
	codeUnauthorized     = 401
	codeNotFound         = 404
	codeAlreadyExists    = 405
	codeTooManyRequests  = 429
	codeTypeNotConverted = 435
)

// Options configures the emulated service.
type Options struct {
	APIKey       string
	APISecret    string
	SIPProxy     string
	SIPProxyPort int
	// RequestsPerSecond is the per-service rate limit: 0 means the document's 100,
	// a negative value turns the limit off.
	RequestsPerSecond int
}

// Meeting is the document's MeetingObject, as stored and as sent.
type Meeting struct {
	ID        int64   `json:"id"`
	Type      string  `json:"type"`
	Passcode  string  `json:"passcode"`
	ChatSvcID string  `json:"chatSvcId"`
	ChatID    string  `json:"chatId"`
	Created   int64   `json:"created"`
	ExpireAt  int64   `json:"expireAt"`
	Title     *string `json:"title"`
	Data      *string `json:"data"`
}

type roomKey struct{ svc, room string }

// API is the emulated LINE Planet meeting-ID service.
type API struct {
	clock *platform.Clock
	opts  Options

	mu       sync.Mutex
	meetings map[roomKey]*Meeting // "A room has at most one meeting" (NOTES.md)

	limiter *limiter
	// newID and newPasscode are the random sources; tests replace them to
	// reproduce the document's examples byte for byte.
	newID       func() int64
	newPasscode func() string
}

var _ platform.Platform = (*API)(nil)

// New returns an empty service.
func New(clock *platform.Clock, opts Options) *API {
	if opts.APIKey == "" {
		opts.APIKey = DefaultAPIKey
	}
	if opts.APISecret == "" {
		opts.APISecret = DefaultAPISecret
	}
	if opts.SIPProxy == "" {
		opts.SIPProxy = DefaultSIPProxy
	}
	if opts.SIPProxyPort == 0 {
		opts.SIPProxyPort = DefaultSIPProxyPort
	}
	if opts.RequestsPerSecond == 0 {
		opts.RequestsPerSecond = DefaultRequestsPerSecond
	}
	return &API{
		clock:       clock,
		opts:        opts,
		meetings:    map[roomKey]*Meeting{},
		limiter:     newLimiter(opts.RequestsPerSecond, time.Now),
		newID:       func() int64 { return minID + rand.Int64N(maxID-minID+1) },
		newPasscode: func() string { return fmt.Sprintf("%06d", rand.IntN(1_000_000)) },
	}
}

// Name implements platform.Platform.
func (a *API) Name() string { return "lineplanet" }

// Prefixes implements platform.Platform.
func (a *API) Prefixes() []string { return []string{"/tas/"} }

const base = "/tas/v2/gcall/{svc}/{room}"

// Register implements platform.Platform.
func (a *API) Register(mux *http.ServeMux) {
	mux.HandleFunc("POST "+base+"/mtg", a.guard(a.create))
	mux.HandleFunc("GET "+base+"/mtgs", a.guard(a.list))
	// NOTES.md: the endpoint table says /mtgs/{mtgId}, the curl examples /mtg/{mtgId}.
	for _, p := range []string{base + "/mtg/{id}", base + "/mtgs/{id}"} {
		mux.HandleFunc("PUT "+p, a.guard(a.update))
		mux.HandleFunc("DELETE "+p, a.guard(a.delete))
	}
	// Anything else under /tas/ gets the vendor's envelope rather than the mux's
	// plain-text 404 or 405.
	mux.HandleFunc("/tas/", func(w http.ResponseWriter, r *http.Request) {
		if !a.authorized(r) {
			a.unauthorized(w)
			return
		}
		a.writeError(w, codeNotFound, fmt.Sprintf("no such API: %s %s", r.Method, r.URL.Path))
	})
}

// WriteError implements platform.Platform: the error envelope with the status as
// its code.
func (a *API) WriteError(w http.ResponseWriter, status int, message string) {
	a.writeEnvelope(w, status, errorEnvelope(status, message, a.clock.Now()))
}

// Reset implements platform.Platform.
func (a *API) Reset() {
	a.mu.Lock()
	a.meetings = map[roomKey]*Meeting{}
	a.mu.Unlock()
	a.limiter.reset()
}

type snapshot struct {
	Meetings []Meeting `json:"meetings"`
}

// Snapshot implements platform.Platform. Expired meetings are left out: they are
// gone.
func (a *API) Snapshot() (json.RawMessage, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.purgeLocked()
	s := snapshot{Meetings: make([]Meeting, 0, len(a.meetings))}
	for _, m := range a.meetings {
		s.Meetings = append(s.Meetings, *m)
	}
	sort.Slice(s.Meetings, func(i, j int) bool {
		if s.Meetings[i].ChatSvcID != s.Meetings[j].ChatSvcID {
			return s.Meetings[i].ChatSvcID < s.Meetings[j].ChatSvcID
		}
		return s.Meetings[i].ChatID < s.Meetings[j].ChatID
	})
	return json.Marshal(s)
}

// Restore implements platform.Platform, replacing every meeting.
func (a *API) Restore(raw json.RawMessage) error {
	var s snapshot
	if err := json.Unmarshal(raw, &s); err != nil {
		return err
	}
	meetings := make(map[roomKey]*Meeting, len(s.Meetings))
	ids := map[int64]bool{}
	for i := range s.Meetings {
		m := s.Meetings[i]
		k := roomKey{m.ChatSvcID, m.ChatID}
		if k.svc == "" || k.room == "" {
			return fmt.Errorf("meeting %d has no chatSvcId or chatId", m.ID)
		}
		if _, dup := meetings[k]; dup {
			return fmt.Errorf("room %s/%s has more than one meeting", k.svc, k.room)
		}
		if ids[m.ID] {
			return fmt.Errorf("meeting ID %d appears twice", m.ID)
		}
		if _, ok := lifetimes[m.Type]; !ok {
			return fmt.Errorf("meeting %d has unknown type %q", m.ID, m.Type)
		}
		ids[m.ID] = true
		meetings[k] = &m
	}
	a.mu.Lock()
	a.meetings = meetings
	a.mu.Unlock()
	return nil
}

// Meeting returns a copy of the room's live meeting, for tests.
func (a *API) Meeting(svc, room string) (Meeting, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	m := a.liveLocked(roomKey{svc, room})
	if m == nil {
		return Meeting{}, false
	}
	return *m, true
}

// MutateMeeting changes the room's live meeting behind the API's back, to let
// in-process tests simulate drift. The room (chatSvcId, chatId) cannot be changed.
// It reports whether the room had a live meeting.
func (a *API) MutateMeeting(svc, room string, f func(*Meeting)) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	m := a.liveLocked(roomKey{svc, room})
	if m == nil {
		return false
	}
	f(m)
	m.ChatSvcID, m.ChatID = svc, room
	return true
}

// DeleteMeeting removes the room's meeting behind the API's back and reports
// whether there was a live one.
func (a *API) DeleteMeeting(svc, room string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	k := roomKey{svc, room}
	if a.liveLocked(k) == nil {
		return false
	}
	delete(a.meetings, k)
	return true
}

// liveLocked returns the room's meeting unless it has expired, in which case it is
// dropped: "This meeting will become invalid after expireAt."
func (a *API) liveLocked(k roomKey) *Meeting {
	m := a.meetings[k]
	if m == nil {
		return nil
	}
	if a.clock.Now().UnixMilli() > m.ExpireAt {
		delete(a.meetings, k)
		return nil
	}
	return m
}

func (a *API) purgeLocked() {
	for k := range a.meetings {
		a.liveLocked(k)
	}
}

// ---- handlers ----

// guard checks Basic auth, then the per-service rate limit.
func (a *API) guard(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !a.authorized(r) {
			a.unauthorized(w)
			return
		}
		if !a.limiter.allow(r.PathValue("svc")) {
			// NOTES.md: 100 requests per second per service. The document names no
			// header; Retry-After tells a client how long one token takes at most.
			w.Header().Set("Retry-After", "1")
			a.writeError(w, codeTooManyRequests,
				fmt.Sprintf("too many requests: at most %d requests per second per service", a.opts.RequestsPerSecond))
			return
		}
		h(w, r)
	}
}

// authorized checks "Authorization: Basic {your credential}" against the
// configured API key and secret.
func (a *API) authorized(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	scheme, cred, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Basic") {
		return false
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(cred))
	if err != nil {
		return false
	}
	key, secret, ok := strings.Cut(string(raw), ":")
	return ok && key == a.opts.APIKey && secret == a.opts.APISecret
}

func (a *API) unauthorized(w http.ResponseWriter) {
	w.Header().Set("WWW-Authenticate", `Basic realm="LINE Planet"`)
	a.writeError(w, codeUnauthorized, "invalid credentials: send Authorization: Basic base64(api_key:api_secret)")
}

type createResponse struct {
	Mtg          Meeting `json:"mtg"`
	SIPProxy     string  `json:"sipProxy"`
	SIPProxyPort int     `json:"sipProxyPort"`
}

func (a *API) create(w http.ResponseWriter, r *http.Request) {
	in, msg := parseInput(r)
	if msg != "" {
		a.writeError(w, codeBadRequest, msg)
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	k := roomKey{r.PathValue("svc"), r.PathValue("room")}
	if a.liveLocked(k) != nil {
		// "405 (meeting already exists)"
		a.writeError(w, codeAlreadyExists, "meeting already exists")
		return
	}
	now := a.clock.Now()
	m := &Meeting{
		ID:        a.uniqueIDLocked(),
		Type:      "I",
		ChatSvcID: k.svc,
		ChatID:    k.room,
		Created:   now.UnixMilli(),
	}
	if in.typ != nil {
		m.Type = *in.typ
	}
	if in.passcode != nil {
		m.Passcode = *in.passcode
	} else {
		m.Passcode = a.newPasscode() // "Default value: Random"
	}
	if in.title.set {
		m.Title = in.title.value
	}
	if in.data.set {
		m.Data = in.data.value
	}
	m.ExpireAt = now.Add(lifetimes[m.Type]).UnixMilli()
	a.meetings[k] = m
	a.writeSuccess(w, createResponse{Mtg: *m, SIPProxy: a.opts.SIPProxy, SIPProxyPort: a.opts.SIPProxyPort})
}

func (a *API) uniqueIDLocked() int64 {
	for {
		id := a.newID()
		taken := false
		for _, m := range a.meetings {
			if m.ID == id {
				taken = true
				break
			}
		}
		if !taken {
			return id
		}
	}
}

func (a *API) list(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	defer a.mu.Unlock()
	// "Only one MeetingObject is returned currently."
	mtgs := []Meeting{}
	if m := a.liveLocked(roomKey{r.PathValue("svc"), r.PathValue("room")}); m != nil {
		mtgs = append(mtgs, *m)
	}
	a.writeSuccess(w, map[string]any{"mtgs": mtgs})
}

// find returns the room's live meeting with the path's mtgId, or writes the error.
func (a *API) findLocked(w http.ResponseWriter, r *http.Request) (roomKey, *Meeting) {
	k := roomKey{r.PathValue("svc"), r.PathValue("room")}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		a.writeError(w, codeBadRequest, fmt.Sprintf("mtgId must be a number; got %q", r.PathValue("id")))
		return k, nil
	}
	m := a.liveLocked(k)
	if m == nil || m.ID != id {
		a.writeError(w, codeNotFound, fmt.Sprintf("meeting %d not found in room %s/%s", id, k.svc, k.room))
		return k, nil
	}
	return k, m
}

func (a *API) update(w http.ResponseWriter, r *http.Request) {
	in, msg := parseInput(r)
	if msg != "" {
		a.writeError(w, codeBadRequest, msg)
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	_, m := a.findLocked(w, r)
	if m == nil {
		return
	}
	now := a.clock.Now()
	next := *m
	if in.typ != nil && *in.typ != m.Type {
		if !allowedTransitions[[2]string{m.Type, *in.typ}] {
			// NOTES.md decides 435 for every disallowed change; the doc's Example 2
			// shows code "405" for R -> S with this very message.
			a.writeError(w, codeTypeNotConverted,
				fmt.Sprintf("current type cannot be converted to nextType. %s -> %s", m.Type, *in.typ))
			return
		}
		next.Type = *in.typ
		// NOTES.md: an S -> R update sets expireAt to update time + 365 days
		// (Example 1: 1656503617461 + 365 days = 1688039617461).
		next.ExpireAt = now.Add(lifetimes[next.Type]).UnixMilli()
	}
	if in.passcode != nil {
		next.Passcode = *in.passcode
	}
	if in.title.set {
		next.Title = in.title.value
	}
	if in.data.set {
		next.Data = in.data.value
	}
	*m = next
	// Example 1: data is the MeetingObject itself, not {mtg: ...}.
	a.writeSuccess(w, next)
}

func (a *API) delete(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	defer a.mu.Unlock()
	k, m := a.findLocked(w, r)
	if m == nil {
		return
	}
	delete(a.meetings, k)
	a.writeSuccess(w, nil)
}

// ---- request bodies ----

// optString is a nullable field whose absence differs from null.
type optString struct {
	set   bool
	value *string
}

type input struct {
	typ      *string
	passcode *string
	title    optString
	data     optString
}

// parseInput reads the create and update body (type, passcode, title, data, all
// optional) and checks it against the document. It returns a message for code 400.
func parseInput(r *http.Request) (input, string) {
	var in input
	var fields map[string]json.RawMessage
	dec := json.NewDecoder(r.Body)
	if err := dec.Decode(&fields); err != nil {
		if errors.Is(err, io.EOF) {
			return in, "" // no body: every field takes its default
		}
		return in, "request body must be a JSON object: " + err.Error()
	}
	str := func(name string) (*string, bool, string) {
		raw, ok := fields[name]
		if !ok {
			return nil, false, ""
		}
		if string(raw) == "null" {
			return nil, true, ""
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, true, name + " must be a string"
		}
		return &s, true, ""
	}
	var msg string
	if in.typ, _, msg = str("type"); msg != "" {
		return in, msg
	}
	if in.typ != nil {
		if _, ok := lifetimes[*in.typ]; !ok {
			return in, fmt.Sprintf("type must be one of I, S or R; got %q", *in.typ)
		}
	}
	if in.passcode, _, msg = str("passcode"); msg != "" {
		return in, msg
	}
	if in.passcode != nil && !isDigits(*in.passcode, PasscodeDigits) {
		return in, fmt.Sprintf("passcode must be exactly %d digits", PasscodeDigits)
	}
	if in.title.value, in.title.set, msg = str("title"); msg != "" {
		return in, msg
	}
	if in.title.value != nil && utf16Len(*in.title.value) > MaxTitleUnits {
		return in, fmt.Sprintf("title must be at most %d UTF-16 code units", MaxTitleUnits)
	}
	if in.data.value, in.data.set, msg = str("data"); msg != "" {
		return in, msg
	}
	if in.data.value != nil && utf16Len(*in.data.value) > MaxDataUnits {
		return in, fmt.Sprintf("data must be at most %d UTF-16 code units", MaxDataUnits)
	}
	return in, ""
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// utf16Len counts UTF-16 code units: a character outside the Basic Multilingual
// Plane (most emoji) counts as two.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// ---- envelopes ----

type successBody struct {
	Status    string `json:"status"`
	Data      any    `json:"data"`
	Timestamp int64  `json:"timestamp"`
}

type errorBody struct {
	Status    string   `json:"status"`
	Message   string   `json:"message"`
	Code      string   `json:"code"`
	Data      struct{} `json:"data"`
	Timestamp int64    `json:"timestamp"`
}

func errorEnvelope(code int, message string, now time.Time) errorBody {
	return errorBody{Status: "error", Message: message, Code: strconv.Itoa(code), Timestamp: now.UnixMilli()}
}

func (a *API) writeSuccess(w http.ResponseWriter, data any) {
	a.writeEnvelope(w, http.StatusOK, successBody{Status: "success", Data: data, Timestamp: a.clock.Now().UnixMilli()})
}

// writeError sends code in the error envelope. NOTES.md: the HTTP status is the
// code where that is a standard status, 400 for 435 and 500 for 520.
func (a *API) writeError(w http.ResponseWriter, code int, message string) {
	a.writeEnvelope(w, httpStatus(code), errorEnvelope(code, message, a.clock.Now()))
}

func httpStatus(code int) int {
	switch code {
	case 435:
		return http.StatusBadRequest
	case 520:
		return http.StatusInternalServerError
	}
	if code >= 400 && code <= 599 && http.StatusText(code) != "" {
		return code
	}
	return http.StatusInternalServerError
}

func (a *API) writeEnvelope(w http.ResponseWriter, status int, body any) {
	platform.WriteJSON(w, status, body)
}

// ---- rate limit ----

// limiter is a token bucket per service: NOTES.md "100 requests per second per
// service". It runs on the wall clock, not the emulator's: a frozen emulated
// clock must not starve the bucket, nor a jump forward refill it.
type limiter struct {
	mu      sync.Mutex
	rate    int
	now     func() time.Time
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(rate int, now func() time.Time) *limiter {
	return &limiter{rate: rate, now: now, buckets: map[string]*bucket{}}
}

func (l *limiter) allow(svc string) bool {
	if l.rate < 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.buckets[svc]
	if b == nil {
		b = &bucket{tokens: float64(l.rate), last: now}
		l.buckets[svc] = b
	}
	if d := now.Sub(b.last); d > 0 {
		b.tokens = min(float64(l.rate), b.tokens+d.Seconds()*float64(l.rate))
		b.last = now
	}
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

func (l *limiter) reset() {
	l.mu.Lock()
	l.buckets = map[string]*bucket{}
	l.mu.Unlock()
}
