package tfmodel_test

import (
	"context"
	"maps"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// The shapes the provider's models have: an embedded struct, custom types,
// a nested list, a set, and the timeouts attribute.
type inner struct {
	Name  types.String     `tfsdk:"name"`
	Count types.Int64      `tfsdk:"count"`
	At    timetype.RFC3339 `tfsdk:"at"`
}

type model struct {
	Timeouts timeouts.Value `tfsdk:"timeouts"`
	inner
	On      types.Bool           `tfsdk:"on"`
	Tags    types.Set            `tfsdk:"tags"`
	Callers types.List           `tfsdk:"callers"`
	Options jsontypes.Normalized `tfsdk:"options"`
	Ignored string               `tfsdk:"-"`
}

func testSchema(ctx context.Context) schema.Schema {
	return schema.Schema{Attributes: map[string]schema.Attribute{
		"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true}),
		"name":     schema.StringAttribute{Required: true},
		"count":    schema.Int64Attribute{Optional: true},
		"at":       schema.StringAttribute{Optional: true, CustomType: timetype.RFC3339Type{}},
		"on":       schema.BoolAttribute{Optional: true, Computed: true},
		"tags":     schema.SetAttribute{Optional: true, ElementType: types.StringType},
		"callers": schema.ListNestedAttribute{Optional: true, NestedObject: schema.NestedAttributeObject{
			Attributes: map[string]schema.Attribute{"caller_id": schema.StringAttribute{Required: true}},
		}},
		"options": schema.StringAttribute{Optional: true, CustomType: jsontypes.NormalizedType{}},
	}}
}

func testValue(t *testing.T, ctx context.Context, s schema.Schema, at string) tftypes.Value {
	t.Helper()
	typ := s.Type().TerraformType(ctx)
	obj, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("schema type %s", typ)
	}
	str := tftypes.String
	caller := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"caller_id": str}}
	return tftypes.NewValue(typ, map[string]tftypes.Value{
		"timeouts": tftypes.NewValue(obj.AttributeTypes["timeouts"], nil),
		"name":     tftypes.NewValue(str, "room"),
		"count":    tftypes.NewValue(tftypes.Number, 9),
		"at":       tftypes.NewValue(str, at),
		"on":       tftypes.NewValue(tftypes.Bool, tftypes.UnknownValue),
		"tags":     tftypes.NewValue(tftypes.Set{ElementType: str}, []tftypes.Value{tftypes.NewValue(str, "a")}),
		"callers": tftypes.NewValue(tftypes.List{ElementType: caller}, []tftypes.Value{
			tftypes.NewValue(caller, map[string]tftypes.Value{"caller_id": tftypes.NewValue(str, "100")}),
		}),
		"options": tftypes.NewValue(str, nil),
	})
}

// TestRoundTrip reads a state with tfmodel and with the framework, and writes
// both models back with each: all four values must be the one read.
func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := testSchema(ctx)
	raw := testValue(t, ctx, s, "2030-03-02T16:00:00+01:00")
	state := tfsdk.State{Schema: s, Raw: raw}

	var fast, framework model
	if d := tfmodel.FromState(ctx, state, &fast); d.HasError() {
		t.Fatal(d)
	}
	if d := state.Get(ctx, &framework); d.HasError() {
		t.Fatal(d)
	}
	if !fast.Tags.Equal(framework.Tags) || !fast.Callers.Equal(framework.Callers) || !fast.At.Equal(framework.At) ||
		!fast.Name.Equal(framework.Name) || !fast.Count.Equal(framework.Count) || !fast.On.Equal(framework.On) ||
		!fast.Timeouts.Equal(framework.Timeouts) || !fast.Options.Equal(framework.Options) {
		t.Fatalf("tfmodel read %+v\nthe framework read %+v", fast, framework)
	}
	for name, m := range map[string]*model{"tfmodel's": &fast, "the framework's": &framework} {
		out := tfsdk.State{Schema: s}
		if d := tfmodel.ToState(ctx, &out, m); d.HasError() {
			t.Fatal(d)
		}
		if !out.Raw.Equal(raw) {
			t.Errorf("writing %s model gave %s\nwant %s", name, out.Raw, raw)
		}
		viaFramework := tfsdk.State{Schema: s}
		if d := viaFramework.Set(ctx, m); d.HasError() {
			t.Fatal(d)
		}
		if !viaFramework.Raw.Equal(out.Raw) {
			t.Errorf("the framework writes %s model as %s\ntfmodel as %s", name, viaFramework.Raw, out.Raw)
		}
	}
	// A plan and a configuration read the same way.
	var fromPlan, fromConfig model
	if d := tfmodel.FromPlan(ctx, tfsdk.Plan{Schema: s, Raw: raw}, &fromPlan); d.HasError() || !fromPlan.At.Equal(fast.At) {
		t.Errorf("FromPlan: %v %v", d, fromPlan.At)
	}
	if d := tfmodel.FromConfig(ctx, tfsdk.Config{Schema: s, Raw: raw}, &fromConfig); d.HasError() || !fromConfig.Name.Equal(fast.Name) {
		t.Errorf("FromConfig: %v %v", d, fromConfig.Name)
	}
	// A plan, unknown values and all, is written as the framework writes it.
	plan, viaFramework := tfsdk.Plan{Schema: s}, tfsdk.Plan{Schema: s}
	if d := tfmodel.ToPlan(ctx, &plan, &fromPlan); d.HasError() || !plan.Raw.Equal(raw) {
		t.Errorf("ToPlan: %v %s\nwant %s", d, plan.Raw, raw)
	}
	if d := viaFramework.Set(ctx, &fromPlan); d.HasError() || !viaFramework.Raw.Equal(plan.Raw) {
		t.Errorf("the framework writes the plan as %s (%v)\ntfmodel as %s", viaFramework.Raw, d, plan.Raw)
	}
}

// TestErrors: what the framework refuses, tfmodel refuses.
func TestErrors(t *testing.T) {
	ctx := context.Background()
	s := testSchema(ctx)
	state := tfsdk.State{Schema: s, Raw: testValue(t, ctx, s, "2030-03-02T16:00:00+01:00")}

	type missing struct {
		Name types.String `tfsdk:"name"`
	}
	type extra struct {
		model
		More types.String `tfsdk:"more"`
	}
	type wrongType struct {
		model
		Name types.Int64 `tfsdk:"name"` // shadows nothing: a duplicate tag
	}
	type untagged struct {
		model
		Name types.String
	}
	type notAValue struct {
		Timeouts timeouts.Value `tfsdk:"timeouts"`
		inner
		On      bool                 `tfsdk:"on"`
		Tags    types.Set            `tfsdk:"tags"`
		Callers types.List           `tfsdk:"callers"`
		Options jsontypes.Normalized `tfsdk:"options"`
	}
	for name, tc := range map[string]struct {
		target any
		want   string
	}{
		"attributes without fields": {&missing{}, "attributes without fields [at, callers, count, on, options, tags, timeouts]"},
		"fields without attributes": {&extra{}, "fields without attributes [more]"},
		"duplicate tag":             {&wrongType{}, `two fields tagged "name"`},
		"untagged field":            {&untagged{}, "has no tfsdk tag"},
		"not an attr.Value":         {&notAValue{}, "not an attr.Value"},
		"not a pointer":             {model{}, "must be a pointer to a struct"},
	} {
		t.Run(name, func(t *testing.T) {
			d := tfmodel.FromState(ctx, state, tc.target)
			if !d.HasError() || !strings.Contains(d.Errors()[0].Detail(), tc.want) {
				t.Fatalf("got %v, want an error with %q", d, tc.want)
			}
		})
	}

	t.Run("a value of another type", func(t *testing.T) {
		// The same schema with "on" a string: the model's types.Bool no
		// longer fits.
		other := testSchema(ctx)
		other.Attributes["on"] = schema.StringAttribute{Optional: true}
		var shared map[string]tftypes.Value
		if err := state.Raw.As(&shared); err != nil {
			t.Fatal(err)
		}
		attrs := maps.Clone(shared) // As shares the value's own map
		attrs["on"] = tftypes.NewValue(tftypes.String, "yes")
		raw := tftypes.NewValue(other.Type().TerraformType(ctx), attrs)
		var m model
		if d := tfmodel.FromState(ctx, tfsdk.State{Schema: other, Raw: raw}, &m); !d.HasError() || !strings.Contains(d.Errors()[0].Detail(), "the field is") {
			t.Fatalf("read a string into a bool: %v", d)
		}
		if d := tfmodel.FromState(ctx, state, &m); d.HasError() {
			t.Fatal(d)
		}
		out := tfsdk.State{Schema: other}
		if d := tfmodel.ToState(ctx, &out, &m); !d.HasError() || !strings.Contains(d.Errors()[0].Detail(), "the schema wants") {
			t.Fatalf("wrote a bool as a string: %v", d)
		}
	})

	t.Run("a value that does not validate", func(t *testing.T) {
		bad := tfsdk.State{Schema: s, Raw: testValue(t, ctx, s, "tomorrow")}
		var m model
		d := tfmodel.FromState(ctx, bad, &m)
		if !d.HasError() || d.Errors()[0].Summary() != "Invalid RFC 3339 time" {
			t.Fatalf("read an invalid time: %v", d)
		}
		var good model
		if d := tfmodel.FromState(ctx, state, &good); d.HasError() {
			t.Fatal(d)
		}
		good.At = timetype.NewValue("tomorrow")
		out := tfsdk.State{Schema: s}
		if d := tfmodel.ToState(ctx, &out, &good); !d.HasError() || d.Errors()[0].Summary() != "Invalid RFC 3339 time" {
			t.Fatalf("wrote an invalid time: %v", d)
		}
	})
}

// A slice of model structs is a list of objects, as data sources' item
// lists are: written and read as the framework does, nil as null and empty
// as an empty list.
func TestNestedSlices(t *testing.T) {
	ctx := context.Background()
	type item struct {
		Name types.String     `tfsdk:"name"`
		At   timetype.RFC3339 `tfsdk:"at"`
	}
	type listing struct {
		Filter types.String `tfsdk:"filter"`
		Items  []item       `tfsdk:"items"`
	}
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"filter": schema.StringAttribute{Optional: true},
		"items": schema.ListNestedAttribute{Computed: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{Computed: true},
			"at":   schema.StringAttribute{Computed: true, CustomType: timetype.RFC3339Type{}},
		}}},
	}}
	for _, m := range []listing{
		{Filter: types.StringValue("x"), Items: []item{{Name: types.StringValue("a"), At: timetype.NewNull()}, {Name: types.StringNull(), At: timetype.NewNull()}}},
		{Filter: types.StringNull(), Items: []item{}},
		{Filter: types.StringNull()},
	} {
		fast, framework := tfsdk.State{Schema: s}, tfsdk.State{Schema: s}
		if d := tfmodel.ToState(ctx, &fast, &m); d.HasError() {
			t.Fatal(d)
		}
		if d := framework.Set(ctx, &m); d.HasError() {
			t.Fatal(d)
		}
		if !fast.Raw.Equal(framework.Raw) {
			t.Errorf("tfmodel writes %s\nthe framework %s", fast.Raw, framework.Raw)
		}
		var back listing
		if d := tfmodel.FromState(ctx, fast, &back); d.HasError() {
			t.Fatal(d)
		}
		if len(back.Items) != len(m.Items) || (back.Items == nil) != (m.Items == nil) || !back.Filter.Equal(m.Filter) {
			t.Errorf("read back %+v, wrote %+v", back, m)
		}
		for i := range back.Items {
			if !back.Items[i].Name.Equal(m.Items[i].Name) {
				t.Errorf("item %d: read back %+v, wrote %+v", i, back.Items[i], m.Items[i])
			}
		}
		queryAndList(t, s, framework.Raw, m.Filter, m.Items)
	}
}

// queryAndList writes a list data source's query and its list apart
// (ToStateWithList): the state must be what the framework writes for one
// struct holding both (want); and reads the query back without the list
// (FromConfigExcept), leaving the configuration read whole.
func queryAndList[M any](t *testing.T, s schema.Schema, want tftypes.Value, filter types.String, items []M) {
	t.Helper()
	ctx := context.Background()
	type query struct {
		Filter types.String `tfsdk:"filter"`
	}
	got := tfsdk.State{Schema: s}
	if d := tfmodel.ToStateWithList(ctx, &got, query{Filter: filter}, "items", items); d.HasError() {
		t.Fatal(d)
	}
	if !got.Raw.Equal(want) {
		t.Errorf("ToStateWithList writes %s\nthe framework %s", got.Raw, want)
	}
	cfg := tfsdk.Config{Schema: s, Raw: want.Copy()}
	var q query
	if d := tfmodel.FromConfigExcept(ctx, cfg, "items", &q); d.HasError() {
		t.Fatal(d)
	}
	if !q.Filter.Equal(filter) {
		t.Errorf("FromConfigExcept reads filter %s, want %s", q.Filter, filter)
	}
	if !cfg.Raw.Equal(want) {
		t.Errorf("FromConfigExcept changed the configuration to %s", cfg.Raw)
	}
	if d := tfmodel.FromConfigExcept(ctx, cfg, "filter", &q); !d.HasError() || !strings.Contains(d.Errors()[0].Detail(), "attributes without fields [items]") {
		t.Errorf("FromConfigExcept into a struct without the list's field: %v", d)
	}
}
