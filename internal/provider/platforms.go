package provider

import (
	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// connector builds a platform's client from its resolved settings.
type connector struct {
	platform *platforms.Platform
	connect  func(platforms.Values, client.Config) (any, error)
}

// connectors are the platforms' client constructors, from their
// descriptors (managed.Platforms, which TestPlatformsFollowTheDeclarations
// checks against platforms.All).
var connectors = func() []connector {
	out := make([]connector, 0, len(managed.Platforms))
	for _, p := range managed.Platforms {
		out = append(out, connector{platform: p.Platform, connect: p.Connect})
	}
	return out
}()
