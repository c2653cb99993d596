package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// thing is an object of the fake platform that adoptServer runs.
type thing struct {
	ID      string    `json:"id"`
	Key     string    `json:"key"`
	Created time.Time `json:"created"`
}

// adoptServer is a platform whose creates fail as a script says: "ok", "lost"
// (made, then answered 500), "drop" (made, then the connection closed), "503"
// (made, then answered 503, as a proxy may), "slow" (made, then no answer
// before the client's request timeout), "busy" (not made: 429), "exists"
// (not made: 409). Past the script's end every create is "ok". GET lists the
// things with ?key=; listing fails with 400 when failList is set.
type adoptServer struct {
	mu       sync.Mutex
	script   []string
	things   []thing
	creates  int
	lists    int
	failList bool
}

func (s *adoptServer) handle(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Method == http.MethodGet {
		s.lists++
		if s.failList {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		out := []thing{}
		for _, t := range s.things {
			if t.Key == r.URL.Query().Get("key") {
				out = append(out, t)
			}
		}
		_ = json.NewEncoder(w).Encode(out)
		return
	}
	s.creates++
	step := "ok"
	if len(s.script) > 0 {
		step, s.script = s.script[0], s.script[1:]
	}
	var in struct{ Key string }
	_ = json.NewDecoder(r.Body).Decode(&in)
	switch step {
	case "busy":
		w.WriteHeader(http.StatusTooManyRequests)
		return
	case "exists":
		w.WriteHeader(http.StatusConflict)
		return
	}
	t := thing{ID: fmt.Sprintf("t%d", len(s.things)+1), Key: in.Key, Created: time.Now()}
	s.things = append(s.things, t)
	switch step {
	case "lost":
		w.WriteHeader(http.StatusInternalServerError)
	case "503":
		w.WriteHeader(http.StatusServiceUnavailable)
	case "drop":
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			conn.Close()
		}
	case "slow":
		// Made, and answered after the client stopped waiting.
		s.mu.Unlock()
		<-r.Context().Done()
		s.mu.Lock()
	default:
		_ = json.NewEncoder(w).Encode(t)
	}
}

func newAdoptTest(t *testing.T, script ...string) (*Client, *adoptServer, *recordSleep) {
	t.Helper()
	s := &adoptServer{script: script}
	c, rs := newTestClient(t, s.handle, nil)
	return c, s, rs
}

// adoption creates and finds things with key.
func adoption(c *Client, key string) Adoption[thing] {
	return Adoption[thing]{
		Object: "thing", Key: fmt.Sprintf("key %q", key),
		Create: func(ctx context.Context) (thing, error) {
			resp, err := c.Do(ctx, Request{Method: http.MethodPost, Path: "/things", Body: map[string]string{"key": key}})
			if err != nil {
				return thing{}, err
			}
			var t thing
			return t, resp.Decode(&t)
		},
		Find: func(ctx context.Context, w Window) ([]thing, error) {
			resp, err := c.Do(ctx, Request{Method: http.MethodGet, Path: "/things", Query: map[string][]string{"key": {key}}})
			if err != nil {
				return nil, err
			}
			var all []thing
			if err := resp.Decode(&all); err != nil {
				return nil, err
			}
			var in []thing
			for _, t := range all {
				if w.Contains(t.Created) {
					in = append(in, t)
				}
			}
			return in, nil
		},
		ID:     func(t thing) string { return t.ID },
		Exists: func(err error) bool { return StatusCode(err) == http.StatusConflict },
	}
}

func TestAdoptTakesWhatALostCreateMade(t *testing.T) {
	for _, lost := range []string{"lost", "drop", "503", "slow"} {
		t.Run(lost, func(t *testing.T) {
			c, s, _ := newAdoptTest(t, lost)
			c.cfg.Timeout = 100 * time.Millisecond
			got, err := Adopt(context.Background(), c, adoption(c, "a"))
			if err != nil {
				t.Fatal(err)
			}
			if got.ID != "t1" || s.creates != 1 || s.lists != 1 || len(s.things) != 1 {
				t.Fatalf("got %+v after %d creates and %d lookups; things %+v", got, s.creates, s.lists, s.things)
			}
		})
	}
}

// A create the platform refused, or that never got there, is not looked
// for: nothing can have been made.
func TestAdoptLooksOnlyAfterALostAnswer(t *testing.T) {
	c, s, _ := newAdoptTest(t, "busy", "busy")
	if _, err := Adopt(context.Background(), c, adoption(c, "a")); err != nil {
		t.Fatal(err)
	}
	if s.creates != 3 || s.lists != 0 || len(s.things) != 1 {
		t.Fatalf("%d creates, %d lookups, %d things; want 3 creates (two rate-limited), no lookup, one thing", s.creates, s.lists, len(s.things))
	}
	c, s, _ = newAdoptTest(t, "exists")
	_, err := Adopt(context.Background(), c, adoption(c, "a"))
	if StatusCode(err) != http.StatusConflict || s.lists != 0 {
		t.Fatalf("err = %v after %d lookups; want the 409 as it is, with no lookup", err, s.lists)
	}
}

// The lost create made nothing (the server failed before it), so the
// lookup finds nothing and the create is sent again.
func TestAdoptCreatesAgainWhenNothingWasMade(t *testing.T) {
	c, s, rs := newAdoptTest(t)
	a := adoption(c, "a")
	create := a.Create
	failed := false
	a.Create = func(ctx context.Context) (thing, error) {
		if !failed {
			failed = true
			return thing{}, &transportError{err: errors.New("connection reset by peer")}
		}
		return create(ctx)
	}
	got, err := Adopt(context.Background(), c, a)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "t1" || s.lists != 1 || len(s.things) != 1 || len(rs.waits) != 1 {
		t.Fatalf("got %+v after %d lookups and waits %v; things %+v", got, s.lists, rs.waits, s.things)
	}
}

// A thing that another create of the same client returned is not this
// create's, even with the same key and in the window.
func TestAdoptPassesOverClaimedObjects(t *testing.T) {
	c, s, _ := newAdoptTest(t)
	first, err := Adopt(context.Background(), c, adoption(c, "same"))
	if err != nil {
		t.Fatal(err)
	}
	s.script = []string{"lost"}
	second, err := Adopt(context.Background(), c, adoption(c, "same"))
	if err != nil {
		t.Fatal(err)
	}
	if first.ID != "t1" || second.ID != "t2" || len(s.things) != 2 {
		t.Fatalf("first %s, second %s, things %+v", first.ID, second.ID, s.things)
	}
	// A lost answer with two unclaimed candidates cannot be settled.
	s.things = append(s.things, thing{ID: "x1", Key: "same", Created: time.Now()})
	s.script = []string{"lost"}
	_, err = Adopt(context.Background(), c, adoption(c, "same"))
	var amb *AmbiguousError
	if !errors.As(err, &amb) || strings.Join(amb.IDs, ",") != "x1,t4" {
		t.Fatalf("err = %v, want an AmbiguousError naming x1 and t4", err)
	}
	// errdiag.TestDescribeLostCreates: how such an error reads.
	if detail := err.Error(); !strings.Contains(detail, `2 things match key "same" (IDs x1, t4)`) || !strings.Contains(detail, "HTTP 500") {
		t.Fatalf("err %q", detail)
	}
}

// Outside the window (made long before this create), a thing with the key
// is somebody else's.
func TestAdoptLooksInTheWindowOnly(t *testing.T) {
	c, s, _ := newAdoptTest(t, "lost")
	s.things = []thing{{ID: "old", Key: "a", Created: time.Now().Add(-time.Hour)}}
	got, err := Adopt(context.Background(), c, adoption(c, "a"))
	if err != nil || got.ID != "t2" {
		t.Fatalf("got %+v, %v; want t2, the lost create's", got, err)
	}
}

func TestAdoptSaysSoWhenTheLookupFails(t *testing.T) {
	c, s, _ := newAdoptTest(t, "drop")
	s.failList = true
	_, err := Adopt(context.Background(), c, adoption(c, "a"))
	var lc *LostCreateError
	if !errors.As(err, &lc) || StatusCode(lc.Lookup) != http.StatusBadRequest {
		t.Fatalf("err = %v, want a LostCreateError with the lookup's 400", err)
	}
	if detail := err.Error(); !strings.Contains(detail, `looking for the thing by key "a" failed`) {
		t.Fatalf("err %q", detail)
	}
}

// Every try's answer lost, and nothing made: as many tries as the client
// makes of any request, then the last error, which says so.
func TestAdoptGivesUpAfterTheRetries(t *testing.T) {
	c, s, _ := newAdoptTest(t)
	a := adoption(c, "a")
	a.Create = func(context.Context) (thing, error) {
		s.creates++
		return thing{}, &APIError{StatusCode: http.StatusBadGateway}
	}
	_, err := Adopt(context.Background(), c, a)
	if StatusCode(err) != http.StatusBadGateway || s.creates != 4 || s.lists != 4 ||
		!strings.Contains(err.Error(), `the answers to all 4 tries were lost, and after each Test held no thing with key "a"`) {
		t.Fatalf("err = %v after %d creates and %d lookups", err, s.creates, s.lists)
	}
}

// A platform that allows one object per key refuses the second try after a
// lost one: the lost one made it.
func TestAdoptTakesTheObjectARetryFindsExisting(t *testing.T) {
	c, s, _ := newAdoptTest(t, "lost", "exists")
	a := adoption(c, "a")
	find := a.Find
	lookups := 0
	a.Find = func(ctx context.Context, w Window) ([]thing, error) {
		lookups++
		if lookups == 1 {
			return nil, nil // the list lags behind the create
		}
		return find(ctx, w)
	}
	got, err := Adopt(context.Background(), c, a)
	if err != nil || got.ID != "t1" || s.creates != 2 || lookups != 2 {
		t.Fatalf("got %+v, %v after %d creates, %d lookups", got, err, s.creates, lookups)
	}
}

// The operation's time running out while waiting to look is a timeout, and
// says that the create may have happened.
func TestAdoptTimesOutWaitingToLook(t *testing.T) {
	c, _, _ := newAdoptTest(t, "lost")
	c.cfg.Sleep = func(context.Context, time.Duration) error { return context.DeadlineExceeded }
	_, err := Adopt(context.Background(), c, adoption(c, "a"))
	if !IsTimeout(err) || IsUnreachable(err) {
		t.Fatalf("err = %v, want a timeout (errdiag: \"Timed out creating\", \"may have made the change\")", err)
	}
}

// A create whose try is in flight may have made its object before its answer
// arrives: another create with the same key, whose answer was lost, must not
// take that object for its own. Its lookup waits for the try.
func TestAdoptWaitsForTriesInFlight(t *testing.T) {
	c, _, _ := newAdoptTest(t)
	var mu sync.Mutex
	var things []thing
	make1 := func(id string) thing {
		mu.Lock()
		defer mu.Unlock()
		th := thing{ID: id, Key: "same", Created: time.Now()}
		things = append(things, th)
		return th
	}
	adoption := func(create func(context.Context) (thing, error)) Adoption[thing] {
		return Adoption[thing]{
			Object: "thing", Key: `key "same"`, Create: create, ID: func(t thing) string { return t.ID },
			Find: func(context.Context, Window) ([]thing, error) {
				mu.Lock()
				defer mu.Unlock()
				return slices.Clone(things), nil
			},
		}
	}
	made, release := make(chan struct{}), make(chan struct{})
	a := make(chan thing)
	go func() {
		got, _ := Adopt(context.Background(), c, adoption(func(context.Context) (thing, error) {
			th := make1("a1")
			close(made)
			<-release // the answer is on its way
			return th, nil
		}))
		a <- got
	}()
	<-made
	tries := 0
	b := make(chan thing)
	go func() {
		got, err := Adopt(context.Background(), c, adoption(func(context.Context) (thing, error) {
			tries++
			if tries == 1 {
				return thing{}, &APIError{StatusCode: http.StatusBadGateway} // lost, and nothing made
			}
			return make1("b1"), nil
		}))
		if err != nil {
			t.Error(err)
		}
		b <- got
	}()
	time.Sleep(50 * time.Millisecond) // b's lookup would run now, and see a1 unclaimed
	close(release)
	if got := <-a; got.ID != "a1" {
		t.Errorf("a got %s", got.ID)
	}
	if got := <-b; got.ID != "b1" || tries != 2 {
		t.Errorf("b got %q after %d tries, want b1 after 2: a1 is a's", got.ID, tries)
	}
}
