// Package client is the HTTP core shared by every platform client: retries with
// backoff, Retry-After, per-request timeouts, redacted logging, and one error type
// that carries both the HTTP status and the platform's own error code.
package client

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
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

// IsNotFound reports whether err says that the object does not exist. Resources use
// it in Read to drop the object from state instead of failing the refresh.
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
