package floor

import (
	"context"
	"strconv"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TypeName is the floor provider's name: floor_portsip_room is the floor of
// conference_portsip_room.
const TypeName = "floor"

// TwoName is the two-attribute floor's type name suffix (floor_two): the cost
// of the smallest resource the framework can serve.
const TwoName = "two"

// TwoSchema is floor_two's schema: a computed id and one required string.
func TwoSchema() schema.Schema {
	return schema.Schema{Attributes: map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:      true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"value": schema.StringAttribute{Required: true},
	}}
}

// New returns the floor provider serving a resource per schema, named
// floor_<key>.
func New(schemas map[string]schema.Schema) func() provider.Provider {
	return func() provider.Provider { return &floorProvider{schemas: schemas} }
}

type floorProvider struct {
	schemas map[string]schema.Schema
}

func (p *floorProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = TypeName
}

func (p *floorProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (p *floorProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p *floorProvider) Resources(context.Context) []func() resource.Resource {
	out := make([]func() resource.Resource, 0, len(p.schemas))
	for name, s := range p.schemas {
		out = append(out, func() resource.Resource { return &floorResource{name: name, schema: s} })
	}
	return out
}

func (p *floorProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

// floorResource does nothing a resource must not skip: it stores the plan,
// with an id and without unknown values.
type floorResource struct {
	name   string
	schema schema.Schema
}

func (r *floorResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.name
}

func (r *floorResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema
}

func (r *floorResource) Create(_ context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = known(req.Plan.Raw, nextID(), &resp.Diagnostics)
}

// Read keeps the state the framework already copied into the response.
func (r *floorResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (r *floorResource) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = known(req.Plan.Raw, "", &resp.Diagnostics)
}

// Delete has nothing to delete: the framework drops the state.
func (r *floorResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

var ids atomic.Int64

func nextID() string { return "floor-" + strconv.FormatInt(ids.Add(1), 10) }

// known is v with every unknown value null, and a top-level unknown id set to
// id: what a resource that computes nothing would store.
func known(v tftypes.Value, id string, diags *diag.Diagnostics) tftypes.Value {
	out, err := tftypes.Transform(v, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if v.IsKnown() {
			return v, nil
		}
		if id != "" && p.Equal(tftypes.NewAttributePath().WithAttributeName("id")) {
			return tftypes.NewValue(v.Type(), id), nil
		}
		return tftypes.NewValue(v.Type(), nil), nil
	})
	if err != nil {
		diags.AddError("Floor could not store the plan", err.Error())
	}
	return out
}
