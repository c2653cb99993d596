package lineplanet

import (
	"net/http"
	"strconv"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// Error codes of "API v2 - Error handling" that the emulator answers.
const (
	codeBadRequest       = 400
	codeUnauthorized     = 401
	codeNotFound         = 404
	codeAlreadyExists    = 405
	codeTooManyRequests  = 429
	codeTypeNotConverted = 435
)

// successBody is NOTES.md's success envelope: {"status":"success","data":...,"timestamp":ms}.
type successBody struct {
	Status    string `json:"status"`
	Data      any    `json:"data"`
	Timestamp int64  `json:"timestamp"`
}

// errorBody is NOTES.md's error envelope:
// {"status":"error","message":"...","code":"NNN","data":{},"timestamp":ms}.
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

// success is data in the success envelope, HTTP 200.
func (a *API) success(data any) platform.Reply {
	return platform.JSON(http.StatusOK, successBody{Status: "success", Data: data, Timestamp: a.clock.Now().UnixMilli()})
}

// failure is code in the error envelope. NOTES.md: the HTTP status is the code
// where that is a standard status, 400 for 435 and 500 for 520.
func (a *API) failure(code int, message string) platform.Reply {
	return platform.JSON(httpStatus(code), errorEnvelope(code, message, a.clock.Now()))
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

// WriteError implements platform.API for injected faults: the error
// envelope with the status as its code.
func (a *API) WriteError(w http.ResponseWriter, status int, message string) {
	platform.WriteJSON(w, status, errorEnvelope(status, message, a.clock.Now()))
}
