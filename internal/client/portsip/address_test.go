package portsip

import "testing"

func TestSameAddress(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"2001:db8:0::1", "2001:db8::1", true}, // a zero group written out or compressed
		{"2001:db8::1", "2001:DB8::1", true},
		{"2001:db8:0:0:0:0:0:1", "2001:db8::1", true},
		{"2001:db8::1", "2001:db8::2", false},
		{"192.0.2.1", "192.0.2.1", true},
		{"192.0.2.1", "192.0.2.10", false},
		{"::ffff:192.0.2.1", "192.0.2.1", false}, // an IPv6 field is not an IPv4 one
		{"", "", true},
		{"", "192.0.2.1", false},
		{"not an address", "NOT AN ADDRESS", false},
	} {
		if got := SameAddress(c.a, c.b); got != c.want {
			t.Errorf("SameAddress(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := SameAddress(c.b, c.a); got != c.want {
			t.Errorf("SameAddress(%q, %q) = %v, want %v", c.b, c.a, got, c.want)
		}
	}
}
