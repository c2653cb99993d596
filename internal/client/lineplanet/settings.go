package lineplanet

import (
	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// FromSettings builds a client from the provider block's values
// (platforms.LinePlanet).
func FromSettings(v platforms.Values, hc client.Config) (*Client, error) {
	hc, err := client.ForPlatform(&platforms.LinePlanet, v, hc)
	if err != nil {
		return nil, err
	}
	return New(Config{Endpoint: v["endpoint"], APIKey: v["api_key"], APISecret: v["api_secret"], HTTP: hc})
}
