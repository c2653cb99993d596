// Package client is the HTTP core shared by every platform client: retries with
// backoff, Retry-After, per-request timeouts, redacted logging, and one error type
// that carries both the HTTP status and the platform's own error code.
package client

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// APIError is a response that the platform rejected. Platform clients fill Code
// and Message from the vendor's own error envelope so that diagnostics read like
// "VALIDATE_FAILED: capacity must be between 1 and 200 (HTTP 400)".
type APIError struct {
	Platform   string
	StatusCode int
	Code       string
	Message    string
	// Detail is whatever extra context the envelope carried, already rendered.
	Detail string
}

func (e *APIError) Error() string {
	var b strings.Builder
	if e.Code != "" {
		b.WriteString(e.Code)
		b.WriteString(": ")
	}
	msg := e.Message
	if msg == "" {
		msg = http.StatusText(e.StatusCode)
	}
	b.WriteString(msg)
	if e.Detail != "" {
		b.WriteString(" (")
		b.WriteString(e.Detail)
		b.WriteString(")")
	}
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.StatusCode)
	}
	return b.String()
}

// IsNotFound reports whether err says that the object does not exist, which
// a caller reading or deleting an object takes as an answer, not a failure.
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound
}

// StatusCode returns the HTTP status carried by err, or 0.
func StatusCode(err error) int {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode
	}
	return 0
}

// UnreachableError is a call that never reached the platform: its last try,
// and the ones before it that failed the same way, could not send the request
// (connection refused, DNS failure, TLS handshake failure, no route). Such a
// request is retried whatever its method, since the platform cannot have
// acted on it; this error is what is left when the retries ran out.
type UnreachableError struct {
	Platform string
	// URL is the endpoint, redacted.
	URL      string
	Attempts int
	Elapsed  time.Duration
	// Err is the last try's error.
	Err error
}

func (e *UnreachableError) Error() string {
	tries := "tries"
	if e.Attempts == 1 {
		tries = "try"
	}
	what := "could not be reached"
	if IsTLSError(e.Err) {
		what = "gave no secure connection"
	}
	return fmt.Sprintf("%s %s at %s after %d %s over %s: %v",
		e.Platform, what, e.URL, e.Attempts, tries, e.Elapsed.Round(time.Millisecond), e.Err)
}

func (e *UnreachableError) Unwrap() error { return e.Err }

// IsUnreachable reports whether err is a call that never reached the
// platform (see UnreachableError).
func IsUnreachable(err error) bool {
	var u *UnreachableError
	return errors.As(err, &u)
}

// IsTimeout reports whether err is a call that ran out of time: the
// operation's deadline, or the per-request timeout, passed before an answer.
func IsTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// OutcomeUnknown reports whether err leaves it unknown whether the platform
// acted on the request: the request was sent, and what came back was no clear
// answer — a 5xx (a 503 included: see retryDelay), a connection that broke
// before the answer, or no answer in time. A create that fails so may have
// made its object all the same (see Adopt). A request that never reached the
// platform, and one it refused with a 4xx, changed nothing.
func OutcomeUnknown(err error) bool {
	if err == nil || IsUnreachable(err) {
		return false
	}
	var te *transportError
	if errors.As(err, &te) {
		return !te.unsent
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode >= 500
	}
	return false
}

// RefusedError is a platform's refusal of the credentials, remembered for the
// rest of the run and given to every later call without asking again.
type RefusedError struct {
	Platform string
	// Hint names what to correct (see Credentials).
	Hint string
	// Err is the platform's answer to the first try.
	Err error
}

func (e *RefusedError) Error() string {
	fix := "Correct the credentials"
	if e.Hint != "" {
		fix = "Correct " + e.Hint
	}
	return fmt.Sprintf("%s refused the credentials: %v. %s. They are not sent again in this run, so that an account with a lockout policy is not locked.",
		e.Platform, e.Err, fix)
}

func (e *RefusedError) Unwrap() error { return e.Err }

// IsRefused reports whether err is a refusal of the credentials.
func IsRefused(err error) bool {
	var re *RefusedError
	return errors.As(err, &re)
}
