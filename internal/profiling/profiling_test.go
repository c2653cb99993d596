package profiling

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestStart_offWithoutEnv(t *testing.T) {
	t.Setenv(Env, "")
	stop, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

func TestStart_writesProfileAndPeakRSS(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(Env, dir)
	stop, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(dir, strconv.Itoa(os.Getpid()))
	if st, err := os.Stat(base + ".pprof"); err != nil || st.Size() == 0 {
		t.Fatalf("no CPU profile: %v", err)
	}
	if _, ok := peakRSS(); !ok {
		return
	}
	raw, err := os.ReadFile(base + ".rss")
	if err != nil {
		t.Fatal(err)
	}
	if n, err := strconv.ParseInt(strings.TrimSpace(string(raw)), 10, 64); err != nil || n <= 0 {
		t.Fatalf("peak RSS = %q, want a positive number of bytes", raw)
	}
}
