package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// runCmd runs the command with args and returns its exit code, standard
// output and standard error.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut, nil)
	return code, out.String(), errOut.String()
}

func TestUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "-out is required"},
		{[]string{"-out", "x.tf", "extra"}, `unexpected argument "extra"`},
		{[]string{"-out", "x.tf", "-name", "("}, "-name: error parsing regexp"},
		{[]string{"-out", "x.tf", "-line-room", "just-a-room"}, "want ROOM_SERVICE_ID/ROOM_ID"},
		{[]string{"-no-such-flag"}, "flag provided but not defined"},
	} {
		code, _, stderr := runCmd(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want exit 2 and %q", c.args, code, stderr, c.want)
		}
	}
	if code, stdout, _ := runCmd(t, "-version"); code != 0 || stdout != "conference-export dev\n" {
		t.Errorf("-version: exit %d, %q", code, stdout)
	}
	if code, _, stderr := runCmd(t, "-h"); code != 0 || !strings.Contains(stderr, "Usage: conference-export -out imports.tf") {
		t.Errorf("-h: exit %d, %q", code, stderr)
	}
}

// The command writes the file, says what it wrote, and fails without
// writing when a platform answers with an error.
func TestWritesTheFileOrNothing(t *testing.T) {
	emu := acctest.NewEmulator(t)
	est := emu.SeedEstate(t)
	emu.SetEnvironment(t)
	out := filepath.Join(t.TempDir(), "imports.tf")
	code, _, stderr := runCmd(t, "-out", out, "-line-room", est.LineRooms[0], "-platform", "lineplanet", "-platform", "whereby")
	if code != 0 || !strings.Contains(stderr, "Wrote 3 import blocks to "+out+" (conference_line_meeting_id 1, conference_whereby_meeting 2).") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || strings.Count(string(data), "import {") != 3 {
		t.Fatalf("%s holds %d import blocks (%v)", out, strings.Count(string(data), "import {"), err)
	}
	code, stdout, _ := runCmd(t, "-out", "-", "-type", "conference_portsip_server")
	if code != 0 || strings.Count(stdout, "import {") != 1 {
		t.Errorf("-out -: exit %d, %q", code, stdout)
	}

	t.Setenv("WHEREBY_API_KEY", "not-the-key")
	if err := os.Remove(out); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCmd(t, "-out", out, "-platform", "whereby")
	if _, err := os.Stat(out); code != 1 || !strings.Contains(stderr, "Whereby: ") || !os.IsNotExist(err) {
		t.Errorf("with a wrong key: exit %d, %q, file: %v", code, stderr, err)
	}
}
