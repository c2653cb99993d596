package acctest

import (
	"crypto/tls"
	"net/http"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/testca"
)

// NewTLSEmulator starts an emulator served over HTTPS with a certificate
// that a CA made for this test signed, for hosts (127.0.0.1 and localhost
// when none are given), as a server with a private CA is. The provider
// trusts it only when given the CA's certificate (ca.CertPEM).
func NewTLSEmulator(t testing.TB, hosts ...string) (*Emulator, *testca.CA) {
	t.Helper()
	ca := testca.New(t, hosts...)
	emu, srv := newServer(t, emulator.Options{})
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{ca.Server}, MinVersion: tls.VersionTLS12}
	srv.StartTLS()
	emu.URL = srv.URL
	emu.client = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: ca.Pool(), MinVersion: tls.VersionTLS12}}}
	return emu, ca
}
