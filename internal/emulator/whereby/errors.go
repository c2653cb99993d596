package whereby

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// The document's descriptions of its error responses (whereby-openapi.json,
// components/responses). They declare no body, so the emulator sends the
// description as the message of its one error shape.
const (
	msgUnauthorized = "Access token is missing or invalid"
	msgNotFound     = "The requested resource doesn't exist"
)

// Error is the body of every error answer: {"error":"...","data":{...}}, the
// document's ThrottleError schema, which is the only error body it gives.
// Data is set on 429 only.
type Error struct {
	Error string     `json:"error"`
	Data  *ErrorData `json:"data,omitempty"`
}

// ErrorData is ThrottleError's "Extra info about the rate limit".
type ErrorData struct {
	// MSLeft is "Milliseconds left until rate limit is finished. Wait this long
	// until trying again."
	MSLeft int64 `json:"msLeft"`
}

func failure(status int, format string, args ...any) reply {
	return platform.JSON(status, Error{Error: fmt.Sprintf(format, args...)})
}

func badRequest(format string, args ...any) reply {
	return failure(http.StatusBadRequest, format, args...)
}

func notFound(format string, args ...any) reply {
	return failure(http.StatusNotFound, msgNotFound+": "+format, args...)
}

// WriteError implements platform.API for injected faults. An injected 429
// carries data.msLeft like a real one, taken from the Retry-After header the
// fault sets (0 when it sets none).
func (a *API) WriteError(w http.ResponseWriter, status int, message string) {
	body := Error{Error: message}
	if status == http.StatusTooManyRequests {
		secs, _ := strconv.Atoi(strings.TrimSpace(w.Header().Get("Retry-After")))
		body.Data = &ErrorData{MSLeft: int64(max(secs, 0)) * 1000}
	}
	platform.WriteJSON(w, status, body)
}
