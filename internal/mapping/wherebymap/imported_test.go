package wherebymap

import "testing"

// Room names as the Whereby document shows them, "/" + prefix + the
// generated part, and names that show neither part.
func TestRoomNameParts(t *testing.T) {
	for _, tc := range []struct {
		name, prefix, pattern string
		ok                    bool
	}{
		{"/4b3bd908-cb88-11ec-9d64-0242ac120002", "", "uuid", true},
		{"/room-prefix-793e9ec1-c686-423d-9043-9b7a10c553fd", "room-prefix-", "uuid", true},
		{"/team-k7m2xq", "team-", "human-short", true},
		{"/k7m2xq", "", "human-short", true},
		// A uuid ends in six characters too: the longer shape wins.
		{"/a-0242ac120002", "a-0242ac", "human-short", true},
		{"", "", "", false},
		{"team-k7m2xq", "", "", false},
		{"/ab", "", "", false},
	} {
		prefix, pattern, ok := roomNameParts(tc.name)
		if prefix != tc.prefix || pattern != tc.pattern || ok != tc.ok {
			t.Errorf("%q: %q %q %v, want %q %q %v", tc.name, prefix, pattern, ok, tc.prefix, tc.pattern, tc.ok)
		}
	}
}
