package whereby

import (
	"fmt"
	"strconv"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// FromSettings builds a client from the provider block's values
// (platforms.Whereby).
func FromSettings(v platforms.Values, hc client.Config) (*Client, error) {
	hc, err := client.ForPlatform(&platforms.Whereby, v, hc)
	if err != nil {
		return nil, err
	}
	cfg := Config{Endpoint: v["endpoint"], APIKey: v["api_key"], HTTP: hc}
	if s := v["points_per_minute"]; s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			return nil, fmt.Errorf("points_per_minute must be a whole number, not %q", s)
		}
		cfg.PointsPerMinute = n
	}
	return New(cfg)
}
