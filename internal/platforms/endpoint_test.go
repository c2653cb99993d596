package platforms

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An endpoint that ends in the API's own path, or a leading part of it, is
// read without it; any other path is kept.
func TestCheckEndpointTakesOffTheAPIPath(t *testing.T) {
	tests := []struct {
		pl   *Platform
		in   string
		want string
	}{
		{&PortSIP, "https://pbx.example.com:8900", "https://pbx.example.com:8900"},
		{&PortSIP, "https://pbx.example.com:8900/", "https://pbx.example.com:8900"},
		{&PortSIP, "https://pbx.example.com:8900/api", "https://pbx.example.com:8900"},
		{&PortSIP, "https://pbx.example.com:8900/api/", "https://pbx.example.com:8900"},
		{&PortSIP, "https://gw.example.com/pbx/api", "https://gw.example.com/pbx"},
		{&PortSIP, "https://gw.example.com/pbx", "https://gw.example.com/pbx"},
		{&PortSIP, "https://gw.example.com/rapid", "https://gw.example.com/rapid"},
		{&SQMeeting, "https://meet.example.com/api/v1", "https://meet.example.com"},
		{&SQMeeting, "https://meet.example.com/api", "https://meet.example.com"},
		{&SQMeeting, "https://meet.example.com/v1", "https://meet.example.com/v1"},
		{&LinePlanet, "https://line.example.com/tas/v2/", "https://line.example.com"},
		{&Whereby, "https://api.whereby.dev/v1", "https://api.whereby.dev"},
		{&Whereby, "HTTPS://api.whereby.dev", "https://api.whereby.dev"},
	}
	for _, tc := range tests {
		got, err := tc.pl.CheckEndpoint(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("%s %q: got %q, %v; want %q", tc.pl.Key, tc.in, got, err, tc.want)
		}
		base, _ := tc.pl.BaseURL(tc.in)
		if base != tc.want+tc.pl.APIPath {
			t.Errorf("%s BaseURL(%q) = %q", tc.pl.Key, tc.in, base)
		}
	}
}

// Every refusal quotes the value as written, names the attribute and the
// environment variable, and says what to change.
func TestCheckEndpointQuotesTheValueAsWritten(t *testing.T) {
	tests := []struct{ in, want string }{
		{"pbx.example.com:8900", `has no scheme: write it as "https://pbx.example.com:8900"`},
		{"192.0.2.10:8900", `has no scheme: write it as "https://192.0.2.10:8900"`},
		{"localhost", `has no scheme: write it as "https://localhost"`},
		{"pbx.example.com:8900/api", `has no scheme: write it as "https://pbx.example.com:8900/api"`},
		{"ftp://pbx.example.com", "must start with https://"},
		{"https://", "has no host"},
		{"https://:8900", "has no host"},
		{"https://pbx.example.com/?x=1", "must not have a query"},
		{"https://pbx.example.com/#top", "must not have a query"},
		{"https://pbx example.com", "is not a URL (invalid character"},
		{" https://pbx.example.com\n", "has spaces or line breaks around it"},
	}
	for _, tc := range tests {
		_, err := PortSIP.CheckEndpoint(tc.in)
		if err == nil {
			t.Errorf("%q accepted", tc.in)
			continue
		}
		msg := err.Error()
		for _, want := range []string{fmt.Sprintf("The PortSIP endpoint %q", tc.in), tc.want, "portsip.endpoint or PORTSIP_ENDPOINT"} {
			if !strings.Contains(msg, want) {
				t.Errorf("%q: message lacks %q: %s", tc.in, want, msg)
			}
		}
	}
}

func TestCABundle(t *testing.T) {
	if pem, _, err := PortSIP.CABundle(Values{}); pem != nil || err != nil {
		t.Errorf("no setting: %q, %v", pem, err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(file, []byte("PEM"), 0o600); err != nil {
		t.Fatal(err)
	}
	pem, source, err := PortSIP.CABundle(Values{CACertFile: file})
	if string(pem) != "PEM" || err != nil || source != `portsip.ca_cert_file or PORTSIP_CA_CERT_FILE ("`+file+`")` {
		t.Errorf("file: %q, %q, %v", pem, source, err)
	}
	pem, source, err = SQMeeting.CABundle(Values{CACertPEM: "TEXT"})
	if string(pem) != "TEXT" || err != nil || source != "sqmeeting.ca_cert_pem or SQMEETING_CA_CERT_PEM" {
		t.Errorf("pem: %q, %q, %v", pem, source, err)
	}
	missing := filepath.Join(dir, "missing.pem")
	_, _, err = PortSIP.CABundle(Values{CACertFile: missing})
	if err == nil || !strings.Contains(err.Error(), `"`+missing+`" given in portsip.ca_cert_file or PORTSIP_CA_CERT_FILE`) {
		t.Errorf("missing file: %v", err)
	}
	_, _, err = Whereby.CABundle(Values{CACertFile: file, CACertPEM: "TEXT"})
	if err == nil || !strings.Contains(err.Error(), "WHEREBY_CA_CERT_FILE and WHEREBY_CA_CERT_PEM") {
		t.Errorf("both: %v", err)
	}
}
