package export

import (
	"context"
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// conference-export reads each platform's CA bundle from the environment, as
// the provider does, and without it stops at the first request with the
// variables to set.
func TestRunWithAPrivateCA(t *testing.T) {
	emu, ca := acctest.NewTLSEmulator(t)
	emu.SetEnvironment(t)
	if _, err := Run(context.Background(), Options{}); err == nil ||
		!strings.Contains(err.Error(), "PORTSIP_CA_CERT_FILE") || !strings.Contains(err.Error(), "after 1 try") {
		t.Fatalf("without the CA: %v", err)
	}
	for _, pl := range platforms.All {
		t.Setenv(pl.Setting(platforms.CACertPEM).Env, string(ca.CertPEM))
	}
	if _, err := Run(context.Background(), Options{}); err != nil {
		t.Fatalf("with the CA: %v", err)
	}
}
