package client

import (
	"fmt"

	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// ForPlatform completes hc with what a platform's resolved settings say about
// the connection: its own CA bundle, which replaces one hc has from the
// provider block, and the names of its settings for messages. Every
// platform's FromSettings calls it, for the provider and conference-export
// alike.
func ForPlatform(pl *platforms.Platform, v platforms.Values, hc Config) (Config, error) {
	file, pem := pl.Setting(platforms.CACertFile), pl.Setting(platforms.CACertPEM)
	hc.Hints = Hints{
		Endpoint: fmt.Sprintf("%s.endpoint or %s", pl.Block, pl.EndpointEnv()),
		CA: fmt.Sprintf("%[1]s.%[2]s or %[1]s.%[3]s (%[4]s, %[5]s), or the provider's %[2]s or %[3]s for every platform",
			pl.Block, file.Attr, pem.Attr, file.Env, pem.Env),
	}
	text, source, err := pl.CABundle(v)
	if err != nil || text == nil {
		return hc, err
	}
	ca, err := NewCA(text, source)
	if err != nil {
		return hc, err
	}
	hc.CA = ca
	return hc, nil
}
