package datasources

import "testing"

// The extension lookup puts user input into an OData filter: a quote must not
// end the literal early.
func TestPortSIPODataString(t *testing.T) {
	for in, want := range map[string]string{
		"8100":            `'8100'`,
		"":                `''`,
		"O'Brien":         `'O''Brien'`,
		"x' or name ne '": `'x'' or name ne '''`,
	} {
		if got := portsipODataString(in); got != want {
			t.Errorf("portsipODataString(%q) = %s, want %s", in, got, want)
		}
	}
}
