package client

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Redacted replaces every secret value in logs.
const Redacted = "***"

// secretKeys are JSON fields, query parameters and headers whose values never reach
// a log, whatever the platform. Matching is case-insensitive and ignores "_" and "-",
// so "admin_pin", "adminPin" and "Admin-Pin" are all caught.
var secretKeys = map[string]bool{
	"authorization":   true,
	"password":        true,
	"secret":          true,
	"token":           true,
	"accesstoken":     true,
	"refreshtoken":    true,
	"usertoken":       true,
	"apikey":          true,
	"apisecret":       true,
	"adminpin":        true,
	"roompin":         true,
	"pin":             true,
	"passcode":        true,
	"meetingpassword": true,
	"hostroomurl":     true,
	"hosturl":         true,
	"cookie":          true,
	"setcookie":       true,
	"xapikey":         true,
	"clientsecret":    true,
	// SQMeeting: the client_id travels with the token in every query, the
	// sign-in and password-change secrets are password hashes, and a live
	// stream has its own password.
	"clientid":        true,
	"secretold":       true,
	"secretnew":       true,
	"livepasscode":    true,
	"livepassword":    true,
	"accesskeysecret": true, // Whereby's S3 recording and transcription destinations
}

func normalizeKey(k string) string {
	k = strings.ToLower(k)
	k = strings.ReplaceAll(k, "_", "")
	return strings.ReplaceAll(k, "-", "")
}

// IsSecretKey reports whether values under this field name are redacted.
func IsSecretKey(k string) bool { return secretKeys[normalizeKey(k)] }

// RedactHeaders returns a copy of h fit for logging.
func RedactHeaders(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for k, v := range h {
		if IsSecretKey(k) {
			out[k] = Redacted
			continue
		}
		out[k] = strings.Join(v, ", ")
	}
	return out
}

// RedactURL masks secret query parameters (SQMeeting carries its token there).
func RedactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.User = nil
	q := c.Query()
	changed := false
	for k := range q {
		if IsSecretKey(k) {
			q[k] = []string{Redacted}
			changed = true
		}
	}
	if changed {
		c.RawQuery = q.Encode()
	}
	return c.String()
}

// RedactBody masks secret fields at any depth of a JSON body. A body that is not
// JSON is not logged at all: it could be anything, secrets included.
func RedactBody(body []byte) string { return redactBody(body, nil) }

// secretFieldSet is the normalized set of a platform's own secret field names
// (Config.SecretFields).
func secretFieldSet(names []string) map[string]bool {
	if len(names) == 0 {
		return nil
	}
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[normalizeKey(n)] = true
	}
	return set
}

// redactBody is RedactBody that also masks the fields in extra.
func redactBody(body []byte, extra map[string]bool) string {
	if len(bytes.TrimSpace(body)) == 0 {
		return ""
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return "<non-JSON body omitted>"
	}
	out, err := json.Marshal(redactValue(v, extra))
	if err != nil {
		return "<body omitted>"
	}
	return string(out)
}

func redactValue(v any, extra map[string]bool) any {
	switch t := v.(type) {
	case map[string]any:
		for k, val := range t {
			if (IsSecretKey(k) || extra[normalizeKey(k)]) && val != nil {
				t[k] = Redacted
				continue
			}
			t[k] = redactValue(val, extra)
		}
		return t
	case []any:
		for i := range t {
			t[i] = redactValue(t[i], extra)
		}
		return t
	default:
		return v
	}
}

// lazyBody redacts only when a log line is actually written: the TRACE fields are
// built for every request, and redacting a large list body costs far more than
// the request's own decoding when TRACE is off. It is a struct, not a named
// []byte, because hclog renders slices element by element without asking for
// String: the raw bytes, secrets and all, would reach the log.
type lazyBody struct {
	b     []byte
	extra map[string]bool // the platform's own secret fields
}

func (l lazyBody) String() string { return redactBody(l.b, l.extra) }

func (l lazyBody) MarshalJSON() ([]byte, error) { return json.Marshal(redactBody(l.b, l.extra)) }

// lazyHeaders is lazyBody for headers.
type lazyHeaders struct{ h http.Header }

func (l lazyHeaders) String() string { return fmt.Sprint(RedactHeaders(l.h)) }

func (l lazyHeaders) MarshalJSON() ([]byte, error) { return json.Marshal(RedactHeaders(l.h)) }
