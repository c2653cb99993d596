package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// eachResourceSchema calls fn with the type name and schema of every
// resource p serves.
func eachResourceSchema(ctx context.Context, p provider.Provider, fn func(typeName string, s rschema.Schema)) {
	for _, newRes := range p.Resources(ctx) {
		r := newRes()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: TypeName}, &md)
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		fn(md.TypeName, sr.Schema)
	}
}

// eachDataSourceSchema calls fn with the type name and schema of every data
// source p serves.
func eachDataSourceSchema(ctx context.Context, p provider.Provider, fn func(typeName string, s dschema.Schema)) {
	for _, newDS := range p.DataSources(ctx) {
		d := newDS()
		var md datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: TypeName}, &md)
		var sr datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &sr)
		fn(md.TypeName, sr.Schema)
	}
}
