// Package managed declares each managed resource type once: its name, its
// platform, what its objects are called, its import ID, its natural key,
// its constructor, and how to list every object of the type. The provider
// registers its resources from these descriptors, conference-export lists
// and writes import blocks with them, and the test harness's census names
// objects by them.
//
// A new resource on an existing platform adds its own files and one entry
// in its platform's file here; a new platform adds its file here, with its
// client's constructor.
package managed

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
	"github.com/confkit/terraform-provider-conference/internal/resources"
)

// Prefix starts every type's name: the provider's type name and "_".
const Prefix = "conference_"

// Type is one managed resource type.
type Type struct {
	resources.Kind
	// Section heads the type's objects in conference-export's file.
	Section Section
	// New makes the resource, given its Kind.
	New func(resources.Kind) resource.Resource
	// List lists every object of the type that the signed-in user can
	// manage, with its platform's client (Platform.Connect's); ListAll
	// fills in each object's Platform and Type.
	List func(ctx context.Context, c any, l *Listing) ([]*Object, error)
	// Unlisted, for a type without List, says why its objects cannot be
	// listed: it has no list resource and conference-export leaves it out.
	Unlisted string
	// ListArgs are the arguments of the type's list resource (terraform
	// query) beyond the CLI's: what its List needs that the API cannot tell
	// (LINE Planet's rooms); nil when it needs nothing.
	ListArgs *ListArgs
	// DestroyKeeps says that destroying a resource of the type leaves its
	// object on the platform, which has no call that deletes it: the
	// resource only leaves the state, with a warning (SQMeeting's users).
	// The tests that count what a destroy leaves read it here.
	DestroyKeeps bool
}

// ListArgs are a list resource's arguments, and how they fill a Listing.
type ListArgs struct {
	Attributes map[string]listschema.Attribute
	Fill       func(ctx context.Context, config tfsdk.Config, l *Listing, diags *diag.Diagnostics)
}

// Listed reports whether the type's objects can be listed (List).
func (t *Type) Listed() bool { return t.List != nil }

// ListAll lists every object of the type (List).
func (t *Type) ListAll(ctx context.Context, c any, l *Listing) ([]*Object, error) {
	objs, err := t.List(ctx, c, l)
	for _, o := range objs {
		o.Platform, o.Type = t.Platform, t.Name
	}
	return objs, err
}

// Section is a heading of conference-export's file: what the objects are,
// and what the user must know about all of them.
type Section struct{ Title, Note string }

// Resource is the constructor the provider registers.
func (t *Type) Resource() func() resource.Resource {
	return func() resource.Resource { return resources.Identified(t.New(t.Kind), t.Kind) }
}

// Platform is a platform with its client's constructor.
type Platform struct {
	*platforms.Platform
	// Connect builds the platform's client from its resolved settings.
	Connect func(platforms.Values, client.Config) (any, error)
	// Types are its managed types, in the order conference-export writes
	// them.
	Types []*Type
	// Client is its client from the provider's data
	// (providerdata.Client), nil when the provider is not configured yet.
	Client func(providerData any, diags *diag.Diagnostics) any
}

func platform[C any](pl *platforms.Platform, fromSettings func(platforms.Values, client.Config) (C, error), types ...*Type) *Platform {
	return &Platform{Platform: pl, Types: types, Connect: func(v platforms.Values, hc client.Config) (any, error) {
		return fromSettings(v, hc)
	}, Client: func(data any, diags *diag.Diagnostics) any {
		if data == nil {
			return nil
		}
		return providerdata.Client[C](data, pl, diags)
	}}
}

// PlatformOf is the platform of t.
func PlatformOf(t *Type) *Platform {
	for _, p := range Platforms {
		if slices.Contains(p.Types, t) {
			return p
		}
	}
	return nil
}

// lister adapts a listing with a platform's typed client to Type.List.
func lister[C any](list func(context.Context, C, *Listing) ([]*Object, error)) func(context.Context, any, *Listing) ([]*Object, error) {
	return func(ctx context.Context, c any, l *Listing) ([]*Object, error) {
		return list(ctx, c.(C), l) //nolint:forcetypeassert // Connect made it
	}
}

// Platforms is every platform with managed types, in the order of
// platforms.All: the one line a new platform adds.
var Platforms = []*Platform{portsipPlatform, linePlatform, sqmeetingPlatform, wherebyPlatform}

// All is every managed type, platform by platform.
func All() []*Type {
	var out []*Type
	for _, p := range Platforms {
		out = append(out, p.Types...)
	}
	return out
}

// ByName is the type named name, with or without Prefix; nil when there is
// none.
func ByName(name string) *Type {
	if !strings.HasPrefix(name, Prefix) {
		name = Prefix + name
	}
	all := All()
	if i := slices.IndexFunc(all, func(t *Type) bool { return t.Name == name }); i >= 0 {
		return all[i]
	}
	return nil
}

// Names are the types' names, in the order of All.
func Names() []string {
	var out []string
	for _, t := range All() {
		out = append(out, t.Name)
	}
	return out
}
