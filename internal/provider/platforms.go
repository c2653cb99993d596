package provider

import (
	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// connector builds a platform's client from its resolved settings.
type connector struct {
	platform *platforms.Platform
	connect  func(platforms.Values, client.Config) (any, error)
}

func connectWith[C any](pl *platforms.Platform, fromSettings func(platforms.Values, client.Config) (C, error)) connector {
	return connector{platform: pl, connect: func(v platforms.Values, hc client.Config) (any, error) {
		return fromSettings(v, hc)
	}}
}

// connectors pairs each declared platform with its client's constructor: the
// one line a new platform adds here. TestEveryPlatformHasAConnector keeps it in
// step with platforms.All.
var connectors = []connector{
	connectWith(&platforms.PortSIP, portsip.FromSettings),
	connectWith(&platforms.LinePlanet, lineplanet.FromSettings),
	connectWith(&platforms.SQMeeting, sqmeeting.FromSettings),
	connectWith(&platforms.Whereby, whereby.FromSettings),
}
