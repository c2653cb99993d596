package provider_test

import (
	"runtime/debug"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/provider"
)

func TestTuneGC(t *testing.T) {
	was := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(was) })

	t.Setenv("GOGC", "")
	provider.TuneGC()
	if got := debug.SetGCPercent(100); got != provider.GCPercent {
		t.Errorf("without GOGC the target is %d, want %d", got, provider.GCPercent)
	}

	t.Setenv("GOGC", "100")
	provider.TuneGC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC=100 the target is %d, want GOGC's", got)
	}
}
