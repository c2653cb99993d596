package main

import (
	"context"
	"crypto/tls"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/testca"
)

// With a certificate and its key (here from EMULATOR_TLS_CERT and
// EMULATOR_TLS_KEY), the emulator serves HTTPS on its address and on each
// platform's own, and writes an https:// URL.
func TestServesHTTPS(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	ca := testca.New(t)
	_, certFile, keyFile := ca.Files(t)
	urlFile := filepath.Join(t.TempDir(), "url")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, buildEmulator(t), "-addr", "127.0.0.1:0", "-url-file", urlFile,
		"-platform-addr", "whereby=127.0.0.1:0")
	cmd.Env = append(os.Environ(), "EMULATOR_TLS_CERT="+certFile, "EMULATOR_TLS_KEY="+keyFile)
	var logs processLog
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Signal(syscall.SIGTERM); _ = cmd.Wait() }()
	base := waitURL(t, urlFile, &logs)
	if !strings.HasPrefix(base, "https://127.0.0.1:") {
		t.Fatalf("URL %q, want https://", base)
	}
	m := regexp.MustCompile(`platform=whereby url=(\S+)`).FindStringSubmatch(logs.String())
	if m == nil || !strings.HasPrefix(m[1], "https://") {
		t.Fatalf("the Whereby address is not served over HTTPS; logs:\n%s", logs.String())
	}
	trusting := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: ca.Pool(), MinVersion: tls.VersionTLS12}}}
	for _, u := range []string{base + "/_emulator/health", m[1] + "/v1/meetings"} {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		req.Header.Set("Authorization", "Bearer emulator-key")
		resp, err := trusting.Do(req)
		if err != nil {
			t.Fatalf("GET %s with the test CA: %v", u, err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: HTTP %d", u, resp.StatusCode)
		}
	}
	// Plain HTTP is not served beside it.
	resp, err := http.Get(strings.Replace(base, "https://", "http://", 1) + "/_emulator/health")
	if err == nil {
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			t.Error("plain HTTP was answered on the HTTPS address")
		}
	}
}

func TestTLSFlagsComeTogether(t *testing.T) {
	t.Setenv("EMULATOR_TLS_CERT", "")
	t.Setenv("EMULATOR_TLS_KEY", "")
	dir := t.TempDir()
	if err := run([]string{"-tls-cert", filepath.Join(dir, "cert.pem")}); err == nil || !strings.Contains(err.Error(), "-tls-cert and -tls-key come together") {
		t.Errorf("-tls-cert alone: %v", err)
	}
	err := run([]string{"-tls-cert", filepath.Join(dir, "cert.pem"), "-tls-key", filepath.Join(dir, "key.pem")})
	if err == nil || !strings.Contains(err.Error(), "cert.pem") {
		t.Errorf("missing files: %v", err)
	}
}
