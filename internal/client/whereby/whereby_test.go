package whereby_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	emu "github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

var t0 = time.Date(2025, 5, 12, 16, 42, 49, 0, time.UTC)

// server is an in-process emulated organization on a frozen clock, counting
// the statuses it answers.
type server struct {
	url   string
	clock *platform.Clock

	mu       sync.Mutex
	statuses map[int]int
	waits    []time.Duration
}

func startEmulator(t *testing.T, opts emu.Options) *server {
	t.Helper()
	s := &server{clock: platform.NewClock(), statuses: map[int]int{}}
	s.clock.Freeze(t0)
	mux := http.NewServeMux()
	emu.New(s.clock, opts).Register(mux)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		mux.ServeHTTP(rec, r)
		s.mu.Lock()
		s.statuses[rec.status]++
		s.mu.Unlock()
	}))
	t.Cleanup(srv.Close)
	s.url = srv.URL
	return s
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// sleep is the client's waiting: it moves the emulator's clock instead of
// taking the time, and records the wait.
func (s *server) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	s.clock.Advance(d)
	return ctx.Err()
}

func (s *server) count(status int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.statuses[status]
}

// newClient returns a client of s with the emulator's key, whose waiting and
// clock are the emulator's.
func (s *server) newClient(t *testing.T, points int) *whereby.Client {
	t.Helper()
	c, err := whereby.New(whereby.Config{
		Endpoint: s.url + "/", APIKey: emu.DefaultAPIKey, PointsPerMinute: points,
		HTTP: client.Config{Sleep: s.sleep, Now: s.clock.Now},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestMeetingLifecycle(t *testing.T) {
	s := startEmulator(t, emu.Options{PublicURL: "https://acme.whereby.test"})
	c := s.newClient(t, -1)
	ctx := context.Background()

	// EndDate in another zone comes back as the same instant, in UTC.
	end := t0.Add(2 * time.Hour).In(time.FixedZone("EST", -5*3600))
	locked := true
	m, err := c.CreateMeeting(ctx, whereby.CreateMeetingInput{
		EndDate: end, IsLocked: &locked, RoomMode: whereby.RoomModeGroup, RoomNamePrefix: "team-",
		RoomNamePattern: whereby.RoomNamePatternHumanShort, Fields: []string{whereby.FieldHostRoomURL},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !m.EndDate.Equal(end) || m.EndDate.Location() != time.UTC || m.StartDate.Location() != time.UTC || !m.StartDate.Equal(t0) {
		t.Errorf("dates %v .. %v", m.StartDate, m.EndDate)
	}
	if !strings.HasPrefix(m.RoomName, "/team-") || m.RoomURL != "https://acme.whereby.test"+m.RoomName ||
		!strings.HasPrefix(m.HostRoomURL, m.RoomURL+"?") || m.ViewerRoomURL != "" {
		t.Errorf("created %+v", m)
	}

	got, err := c.GetMeeting(ctx, m.MeetingID)
	if err != nil {
		t.Fatal(err)
	}
	if got.HostRoomURL != "" || got.RoomURL != m.RoomURL || !got.EndDate.Equal(m.EndDate) {
		t.Errorf("read without fields: %+v", got)
	}
	if got, err = c.GetMeeting(ctx, m.MeetingID, whereby.FieldHostRoomURL, whereby.FieldViewerRoomURL); err != nil || *got != *m {
		t.Errorf("read with fields: %+v, %v; want %+v", got, err, m)
	}

	viewer, err := c.CreateMeeting(ctx, whereby.CreateMeetingInput{EndDate: t0.Add(time.Hour), TemplateType: whereby.TemplateTypeViewerMode})
	if err != nil || viewer.HostRoomURL == "" || viewer.ViewerRoomURL == "" {
		t.Fatalf("viewer mode: %+v, %v", viewer, err)
	}

	if err := c.DeleteMeeting(ctx, m.MeetingID); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteMeeting(ctx, m.MeetingID); err != nil {
		t.Errorf("second delete: %v", err)
	}
	if _, err := c.GetMeeting(ctx, m.MeetingID); !client.IsNotFound(err) {
		t.Errorf("read after delete: %v, want not found", err)
	}

	// An hour after its end, the viewer room is gone too.
	s.clock.Advance(2*time.Hour + time.Millisecond)
	if _, err := c.GetMeeting(ctx, viewer.MeetingID); !client.IsNotFound(err) {
		t.Errorf("read after expiry: %v, want not found", err)
	}
}

func TestListMeetingsFollowsEveryPage(t *testing.T) {
	s := startEmulator(t, emu.Options{})
	c := s.newClient(t, -1)
	ctx := context.Background()
	if l, err := c.ListMeetings(ctx); err != nil || l == nil || len(l) != 0 {
		t.Fatalf("empty list: %v, %v", l, err)
	}
	var want []string
	for range 230 {
		m, err := c.CreateMeeting(ctx, whereby.CreateMeetingInput{EndDate: t0.Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, m.MeetingID)
	}
	gets := s.count(http.StatusOK)
	list, err := c.ListMeetings(ctx, whereby.FieldHostRoomURL)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(want) {
		t.Fatalf("%d meetings listed, want %d", len(list), len(want))
	}
	for i, m := range list {
		if m.MeetingID != want[i] || m.HostRoomURL == "" || m.EndDate.Location() != time.UTC {
			t.Fatalf("meeting %d: %+v", i, m)
		}
	}
	if pages := s.count(http.StatusOK) - gets; pages != 3 {
		t.Errorf("%d pages for 230 meetings, want 3 of 100", pages)
	}
}

func TestListMeetingsStopsOnARepeatedCursor(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"results":[],"cursor":"same"}`)
	}))
	defer srv.Close()
	c, err := whereby.New(whereby.Config{Endpoint: srv.URL, APIKey: "k", PointsPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListMeetings(context.Background()); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Fatalf("err = %v", err)
	}
}

func TestErrorsCarryTheMessage(t *testing.T) {
	s := startEmulator(t, emu.Options{})
	c := s.newClient(t, -1)
	ctx := context.Background()
	_, err := c.CreateMeeting(ctx, whereby.CreateMeetingInput{EndDate: t0.Add(-time.Hour), RoomNamePrefix: "Bad Prefix"})
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest ||
		!strings.Contains(apiErr.Message, `"endDate" must be the same or after the current date`) ||
		!strings.Contains(apiErr.Message, `"roomNamePrefix"`) {
		t.Fatalf("err = %v", err)
	}
	wrong, err := whereby.New(whereby.Config{Endpoint: s.url, APIKey: "wrong", HTTP: client.Config{Sleep: s.sleep, Now: s.clock.Now}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wrong.GetMeeting(ctx, "x"); client.StatusCode(err) != 401 || !strings.Contains(err.Error(), "Access token is missing or invalid") {
		t.Fatalf("err = %v", err)
	}
	for _, id := range []string{"", "a/b"} {
		if _, err := c.GetMeeting(ctx, id); err == nil {
			t.Errorf("GetMeeting(%q) accepted", id)
		}
		if err := c.DeleteMeeting(ctx, id); err == nil {
			t.Errorf("DeleteMeeting(%q) accepted", id)
		}
	}
}

func TestDeleteTreatsNotFoundAsDone(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"error":"The requested resource doesn't exist"}`)
	}))
	defer srv.Close()
	c, err := whereby.New(whereby.Config{Endpoint: srv.URL, APIKey: "k"})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteMeeting(context.Background(), "gone"); err != nil {
		t.Fatal(err)
	}
}

func TestNewChecksItsConfig(t *testing.T) {
	if _, err := whereby.New(whereby.Config{}); err == nil {
		t.Error("no API key accepted")
	}
	if _, err := whereby.New(whereby.Config{APIKey: "k", PointsPerMinute: 2}); err == nil {
		t.Error("a budget too small for one create accepted")
	}
	if _, err := whereby.New(whereby.Config{APIKey: "k"}); err != nil {
		t.Errorf("defaults: %v", err)
	}
}

// TestPacingKeepsALargeApplyInsideTheBudget creates 150 meetings (450
// points) against an organization with the Build plan's 100 points a
// minute. The client paces itself, so not one request is throttled; the
// emulator's clock is frozen and the client's waiting moves it, so the five
// emulated minutes take no time.
func TestPacingKeepsALargeApplyInsideTheBudget(t *testing.T) {
	s := startEmulator(t, emu.Options{PointsPerMinute: 100})
	c := s.newClient(t, 0) // the default budget, 100
	ctx := context.Background()
	for i := range 150 {
		if _, err := c.CreateMeeting(ctx, whereby.CreateMeetingInput{EndDate: t0.Add(24 * time.Hour)}); err != nil {
			t.Fatalf("create %d: %v", i, err)
		}
	}
	if n := s.count(http.StatusTooManyRequests); n != 0 {
		t.Errorf("%d requests throttled", n)
	}
	if n := s.count(http.StatusCreated); n != 150 {
		t.Errorf("%d created", n)
	}
	// 33 creates a minute: four waits of a minute (and the client's slack).
	elapsed := s.clock.Now().Sub(t0)
	t.Logf("150 creates took %v of emulated time", elapsed)
	if elapsed < 4*time.Minute || elapsed > 4*time.Minute+10*time.Second {
		t.Errorf("the creates took %v of emulated time, want about 4 minutes", elapsed)
	}
	// Reading them all back costs 2 points: well inside the next minute.
	list, err := c.ListMeetings(ctx)
	if err != nil || len(list) != 150 {
		t.Fatalf("list: %d, %v", len(list), err)
	}
}

// TestRecoversFromA429WithMsLeft spends the organization's budget behind the
// client's back (another user of the key), so the client's own pacing lets a
// request through that the server throttles. The client waits exactly
// data.msLeft, not Retry-After's rounded-up seconds, and the retry succeeds.
func TestRecoversFromA429WithMsLeft(t *testing.T) {
	s := startEmulator(t, emu.Options{PointsPerMinute: 10})
	other := s.newClient(t, -1)
	c := s.newClient(t, 1000)
	ctx := context.Background()
	for range 3 { // 9 of the 10 points
		if _, err := other.CreateMeeting(ctx, whereby.CreateMeetingInput{EndDate: t0.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	s.clock.Advance(15500 * time.Millisecond)
	s.waits = nil
	m, err := c.CreateMeeting(ctx, whereby.CreateMeetingInput{EndDate: t0.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if s.count(http.StatusTooManyRequests) != 1 {
		t.Errorf("%d throttled, want 1", s.count(http.StatusTooManyRequests))
	}
	if len(s.waits) != 1 || s.waits[0] != 44500*time.Millisecond {
		t.Errorf("waits %v, want [44.5s], the 429's msLeft", s.waits)
	}
	if !m.StartDate.Equal(t0.Add(time.Minute)) {
		t.Errorf("created at %v, want when the window closed", m.StartDate)
	}
}

func TestSecretsNeverReachTheLogs(t *testing.T) {
	const (
		key       = "wb-api-key-0123456789"
		s3Secret  = "aws-secret-access-key"
		streamKey = "stream-key-abcdef"
	)
	s := startEmulator(t, emu.Options{APIKey: key})
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	c, err := whereby.New(whereby.Config{Endpoint: s.url, APIKey: key, HTTP: client.Config{Sleep: s.sleep, Now: s.clock.Now}})
	if err != nil {
		t.Fatal(err)
	}
	trigger := "automatic"
	m, err := c.CreateMeeting(ctx, whereby.CreateMeetingInput{
		EndDate: t0.Add(time.Hour), TemplateType: whereby.TemplateTypeViewerMode,
		Recording: &whereby.Recording{Type: "cloud", StartTrigger: &trigger, Destination: &whereby.StorageDestination{
			Provider: "s3", Bucket: "visible-bucket", Region: "eu-north-1", AccessKeyID: "AKIA", AccessKeySecret: s3Secret,
		}},
		Streaming: &whereby.Streaming{Destination: whereby.StreamingDestination{URL: "rtmp://a.rtmp.youtube.com/live2/" + streamKey}},
	})
	if err != nil {
		t.Fatal(err)
	}
	hostKey := m.HostRoomURL[strings.Index(m.HostRoomURL, "=")+1:]
	out := logs.String()
	if !strings.Contains(out, "visible-bucket") || !strings.Contains(out, m.MeetingID) {
		t.Fatalf("TRACE logs should show the other fields; got:\n%s", out)
	}
	for _, secret := range []string{key, s3Secret, streamKey, hostKey} {
		if strings.Contains(out, secret) {
			t.Errorf("secret %q appears in logs:\n%s", secret, out)
		}
	}
}
