// Package fuzztest drives a platform's routes with fuzzed requests for the
// platforms' `go test -fuzz` targets, and checks the one promise malformed
// input gets: an answer in the platform's own error envelope, never a panic
// and never a 5xx.
package fuzztest

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// Instance is a running platform with its fixtures.
type Instance struct {
	Handler http.Handler
	// Sign adds the credentials of a signed-in client to a request.
	Sign func(*http.Request)
	// Vars are the values of the routes' {placeholders}: the fixtures' IDs.
	Vars map[string]string
}

// Surface is what a platform's fuzz targets drive.
type Surface struct {
	// New builds the platform afresh with its fixtures.
	New func() (Instance, error)
	// Routes are "METHOD /path/{placeholder}" patterns; a fuzz input picks
	// one by index.
	Routes []string
	// Envelope checks the body of a 4xx answer.
	Envelope func(status int, body []byte) error
	// Renew is how many requests an instance serves before a fresh one
	// replaces it, so that what the fuzzer creates does not pile up; 0 is
	// 500.
	Renew int

	mu     sync.Mutex
	inst   *Instance
	served int
}

// slow is how long one request may take before the fuzz target fails.
const slow = 5 * time.Second

// Run sends one fuzzed request: the route at index route (modulo), the raw
// query (followed by nothing: the instance's Sign may add to it), and body.
// It fails t on a 5xx answer or a 4xx answer outside the envelope; a panic
// in a handler fails the fuzz target by itself.
func (s *Surface) Run(t *testing.T, route uint8, query string, body []byte) {
	t.Helper()
	inst := s.instance(t)
	method, path := inst.route(s.Routes[int(route)%len(s.Routes)])
	// A request that never ends would stall the fuzzer without a report: a
	// panic from the watchdog crashes the worker, and the fuzzer keeps the
	// input.
	watchdog := time.AfterFunc(slow, func() {
		panic(fmt.Sprintf("%s %s?%s with %q: no answer after %s", method, path, query, body, slow))
	})
	status, answer := Do(*inst, method, path, query, body)
	watchdog.Stop()
	switch {
	case status >= 500:
		t.Fatalf("%s %s?%s with %q: %d %s", method, path, query, body, status, answer)
	case status >= 400:
		if err := s.Envelope(status, answer); err != nil {
			t.Fatalf("%s %s?%s with %q: %d answer is not the platform's envelope (%v): %s", method, path, query, body, status, err, answer)
		}
	}
}

func (s *Surface) instance(t *testing.T) *Instance {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	renew := s.Renew
	if renew <= 0 {
		renew = 500
	}
	if s.inst == nil || s.served >= renew {
		inst, err := s.New()
		if err != nil {
			t.Fatalf("starting the platform: %v", err)
		}
		s.inst, s.served = &inst, 0
	}
	s.served++
	return s.inst
}

// Do serves one signed request in process and returns the answer.
func Do(inst Instance, method, path, query string, body []byte) (int, []byte) {
	r := &http.Request{
		Method: method, URL: &url.URL{Path: path, RawQuery: query}, Header: http.Header{},
		Host: "emulator.test", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Body: io.NopCloser(strings.NewReader(string(body))), ContentLength: int64(len(body)),
	}
	r.RequestURI = r.URL.RequestURI()
	r.Header.Set("Content-Type", "application/json")
	if inst.Sign != nil {
		inst.Sign(r)
	}
	rec := httptest.NewRecorder()
	inst.Handler.ServeHTTP(rec, r)
	return rec.Code, rec.Body.Bytes()
}

// Create serves a request that must succeed, for fixtures, and returns the
// answer. target is a path with an optional query.
func Create(inst Instance, method, target, body string) ([]byte, error) {
	path, query, _ := strings.Cut(target, "?")
	status, answer := Do(inst, method, path, query, []byte(body))
	if status < 200 || status > 299 {
		return nil, fmt.Errorf("fixture %s %s: %d %s", method, target, status, answer)
	}
	return answer, nil
}

// Reachable checks that every route reaches its handler signed in: an empty
// request to it is answered neither 401 (the credentials are wrong), 404 nor
// 405 (the route or its fixture is). Without this, a fuzz target could spend
// its time on the platform's authentication alone.
func (s *Surface) Reachable(t *testing.T) {
	t.Helper()
	inst, err := s.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, route := range s.Routes {
		method, path := inst.route(route)
		switch status, answer := Do(inst, method, path, "", nil); status {
		case http.StatusUnauthorized, http.StatusNotFound, http.StatusMethodNotAllowed:
			t.Errorf("%s: %d %s", route, status, answer)
		}
	}
}

// route is the method and path of a route pattern, its placeholders filled.
func (inst Instance) route(pattern string) (method, path string) {
	method, path, _ = strings.Cut(pattern, " ")
	for k, v := range inst.Vars {
		path = strings.ReplaceAll(path, "{"+k+"}", url.PathEscape(v))
	}
	return method, path
}
