package provider

import (
	"os"
	"runtime/debug"
)

// GCPercent is the provider process's garbage collection target (GOGC) when
// the environment sets none.
//
// The provider's heap is nearly all short-lived garbage from the framework,
// which walks the schema once per attribute of every request (tftypes paths,
// maps of attributes, values converted back and forth): with the default
// target of 100, the collector took about a third of the provider's CPU in a
// no-op plan of 500 rooms. 200 collects half as often for a peak resident
// memory about one and a half times larger; bench/README.md has the figures.
const GCPercent = 200

// TuneGC sets GCPercent unless GOGC is set, which then decides as it always
// does (main calls it).
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
	}
}
