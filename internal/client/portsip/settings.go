package portsip

import (
	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// FromSettings builds a client from the provider block's values
// (platforms.PortSIP).
func FromSettings(v platforms.Values, hc client.Config) (*Client, error) {
	hc, err := client.ForPlatform(&platforms.PortSIP, v, hc)
	if err != nil {
		return nil, err
	}
	return New(Config{
		Endpoint: v["endpoint"], Token: v["token"], Username: v["username"], Password: v["password"],
		Domain: v["domain"], HTTP: hc,
	})
}
