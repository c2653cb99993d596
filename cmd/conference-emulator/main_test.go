package main

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServesAndStopsCleanly runs the real binary: it must serve on the address it
// is given, write its URL, and on SIGTERM shut down with exit status 0 and save
// its state file.
func TestServesAndStopsCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "conference-emulator")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	urlFile := filepath.Join(dir, "url")
	state := filepath.Join(dir, "state.json")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-addr", "127.0.0.1:0", "-url-file", urlFile, "-state-file", state)
	var logs strings.Builder
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var base string
	for i := 0; i < 100 && base == ""; i++ {
		if b, err := os.ReadFile(urlFile); err == nil && len(b) > 0 {
			base = strings.TrimSpace(string(b))
		} else {
			time.Sleep(50 * time.Millisecond)
		}
	}
	if base == "" {
		t.Fatalf("no URL written; logs:\n%s", logs.String())
	}
	resp, err := http.Get(base + "/_emulator/health")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("health: %v %v", err, resp)
	}
	resp.Body.Close()
	resp, err = http.Post(base+"/api/auth/sign_in", "application/json",
		strings.NewReader(`{"username":"admin","password":"emulator-password"}`))
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("sign in: %v %v", err, resp)
	}
	resp.Body.Close()

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit after SIGTERM: %v; logs:\n%s", err, logs.String())
	}
	if !strings.Contains(logs.String(), "path=/api/auth/sign_in") {
		t.Errorf("request not logged:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "emulator-password") {
		t.Errorf("password in the request log:\n%s", logs.String())
	}
	if _, err := os.Stat(state); err != nil {
		t.Errorf("state file not saved on shutdown: %v", err)
	}
}

func TestRejectsUnknownFlags(t *testing.T) {
	if err := run([]string{"-no-such-flag"}); err == nil {
		t.Fatal("an unknown flag was accepted")
	}
}

func TestRejectsUnknownTimeZone(t *testing.T) {
	err := run([]string{"-sqmeeting-timezone", "Mars/Olympus_Mons"})
	if err == nil || !strings.Contains(err.Error(), "sqmeeting-timezone") {
		t.Fatalf("an unknown zone was accepted: %v", err)
	}
}
