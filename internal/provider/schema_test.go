package provider

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// secretName matches attributes that hold secrets and must be Sensitive.
var secretName = regexp.MustCompile(`(^|_)(pin|passcode|password|token|secret|api_key)$`)

type attrInfo interface {
	GetDescription() string
	GetMarkdownDescription() string
	IsSensitive() bool
}

// walk checks every attribute at any depth of a schema.
func walk(t *testing.T, where string, attrs map[string]attrInfo, children func(name string) map[string]attrInfo) {
	t.Helper()
	for name, a := range attrs {
		if name == "timeouts" {
			continue // the timeouts module documents its own attribute
		}
		if a.GetDescription() == "" && a.GetMarkdownDescription() == "" {
			t.Errorf("%s.%s has no description", where, name)
		}
		if secretName.MatchString(name) && !a.IsSensitive() {
			t.Errorf("%s.%s holds a secret but is not Sensitive", where, name)
		}
		if c := children(name); c != nil {
			walk(t, where+"."+name, c, func(string) map[string]attrInfo { return nil })
		}
	}
}

func TestEverySchemaAttributeIsDescribedAndSecretsAreSensitive(t *testing.T) {
	ctx := context.Background()
	p := New("test")()

	var ps provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &ps)
	for blockName, b := range ps.Schema.Blocks {
		blk := b.(pschema.SingleNestedBlock)
		if blk.Description == "" {
			t.Errorf("provider block %s has no description", blockName)
		}
		attrs := map[string]attrInfo{}
		for n, a := range blk.Attributes {
			attrs[n] = a
		}
		walk(t, "provider."+blockName, attrs, func(string) map[string]attrInfo { return nil })
	}

	for _, newRes := range p.Resources(ctx) {
		r := newRes()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: TypeName}, &md)
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		if sr.Schema.Description == "" {
			t.Errorf("%s has no description", md.TypeName)
		}
		attrs := map[string]attrInfo{}
		for n, a := range sr.Schema.Attributes {
			attrs[n] = a
		}
		walk(t, md.TypeName, attrs, func(name string) map[string]attrInfo {
			out := map[string]attrInfo{}
			switch a := sr.Schema.Attributes[name].(type) {
			case rschema.ListNestedAttribute:
				for n, c := range a.NestedObject.Attributes {
					out[n] = c
				}
			case rschema.SingleNestedAttribute:
				for n, c := range a.Attributes {
					out[n] = c
				}
			}
			return out
		})
	}

	for _, newDS := range p.DataSources(ctx) {
		d := newDS()
		var md datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: TypeName}, &md)
		var sr datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &sr)
		if sr.Schema.Description == "" {
			t.Errorf("%s has no description", md.TypeName)
		}
		attrs := map[string]attrInfo{}
		for n, a := range sr.Schema.Attributes {
			attrs[n] = a
		}
		walk(t, md.TypeName, attrs, func(name string) map[string]attrInfo {
			out := map[string]attrInfo{}
			switch a := sr.Schema.Attributes[name].(type) {
			case dschema.ListNestedAttribute:
				for n, c := range a.NestedObject.Attributes {
					out[n] = c
				}
			case dschema.SingleNestedAttribute:
				for n, c := range a.Attributes {
					out[n] = c
				}
			}
			return out
		})
	}
}
