package lineplanet

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
)

// optString is a nullable field whose absence differs from null.
type optString struct {
	set   bool
	value *string
}

// input is the create and update body: type, passcode, title, data, all optional.
type input struct {
	typ      *string
	passcode *string
	title    optString
	data     optString
}

// parseInput reads the create and update body and checks it against the
// document. It returns a message for code 400. Only the first JSON value counts:
// an empty body gives every field its default, and text after the object is
// ignored.
func parseInput(body []byte) (input, string) {
	var in input
	var fields map[string]json.RawMessage
	if err := json.NewDecoder(bytes.NewReader(body)).Decode(&fields); err != nil {
		if errors.Is(err, io.EOF) {
			return in, ""
		}
		return in, "request body must be a JSON object: " + err.Error()
	}
	str := func(name string) (*string, bool, string) {
		raw, ok := fields[name]
		if !ok {
			return nil, false, ""
		}
		if string(raw) == "null" {
			return nil, true, ""
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, true, name + " must be a string"
		}
		return &s, true, ""
	}
	var msg string
	if in.typ, _, msg = str("type"); msg != "" {
		return in, msg
	}
	if in.typ != nil {
		if _, ok := lifetimes[*in.typ]; !ok {
			return in, fmt.Sprintf("type must be one of I, S or R; got %q", *in.typ)
		}
	}
	if in.passcode, _, msg = str("passcode"); msg != "" {
		return in, msg
	}
	if in.passcode != nil && !isDigits(*in.passcode, PasscodeDigits) {
		return in, fmt.Sprintf("passcode must be exactly %d digits", PasscodeDigits)
	}
	if in.title.value, in.title.set, msg = str("title"); msg != "" {
		return in, msg
	}
	if in.title.value != nil && utf16Len(*in.title.value) > MaxTitleUnits {
		return in, fmt.Sprintf("title must be at most %d UTF-16 code units", MaxTitleUnits)
	}
	if in.data.value, in.data.set, msg = str("data"); msg != "" {
		return in, msg
	}
	if in.data.value != nil && utf16Len(*in.data.value) > MaxDataUnits {
		return in, fmt.Sprintf("data must be at most %d UTF-16 code units", MaxDataUnits)
	}
	return in, ""
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// utf16Len counts UTF-16 code units: a character outside the Basic Multilingual
// Plane (most emoji) counts as two.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
