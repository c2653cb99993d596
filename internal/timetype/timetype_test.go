package timetype

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/path"
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

func TestValidateAttribute(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2030-07-21T19:32:28+02:00", ""},
		{"2027-02-30T09:00:00Z", "start_time must be a time that exists; 2027-02-30 does not exist: February 2027 has 28 days."},
		{"2030-07-21T25:00:00Z", "start_time must be a time that exists; 25:00:00 is not a time of day: hours are 00 to 23."},
		{"2030-07-21 09:00", `start_time must be an RFC 3339 time such as "2030-07-21T17:32:28Z" or "2030-07-21T19:32:28+02:00"; got "2030-07-21 09:00".`},
	}
	for _, tc := range tests {
		req := xattr.ValidateAttributeRequest{Path: path.Root("start_time")}
		var resp xattr.ValidateAttributeResponse
		NewValue(tc.in).ValidateAttribute(context.Background(), req, &resp)
		got := ""
		if resp.Diagnostics.HasError() {
			got = resp.Diagnostics[0].Detail()
		}
		if got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}
