package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestDescribeTellsTheCasesApart(t *testing.T) {
	unreachable := &UnreachableError{Platform: "PortSIP", URL: "https://pbx:8900/api", Attempts: 5, Elapsed: 6200 * time.Millisecond,
		Err: &transportError{err: errors.New("POST https://pbx:8900/api/conference_rooms: dial tcp 192.0.2.1:8900: connect: connection refused"), unsent: true}}
	rejected := &APIError{Platform: "PortSIP", StatusCode: 400, Code: "VALIDATE_FAILED", Message: "capacity must be between 1 and 200"}
	timedOut := &transportError{err: fmt.Errorf("POST https://pbx:8900/api/conference_rooms: %w", context.DeadlineExceeded)}
	for _, c := range []struct {
		err            error
		op             Operation
		summary        string
		detailContains []string
	}{
		{unreachable, Create, "PortSIP could not be reached",
			[]string{"While creating conference room", "after 5 tries over 6.2s", "connection refused", "nothing changed"}},
		// Waiting out the operation's deadline between tries is still a
		// platform that was never reached.
		{&UnreachableError{Platform: "PortSIP", Attempts: 2, Err: fmt.Errorf("%w (gave up waiting to retry: %w)", unreachable.Err, context.DeadlineExceeded)},
			Update, "PortSIP could not be reached", []string{"While updating conference room"}},
		{timedOut, Create, "Timed out creating PortSIP conference room", []string{"context deadline exceeded", "may have made the change"}},
		{timedOut, Read, "Timed out reading PortSIP conference room", []string{"timeouts block"}},
		{rejected, Create, "PortSIP rejected conference room", []string{"VALIDATE_FAILED: capacity must be between 1 and 200 (HTTP 400)"}},
		{rejected, Update, "PortSIP rejected conference room update", nil},
		{rejected, Read, "PortSIP rejected reading conference room", nil},
		{rejected, Delete, "PortSIP rejected deleting conference room", nil},
		{errors.New("decoding response: unexpected end of JSON input"), Delete, "Deleting PortSIP conference room failed", []string{"unexpected end"}},
	} {
		summary, detail := Describe(c.err, "PortSIP", c.op, "conference room")
		if summary != c.summary {
			t.Errorf("%v: summary %q, want %q", c.err, summary, c.summary)
		}
		for _, want := range c.detailContains {
			if !strings.Contains(detail, want) {
				t.Errorf("%v: detail %q lacks %q", c.err, detail, want)
			}
		}
		if c.op == Read && strings.Contains(detail, "may have made the change") {
			t.Errorf("a read cannot have made a change: %q", detail)
		}
	}
}

// A server that takes the request and never answers: the operation times
// out, and the platform was reached.
func TestHangingServerTimesOut(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() },
		func(c *Config) { c.Sleep = sleepContext })
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := c.Do(ctx, Request{Method: http.MethodPost, Path: "/x"})
	if !IsTimeout(err) || IsUnreachable(err) {
		t.Fatalf("err = %v, want a timeout of a reached platform", err)
	}
	if summary, _ := Describe(err, "Test", Create, "thing"); summary != "Timed out creating Test thing" {
		t.Fatalf("summary %q", summary)
	}
}
