package main

import (
	"flag"
	"fmt"

	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// credentials are the emulator command's credential flags, one per setting
// that a platform's declaration gives an emulator default (-portsip-username,
// -line-api-key, ...), each defaulting to its EMULATOR_* environment variable
// and then to the declared value.
type credentials map[*platforms.Platform]map[string]*string

func credentialFlags(fs *flag.FlagSet) credentials {
	c := credentials{}
	for _, pl := range platforms.Declared {
		for _, s := range pl.Settings {
			if s.Emulator == "" {
				continue
			}
			name, env := pl.EmulatorFlag(s)
			usage := fmt.Sprintf("%s %s the emulator accepts (what the provider's %s.%s sends); $%s", pl.Name, label(s), pl.Block, s.Attr, env)
			if c[pl] == nil {
				c[pl] = map[string]*string{}
			}
			c[pl][s.Attr] = fs.String(name, envOr(env, s.Emulator), usage)
		}
	}
	return c
}

func label(s platforms.Setting) string {
	if s.Label != "" {
		return s.Label
	}
	return s.Attr
}

func (c credentials) get(pl *platforms.Platform, attr string) string { return *c[pl][attr] }

func (c credentials) values() map[string]platforms.Values {
	out := map[string]platforms.Values{}
	for pl, attrs := range c {
		v := platforms.Values{}
		for attr, p := range attrs {
			v[attr] = *p
		}
		out[pl.Key] = v
	}
	return out
}
