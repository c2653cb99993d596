package sqmeeting

import (
	"fmt"
	"net/http"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// Error codes. The document gives only the envelope, {"error","errorCode"};
// the sign-in codes are the vendor clients' (FrtcSignViewController.m,
// MainActivity.java) and NOTES.md's. The vendor's codes are eight hex digits
// grouped by module, 0x....X000 for a module's failure and 0x....X001 for a
// bad parameter (FRecordAndStreaming.h: 0x0000f000, 0x0000f001, ...), and
// 0x10002001 for a meeting that does not exist. The emulator follows that
// scheme for the conditions the vendor's code lists leave open.
const (
	// CodeSignInFailed: the username is unknown ("Invalid username or
	// password").
	CodeSignInFailed = "0x00003000"
	// CodeLocked: too many failed sign-ins; the account is locked for
	// LockoutDuration ("User has been locked, please retry after 5 minutes").
	CodeLocked = "0x00003001"
	// CodeDisabled: an administrator locked the account ("User has been
	// locked, please contact administrator").
	CodeDisabled = "0x00003002"
	// CodeWrongPassword: the secret does not match and the account is not
	// locked yet.
	CodeWrongPassword = "0x00003003"
	// CodeUnauthorized: the token is missing, unknown, expired or was issued
	// to another client_id.
	CodeUnauthorized = "0x00002000"
	// CodeBadClientID: client_id is missing or not a UUID.
	CodeBadClientID = "0x00002001"
	// CodeInvalidParameter: a body or query parameter breaks a rule.
	CodeInvalidParameter = "0x00004001"
	// CodeNotUpdatable: "for instant meeting can not be updated".
	CodeNotUpdatable = "0x00004002"
	// CodeForbidden: the meeting belongs to someone else.
	CodeForbidden = "0x00004003"
	// CodeNotFound: no such meeting or recurrence (the vendor's "not exist").
	CodeNotFound = "0x10002001"
)

// ErrorEnvelope is the body of every failure:
// {"error": "{error_meesage}", "errorCode": "{error_code}"}.
type ErrorEnvelope struct {
	Error     string `json:"error"`
	ErrorCode string `json:"errorCode"`
}

// statusCode is the code of an answer the API's own codes do not cover
// (unknown path, wrong method, injected faults): the HTTP status in the
// vendor's eight-digit form, 404 -> "0x00000404".
func statusCode(status int) string { return fmt.Sprintf("0x%08d", status) }

// WriteError implements platform.API for injected faults.
func (a *API) WriteError(w http.ResponseWriter, status int, message string) {
	platform.WriteJSON(w, status, ErrorEnvelope{Error: message, ErrorCode: statusCode(status)})
}

func failure(status int, code, format string, args ...any) reply {
	return platform.JSON(status, ErrorEnvelope{Error: fmt.Sprintf(format, args...), ErrorCode: code})
}

func invalid(format string, args ...any) reply {
	return failure(http.StatusBadRequest, CodeInvalidParameter, format, args...)
}

func unauthorized(format string, args ...any) reply {
	return failure(http.StatusUnauthorized, CodeUnauthorized, format, args...)
}

func notFound(kind, id string) reply {
	return failure(http.StatusNotFound, CodeNotFound, "%s %q does not exist", kind, id)
}

func forbidden(format string, args ...any) reply {
	return failure(http.StatusForbidden, CodeForbidden, format, args...)
}
