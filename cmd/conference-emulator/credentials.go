package main

import (
	"flag"
	"fmt"

	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// credentials are the emulator command's credential flags, one per
// credential an emulated platform accepts (emulator.Credentials:
// -portsip-username, -line-api-key, ...), each defaulting to its EMULATOR_*
// environment variable and then to the emulator's default.
type credentials map[*platforms.Platform]map[string]*string

func credentialFlags(fs *flag.FlagSet) credentials {
	c := credentials{}
	for _, cr := range emulator.Credentials() {
		pl, s := cr.Platform, cr.Setting
		usage := fmt.Sprintf("%s %s the emulator accepts (what the provider's %s.%s sends); $%s", pl.Name, label(s), pl.Block, s.Attr, cr.Env)
		if c[pl] == nil {
			c[pl] = map[string]*string{}
		}
		c[pl][s.Attr] = fs.String(cr.Flag, envOr(cr.Env, cr.Default), usage)
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
