package export

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// The resource types the exporter writes import blocks for: every resource
// of the provider (TestEveryResourceIsExported).
const (
	typePortSIPServer      = "conference_portsip_server"
	typePortSIPRoom        = "conference_portsip_room"
	typePortSIPMeeting     = "conference_portsip_meeting"
	typeLineMeetingID      = "conference_line_meeting_id"
	typeSQMeetingMeeting   = "conference_sqmeeting_meeting"
	typeSQMeetingRecurring = "conference_sqmeeting_recurring_meeting"
	typeWherebyMeeting     = "conference_whereby_meeting"
	resourceTypeNamePrefix = "conference_"
)

// source lists one platform's objects.
type source struct {
	platform *platforms.Platform
	// types are the resource types it exports, in the file's order.
	types []string
	list  func(context.Context, platforms.Resolution, *lister) ([]*Object, error)
}

// sourceOf pairs a platform's client constructor (the provider's, from the
// same settings) with the listing that uses it.
func sourceOf[C any](pl *platforms.Platform, connect func(platforms.Values, client.Config) (C, error),
	list func(context.Context, C, *lister) ([]*Object, error), types ...string,
) source {
	return source{platform: pl, types: types, list: func(ctx context.Context, r platforms.Resolution, l *lister) ([]*Object, error) {
		hc := l.opts.HTTP
		// conference-export lists each platform once per run.
		hc.Credentials = client.NewRegistry().For(r)
		c, err := connect(r.Values, hc)
		if err != nil {
			return nil, err
		}
		return list(ctx, c, l)
	}}
}

// sources is every platform's listing, in the order of platforms.All
// (TestEveryPlatformIsExported).
var sources = []source{
	sourceOf(&platforms.PortSIP, portsip.FromSettings, listPortSIP, typePortSIPServer, typePortSIPRoom, typePortSIPMeeting),
	sourceOf(&platforms.LinePlanet, lineplanet.FromSettings, listLinePlanet, typeLineMeetingID),
	sourceOf(&platforms.SQMeeting, sqmeeting.FromSettings, listSQMeeting, typeSQMeetingMeeting, typeSQMeetingRecurring),
	sourceOf(&platforms.Whereby, whereby.FromSettings, listWhereby, typeWherebyMeeting),
}

// Types is every resource type the exporter writes, in the file's order.
func Types() []string {
	var out []string
	for _, s := range sources {
		out = append(out, s.types...)
	}
	return out
}

// selectPlatforms reads -platform values, keys or block names.
func selectPlatforms(names []string) (func(*platforms.Platform) bool, error) {
	if len(names) == 0 {
		return func(*platforms.Platform) bool { return true }, nil
	}
	chosen := map[*platforms.Platform]bool{}
	for _, n := range names {
		i := slices.IndexFunc(platforms.All, func(p *platforms.Platform) bool { return p.Key == n || p.Block == n })
		if i < 0 {
			return nil, fmt.Errorf("-platform %q: unknown platform; choose from %s", n, strings.Join(platformNames(), ", "))
		}
		chosen[platforms.All[i]] = true
	}
	return func(p *platforms.Platform) bool { return chosen[p] }, nil
}

// platformNames are the -platform values: each key, and the block name where
// it differs.
func platformNames() []string {
	var out []string
	for _, p := range platforms.All {
		out = append(out, p.Key)
		if p.Block != p.Key {
			out = append(out, p.Block)
		}
	}
	return out
}

// typeFilter reads -type values: resource types, with or without the
// provider's "conference_" prefix.
func typeFilter(names []string) (func(string) bool, error) {
	if len(names) == 0 {
		return func(string) bool { return true }, nil
	}
	all := Types()
	chosen := map[string]bool{}
	for _, n := range names {
		t := n
		if !strings.HasPrefix(t, resourceTypeNamePrefix) {
			t = resourceTypeNamePrefix + t
		}
		if !slices.Contains(all, t) {
			return nil, fmt.Errorf("-type %q: not a resource type the exporter writes; choose from %s", n, strings.Join(all, ", "))
		}
		chosen[t] = true
	}
	return func(t string) bool { return chosen[t] }, nil
}

// sortForFile orders objects as the file lists them: by platform and type in
// the order of sources, then by resource name.
func sortForFile(objs []*Object) {
	order := map[string]int{}
	for i, t := range Types() {
		order[t] = i
	}
	slices.SortStableFunc(objs, func(a, b *Object) int {
		if d := order[a.Type] - order[b.Type]; d != 0 {
			return d
		}
		return strings.Compare(a.Name, b.Name)
	})
}
