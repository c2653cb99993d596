package provider

import (
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

func TestEveryPlatformHasAConnector(t *testing.T) {
	seen := map[string]int{}
	for _, c := range connectors {
		seen[c.platform.Key]++
	}
	for _, pl := range platforms.All {
		if seen[pl.Key] != 1 {
			t.Errorf("platform %q has %d connectors, want 1: add one line to connectors in platforms.go", pl.Key, seen[pl.Key])
		}
		delete(seen, pl.Key)
	}
	for key := range seen {
		t.Errorf("connector for %q, which is not in platforms.All", key)
	}
}
