package providerdata

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

type fakeClient struct{}

func TestClientReportsOnlyTheProblemsOfItsPlatform(t *testing.T) {
	data := New(
		map[string]any{platforms.Whereby.Key: &fakeClient{}},
		map[string][]platforms.Problem{platforms.PortSIP.Key: {{Summary: "Missing PortSIP token, or username and password", Detail: "The PortSIP username is missing: set portsip.username or PORTSIP_USERNAME."}}},
	)

	var diags diag.Diagnostics
	if c := Client[*fakeClient](data, &platforms.Whereby, &diags); c == nil || diags.HasError() {
		t.Fatalf("Whereby: %v, %v: another platform's problems must not fail it", c, diags)
	}

	Client[*fakeClient](data, &platforms.PortSIP, &diags)
	if len(diags) != 1 || diags[0].Summary() != "Missing PortSIP token, or username and password" ||
		!strings.Contains(diags[0].Detail(), "portsip.username or PORTSIP_USERNAME") {
		t.Errorf("PortSIP: %v", diags)
	}

	diags = nil
	Client[*fakeClient](data, &platforms.SQMeeting, &diags)
	if len(diags) != 1 || diags[0].Summary() != "SQMeeting is not configured" {
		t.Errorf("SQMeeting, with nothing set: %v", diags)
	}
}
