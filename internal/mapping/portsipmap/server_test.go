package portsipmap

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
)

// Read keeps the configured spelling of an address the PBX writes another
// way, by the same rule a create's lookup finds the server with
// (portsip.SameAddress), so that the next plan shows no diff.
func TestServerFromAPIKeepsTheAddressSpelling(t *testing.T) {
	m := Server{IPv4: types.StringValue("192.0.2.1"), IPv6: types.StringValue("2001:db8:0::1")}
	m.FromAPI(context.Background(), &portsip.Server{ID: "s1", Name: "edge", IPv4: "192.0.2.2", IPv6: "2001:db8::1"}, nil)
	if m.IPv6.ValueString() != "2001:db8:0::1" {
		t.Errorf("ipv6 = %s, want the configured 2001:db8:0::1", m.IPv6)
	}
	if m.IPv4.ValueString() != "192.0.2.2" {
		t.Errorf("ipv4 = %s, want the PBX's 192.0.2.2 (another address)", m.IPv4)
	}
	m.FromAPI(context.Background(), &portsip.Server{ID: "s1", Name: "edge", IPv6: "2001:db8::1"}, nil)
	if !m.IPv4.IsNull() {
		t.Errorf("ipv4 = %s, want null when the PBX has none", m.IPv4)
	}
}
