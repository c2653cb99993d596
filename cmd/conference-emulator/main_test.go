package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
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
	bin := buildEmulator(t)
	urlFile := filepath.Join(dir, "url")
	state := filepath.Join(dir, "state.json")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-addr", "127.0.0.1:0", "-url-file", urlFile, "-state-file", state)
	var logs processLog
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	base := waitURL(t, urlFile, &logs)
	resp, err := http.Get(base + "/_emulator/health")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("health: %v %v", err, resp)
	}
	resp.Body.Close()
	// The administrator and the default standard users sign in.
	for _, body := range []string{
		`{"username":"admin","password":"emulator-password"}`,
		`{"username":"alice","password":"alice-password"}`,
	} {
		resp, err = http.Post(base+"/api/auth/sign_in", "application/json", strings.NewReader(body))
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("sign in %s: %v %v", body, err, resp)
		}
		resp.Body.Close()
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit after SIGTERM: %v; logs:\n%s", err, logs.String())
	}
	if !strings.Contains(logs.String(), "path=/api/auth/sign_in") {
		t.Errorf("request not logged:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "emulator-password") || strings.Contains(logs.String(), "alice-password") {
		t.Errorf("password in the request log:\n%s", logs.String())
	}
	if _, err := os.Stat(state); err != nil {
		t.Errorf("state file not saved on shutdown: %v", err)
	}
}

// buildEmulator builds the command into a temporary directory.
func buildEmulator(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "conference-emulator")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// waitURL waits for a starting emulator to write its URL to urlFile.
func waitURL(t *testing.T, urlFile string, logs fmt.Stringer) string {
	t.Helper()
	for range 200 {
		if b, err := os.ReadFile(urlFile); err == nil && len(b) > 0 && b[len(b)-1] == '\n' {
			return strings.TrimSpace(string(b))
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("no URL written; logs:\n%s", logs.String())
	return ""
}

func TestRejectsUnknownFlags(t *testing.T) {
	if err := run([]string{"-no-such-flag"}); err == nil {
		t.Fatal("an unknown flag was accepted")
	}
}

func TestPortSIPUsers(t *testing.T) {
	for _, c := range []struct {
		name    string
		flags   []string
		env     *string
		want    map[string]string
		wantErr string
	}{
		{name: "defaults", want: nil},
		{name: "flags", flags: []string{"carol=c", "dave=d=e"}, want: map[string]string{"carol": "c", "dave": "d=e"}},
		{name: "env", env: ptr(" carol=c, dave=d "), want: map[string]string{"carol": "c", "dave": "d"}},
		{name: "flags win over env", flags: []string{"carol=c"}, env: ptr("dave=d"), want: map[string]string{"carol": "c"}},
		{name: "empty env: none", env: ptr(""), want: map[string]string{}},
		{name: "no password", flags: []string{"carol="}, wantErr: "want NAME=PASSWORD"},
		{name: "no name", env: ptr("=x"), wantErr: "EMULATOR_PORTSIP_USERS: want NAME=PASSWORD"},
		{name: "no equals", flags: []string{"carol"}, wantErr: "want NAME=PASSWORD"},
		{name: "twice", flags: []string{"carol=a", "carol=b"}, wantErr: `user "carol" is given twice`},
		{name: "the admin", flags: []string{"admin=x"}, wantErr: `"admin" is the administrator`},
		{name: "long name", flags: []string{strings.Repeat("n", 65) + "=x"}, wantErr: "longer than 64 characters"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.env != nil {
				t.Setenv("EMULATOR_PORTSIP_USERS", *c.env)
			} else {
				// t.Setenv restores the variable afterwards; unset it for
				// this test.
				t.Setenv("EMULATOR_PORTSIP_USERS", "")
				os.Unsetenv("EMULATOR_PORTSIP_USERS")
			}
			u := userFlag{entries: c.flags}
			got, err := u.resolve("admin")
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, c.wantErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %v, %v; want %v", got, err, c.want)
			}
		})
	}
	if err := run([]string{"-portsip-user", "oops"}); err == nil || !strings.Contains(err.Error(), "want NAME=PASSWORD") {
		t.Errorf("run with a bad -portsip-user: %v", err)
	}
}

func ptr[T any](v T) *T { return &v }

func TestRejectsBadSeedFlags(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "seed.json")
	if err := os.WriteFile(bad, []byte(`{"whereby": {"meetings": [{"endDate": "2000-01-01T00:00:00Z"}]}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-fault-seed", "seven"}, "-fault-seed: want an integer"},
		{[]string{"-seed", filepath.Join(t.TempDir(), "missing.json")}, "-seed:"},
		{[]string{"-seed", bad}, "whereby: meetings[0]: refused with HTTP 400"},
	} {
		if err := run(c.args); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("run %v: %v, want an error containing %q", c.args, err, c.want)
		}
	}
}

func TestRejectsUnknownTimeZone(t *testing.T) {
	err := run([]string{"-sqmeeting-timezone", "Mars/Olympus_Mons"})
	if err == nil || !strings.Contains(err.Error(), "sqmeeting-timezone") {
		t.Fatalf("an unknown zone was accepted: %v", err)
	}
}
