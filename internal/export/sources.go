package export

import (
	"fmt"
	"slices"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/linemap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Types is every resource type the exporter writes, in the file's order:
// every managed type (managed.All).
func Types() []string { return managed.Names() }

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
		typ := managed.ByName(n)
		if typ == nil {
			return nil, fmt.Errorf("-type %q: not a resource type the exporter writes; choose from %s", n, strings.Join(all, ", "))
		}
		chosen[typ.Name] = true
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

// LineRoom reads a -line-room value, ROOM_SERVICE_ID/ROOM_ID.
func LineRoom(s string) (svc, room string, err error) {
	svc, room, err = linemap.ParseRoomRef(s)
	if err != nil {
		return "", "", fmt.Errorf("-line-room %q: want ROOM_SERVICE_ID/ROOM_ID, such as ex-service/ex-room", s)
	}
	return svc, room, nil
}
