package main

import (
	"strings"
	"testing"
	"time"
)

// TestLoadSmoke runs a small load, so that the program keeps working and its
// checks keep passing between benchmark runs; speed is not asserted.
func TestLoadSmoke(t *testing.T) {
	var out strings.Builder
	cfg := config{clients: 8, requests: 2000, duration: time.Minute, maxLive: 3}
	if err := load(cfg, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "nothing else is") {
		t.Fatalf("no check in the report:\n%s", out.String())
	}
}
