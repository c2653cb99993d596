// Package profiling lets the provider process describe its own cost, for
// make bench-e2e and anyone chasing a slow plan: with CONFERENCE_PROFILE_DIR
// set to a directory, each provider process writes its CPU profile there as
// <pid>.pprof, and its peak resident memory in bytes as <pid>.rss when it
// exits. Off by default: the variable is for developers, not a setting.
//
//	CONFERENCE_PROFILE_DIR=/tmp/prof tofu plan
//	go tool pprof -top terraform-provider-conference /tmp/prof/*.pprof
package profiling

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
)

// Env names the directory the profiles go to.
const Env = "CONFERENCE_PROFILE_DIR"

// Start begins profiling when Env is set and returns the function that
// finishes it (writes the files); without Env it does nothing.
func Start() (stop func() error, err error) {
	dir := os.Getenv(Env)
	if dir == "" {
		return func() error { return nil }, nil
	}
	base := filepath.Join(dir, strconv.Itoa(os.Getpid()))
	f, err := os.Create(base + ".pprof")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Env, err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", Env, err)
	}
	return func() error {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			return err
		}
		if rss, ok := peakRSS(); ok {
			return os.WriteFile(base+".rss", []byte(strconv.FormatInt(rss, 10)+"\n"), 0o600)
		}
		return nil
	}, nil
}
