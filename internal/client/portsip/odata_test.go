package portsip

import "testing"

// Lookups put user input into an OData filter: a quote must not end the
// literal early.
func TestODataString(t *testing.T) {
	for in, want := range map[string]string{
		"8100":            `'8100'`,
		"":                `''`,
		"O'Brien":         `'O''Brien'`,
		"x' or name ne '": `'x'' or name ne '''`,
	} {
		if got := ODataString(in); got != want {
			t.Errorf("ODataString(%q) = %s, want %s", in, got, want)
		}
	}
}
