package timetype

import (
	"context"
	"testing"
)

func TestSemanticEquality(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"2030-03-02T16:00:00+01:00", "2030-03-02T15:00:00Z", true},
		{"2030-03-02T15:00:00Z", "2030-03-02T15:00:00.000Z", true},
		{"2030-03-02T15:00:00Z", "2030-03-02T15:00:01Z", false},
		{"2030-03-02T16:00:00+01:00", "2030-03-02T16:00:00Z", false},
	} {
		got, diags := NewValue(tc.a).StringSemanticEquals(ctx, NewValue(tc.b))
		if diags.HasError() || got != tc.want {
			t.Errorf("%s == %s: got %v (%v), want %v", tc.a, tc.b, got, diags, tc.want)
		}
	}
}
