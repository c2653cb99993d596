package errdiag

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
)

func TestDescribeTellsTheCasesApart(t *testing.T) {
	unreachable := &client.UnreachableError{Platform: "PortSIP", URL: "https://pbx:8900/api", Attempts: 5, Elapsed: 6200 * time.Millisecond,
		Err: errors.New("POST https://pbx:8900/api/conference_rooms: dial tcp 192.0.2.1:8900: connect: connection refused")}
	rejected := &client.APIError{Platform: "PortSIP", StatusCode: 400, Code: "VALIDATE_FAILED", Message: "capacity must be between 1 and 200"}
	timedOut := fmt.Errorf("POST https://pbx:8900/api/conference_rooms: %w", context.DeadlineExceeded)
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
		{&client.UnreachableError{Platform: "PortSIP", Attempts: 2, Err: fmt.Errorf("%w (gave up waiting to retry: %w)", unreachable.Err, context.DeadlineExceeded)},
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

// A create whose answer was lost and whose lookup found several candidates,
// or failed: what client.Adopt returns (TestAdoptPassesOverClaimedObjects,
// TestAdoptSaysSoWhenTheLookupFails, TestAdoptTimesOutWaitingToLook).
func TestDescribeLostCreates(t *testing.T) {
	lost := &client.APIError{StatusCode: http.StatusInternalServerError}
	amb := &client.AmbiguousError{Platform: "Test", Object: "thing", Key: `key "same"`, IDs: []string{"x1", "t4"}, Lost: lost}
	summary, detail := Describe(amb, "Test", Create, "thing")
	if summary != "Cannot tell which Test thing was created" ||
		!strings.Contains(detail, `2 things match key "same" (IDs x1, t4)`) || !strings.Contains(detail, "HTTP 500") {
		t.Errorf("summary %q, detail %q", summary, detail)
	}
	lc := &client.LostCreateError{Platform: "Test", Object: "thing", Key: `key "a"`, Lost: lost,
		Lookup: &client.APIError{StatusCode: http.StatusBadRequest}}
	summary, detail = Describe(lc, "Test", Create, "thing")
	if summary != "Test thing may have been created" || !strings.Contains(detail, `looking for the thing by key "a" failed`) {
		t.Errorf("summary %q, detail %q", summary, detail)
	}
	summary, detail = Describe(fmt.Errorf("waiting to look: %w", context.DeadlineExceeded), "Test", Create, "thing")
	if summary != "Timed out creating Test thing" || !strings.Contains(detail, "may have made the change") {
		t.Errorf("summary %q, detail %q", summary, detail)
	}
}

// A handshake no retry mends says what is wrong with the certificate, and
// that nothing was sent.
func TestDescribeTLS(t *testing.T) {
	err := &client.TLSError{Platform: "PortSIP", Problem: "certificate is not trusted",
		Fix: "Set portsip.ca_cert_file.", Err: errors.New("x509: certificate signed by unknown authority")}
	summary, detail := Describe(err, "PortSIP", Create, "conference room")
	if summary != "PortSIP certificate is not trusted" || !strings.Contains(detail, "Set portsip.ca_cert_file.") ||
		!strings.Contains(detail, "nothing changed") {
		t.Errorf("summary %q, detail %q", summary, detail)
	}
}
