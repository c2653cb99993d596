package client

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// tlsServer is an HTTPS test server that counts the connections it accepts,
// so that a test sees how many tries a client made even when none of them
// got as far as a request.
func tlsServer(t *testing.T, tlsOn bool) (srv *httptest.Server, conns *atomic.Int32) {
	t.Helper()
	conns = &atomic.Int32{}
	srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, `{}`)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	if tlsOn {
		srv.StartTLS()
	} else {
		srv.Start()
	}
	t.Cleanup(srv.Close)
	return srv, conns
}

// certPEM is the test server's certificate, which is self-signed: its own CA.
func certPEM(srv *httptest.Server) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
}

var testHints = Hints{Endpoint: "test.endpoint or TEST_ENDPOINT", CA: "test.ca_cert_file or TEST_CA_CERT_FILE"}

func tryOnce(t *testing.T, url string, mod func(*Config)) (*recordSleep, error) {
	t.Helper()
	rs := &recordSleep{}
	cfg := Config{Platform: "Test", BaseURL: url + "/api", MaxRetries: 3, Sleep: rs.sleep, Hints: testHints}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"})
	return rs, err
}

// A certificate that a private CA signed fails on the first try, with the
// settings that trust the CA in the message; nothing was sent.
func TestUnknownAuthorityFailsOnTheFirstTry(t *testing.T) {
	srv, conns := tlsServer(t, true)
	rs, err := tryOnce(t, srv.URL, nil)
	if !IsTLSError(err) || !IsUnreachable(err) || OutcomeUnknown(err) {
		t.Fatalf("err = %v, want a TLSError that never reached the server", err)
	}
	if len(rs.waits) != 0 || conns.Load() != 1 {
		t.Errorf("%d retries over %d connections, want none after the first", len(rs.waits), conns.Load())
	}
	for _, want := range []string{"after 1 try", "certificate signed by unknown authority", testHints.CA, "SSL_CERT_FILE", "insecure_skip_verify"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q: %v", want, err)
		}
	}
}

// With the CA's certificate the same server is trusted; the system's
// authorities stay trusted beside it.
func TestCATrustsThePrivateAuthority(t *testing.T) {
	srv, _ := tlsServer(t, true)
	ca, err := NewCA(certPEM(srv), "test.ca_cert_pem")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tryOnce(t, srv.URL, func(c *Config) { c.CA = ca }); err != nil {
		t.Fatalf("with the CA: %v", err)
	}
	sys, err := x509.SystemCertPool()
	if err == nil && len(sys.Subjects()) > 0 && len(ca.pool.Subjects()) != len(sys.Subjects())+1 { //nolint:staticcheck // counting is all Subjects is used for
		t.Errorf("the pool has %d subjects, want the system's %d and the CA", len(ca.pool.Subjects()), len(sys.Subjects())) //nolint:staticcheck // as above
	}
}

// A bundle that does not hold the server's CA says so, naming where the
// bundle came from.
func TestWrongCANamesTheBundle(t *testing.T) {
	srv, _ := tlsServer(t, true)
	// A bundle that holds some other authority, not the server's.
	ca := &CA{pool: x509.NewCertPool(), Source: `test.ca_cert_file ("/etc/ca.pem")`}
	rs, err := tryOnce(t, srv.URL, func(c *Config) { c.CA = ca })
	if !IsTLSError(err) || len(rs.waits) != 0 || !strings.Contains(err.Error(), `test.ca_cert_file ("/etc/ca.pem")`) {
		t.Fatalf("err = %v after %d retries", err, len(rs.waits))
	}
}

// https:// against a plain-HTTP server fails on the first try and says to
// write http://.
func TestHTTPSAgainstPlainHTTPFailsOnTheFirstTry(t *testing.T) {
	srv, conns := tlsServer(t, false)
	url := strings.Replace(srv.URL, "http://", "https://", 1)
	rs, err := tryOnce(t, url, nil)
	if !IsTLSError(err) || len(rs.waits) != 0 || conns.Load() != 1 {
		t.Fatalf("err = %v after %d retries over %d connections, want a TLSError on the first", err, len(rs.waits), conns.Load())
	}
	plain := srv.URL // http://127.0.0.1:port, without /api
	for _, want := range []string{"server gave HTTP response to HTTPS client", "write the endpoint with http:// (" + plain + ")", testHints.Endpoint} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q: %v", want, err)
		}
	}
}

// A certificate for other names than the endpoint's host fails on the first
// try and lists the names it is for.
func TestHostnameMismatchFailsOnTheFirstTry(t *testing.T) {
	srv, _ := tlsServer(t, true)
	ca, err := NewCA(certPEM(srv), "test")
	if err != nil {
		t.Fatal(err)
	}
	// net/http's test certificate is for 127.0.0.1, ::1 and example.com,
	// not localhost.
	url := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	rs, err := tryOnce(t, url, func(c *Config) { c.CA = ca })
	if !IsTLSError(err) || len(rs.waits) != 0 {
		t.Fatalf("err = %v after %d retries, want a TLSError on the first", err, len(rs.waits))
	}
	for _, want := range []string{"example.com, 127.0.0.1", "must be one that the server's certificate names", testHints.Endpoint, "certificate for localhost"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q: %v", want, err)
		}
	}
}

// A handshake that breaks off (the server closed the connection) may mend:
// it is retried like a refused connection.
func TestBrokenHandshakeIsRetried(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ln.Close() })
	var conns atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			_ = c.Close()
		}
	}()
	rs, err := tryOnce(t, "https://"+ln.Addr().String(), nil)
	if IsTLSError(err) || !IsUnreachable(err) || len(rs.waits) != 3 {
		t.Fatalf("err = %v after %d retries, want unreachable after 3", err, len(rs.waits))
	}
}

// classifyTLS tells apart what no retry mends from what may.
func TestClassifyTLS(t *testing.T) {
	c, err := New(Config{Platform: "Test", BaseURL: "https://pbx.example.com:8900/api", Hints: testHints})
	if err != nil {
		t.Fatal(err)
	}
	cert := &x509.Certificate{DNSNames: []string{"pbx.internal"}}
	tests := []struct {
		name    string
		err     error
		problem string // "" when retried
		fix     string
	}{
		{"plain http", http.ErrSchemeMismatch, "does not answer over TLS", "(http://pbx.example.com:8900)"},
		{"not tls", tls.RecordHeaderError{Msg: "first record does not look like a TLS handshake"}, "does not answer over TLS", "does not answer with TLS"},
		{"unknown authority", &tls.CertificateVerificationError{Err: x509.UnknownAuthorityError{}}, "certificate is not trusted", testHints.CA},
		{"name mismatch", &tls.CertificateVerificationError{Err: x509.HostnameError{Certificate: cert, Host: "pbx.example.com"}}, "certificate does not match the endpoint", "(pbx.internal)"},
		{"expired", &tls.CertificateVerificationError{Err: x509.CertificateInvalidError{Cert: cert, Reason: x509.Expired}}, "certificate is not valid", "renew it"},
		{"refused", &net.OpError{Op: "dial", Err: errors.New("connect: connection refused")}, "", ""},
		{"eof", io.EOF, "", ""},
		{"reset", fmt.Errorf("read: %w", errors.New("connection reset by peer")), "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := c.classifyTLS(tc.err, c.base)
			var te *TLSError
			if !errors.As(got, &te) {
				if tc.problem != "" {
					t.Fatalf("%v is not a TLSError: it would be retried", got)
				}
				return
			}
			if tc.problem == "" {
				t.Fatalf("%v became a TLSError, want it retried", tc.err)
			}
			if te.Problem != tc.problem || !strings.Contains(te.Fix, tc.fix) || !errors.Is(got, tc.err) {
				t.Errorf("got %q / %q, want %q and a fix with %q", te.Problem, te.Fix, tc.problem, tc.fix)
			}
		})
	}
}

func TestNewCARefusesTextWithoutACertificate(t *testing.T) {
	_, err := NewCA([]byte("not a certificate"), "portsip.ca_cert_pem or PORTSIP_CA_CERT_PEM")
	if err == nil || !strings.Contains(err.Error(), "portsip.ca_cert_pem or PORTSIP_CA_CERT_PEM holds no PEM certificate") {
		t.Fatalf("err = %v", err)
	}
}
