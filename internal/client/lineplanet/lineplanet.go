// Package lineplanet is the typed client of the LINE Planet server API v2 meeting
// IDs (../shared/api/line-planet-meeting-id.txt, NOTES.md).
package lineplanet

import (
	"errors"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/client"
)

// Config is what the provider's line_planet block gives.
type Config struct {
	// Endpoint is the API's base URL without /tas/v2.
	Endpoint  string
	APIKey    string
	APISecret string
	HTTP      client.Config
}

// Client talks to one LINE Planet service.
type Client struct {
	http *client.Client
}

// New returns a client.
func New(cfg Config) (*Client, error) {
	if cfg.APIKey == "" || cfg.APISecret == "" {
		return nil, errors.New("LINE Planet needs an api_key and an api_secret")
	}
	hc := cfg.HTTP
	hc.Platform = "LINE Planet"
	hc.BaseURL = strings.TrimRight(cfg.Endpoint, "/") + "/tas/v2"
	c, err := client.New(hc)
	if err != nil {
		return nil, err
	}
	return &Client{http: c}, nil
}
