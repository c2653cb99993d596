package portsip

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// Error codes. portsip-openapi-conference.json, "Error Handling": codes are all
// caps with underscores; the table documents UNKNOWN and VALIDATE_FAILED, and
// NOTES.md adds UNAUTHORIZED for bad credentials and 404 for unknown IDs. The
// others follow the same convention for conditions the documents leave open.
const (
	CodeUnknown          = "UNKNOWN"
	CodeValidateFailed   = "VALIDATE_FAILED"
	CodeUnauthorized     = "UNAUTHORIZED"
	CodeNotFound         = "NOT_FOUND"
	CodeMethodNotAllowed = "METHOD_NOT_ALLOWED"
	// CodeConflict is for requests that are well-formed but clash with the
	// room's live state: inviting into a locked or full room, a number that is
	// already a participant.
	CodeConflict = "CONFLICT"
)

// APIError is one entry of the error envelope.
type APIError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Detail  any    `json:"detail,omitempty"`
}

// ErrorEnvelope is the body of every 4xx answer:
// {"errors":[{"code":"...","message":"...","detail":...}]}.
type ErrorEnvelope struct {
	Errors []APIError `json:"errors"`
}

// WriteError implements platform.API for injected faults: the status's
// name in UPPER_SNAKE is the code ("Too Many Requests" -> TOO_MANY_REQUESTS), and
// UNKNOWN where the status has no name, as the spec asks clients to expect.
func (a *API) WriteError(w http.ResponseWriter, status int, message string) {
	platform.WriteJSON(w, status, ErrorEnvelope{Errors: []APIError{{Code: codeFor(status), Message: message}}})
}

func codeFor(status int) string {
	switch status {
	case http.StatusBadRequest:
		return CodeValidateFailed
	case http.StatusUnauthorized:
		return CodeUnauthorized
	}
	text := http.StatusText(status)
	if text == "" {
		return CodeUnknown
	}
	return strings.ToUpper(strings.NewReplacer(" ", "_", "-", "_", "'", "").Replace(text))
}

// problems collects every violated constraint of one request, so that a client
// learns about all of them at once (one envelope entry each).
type problems struct {
	errs []APIError
}

// add records a VALIDATE_FAILED entry. detail names the field so that a client
// can map the error to its own attribute.
func (p *problems) add(field, format string, args ...any) {
	e := APIError{Code: CodeValidateFailed, Message: fmt.Sprintf(format, args...)}
	if field != "" {
		e.Detail = map[string]string{"field": field}
	}
	p.errs = append(p.errs, e)
}

func (p *problems) ok() bool { return len(p.errs) == 0 }

// hasField reports whether a problem was recorded for field.
func (p *problems) hasField(field string) bool {
	for _, e := range p.errs {
		if d, ok := e.Detail.(map[string]string); ok && d["field"] == field {
			return true
		}
	}
	return false
}

func (p *problems) reply() reply {
	return reply{Status: http.StatusBadRequest, Body: ErrorEnvelope{Errors: p.errs}}
}

func failure(status int, code, format string, args ...any) reply {
	return reply{Status: status, Body: ErrorEnvelope{Errors: []APIError{{Code: code, Message: fmt.Sprintf(format, args...)}}}}
}

func notFound(kind, id string) reply {
	return failure(http.StatusNotFound, CodeNotFound, "%s %q not found", kind, id)
}

func conflict(format string, args ...any) reply {
	return failure(http.StatusConflict, CodeConflict, format, args...)
}

func invalid(field, format string, args ...any) reply {
	var p problems
	p.add(field, format, args...)
	return p.reply()
}
