package mapping

import (
	"testing"

	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestWriteOnlySend(t *testing.T) {
	v1 := WriteOnly{Value: types.StringValue("a"), Version: types.Int64Value(1)}
	v1b := WriteOnly{Value: types.StringValue("b"), Version: types.Int64Value(1)}
	v2 := WriteOnly{Value: types.StringValue("b"), Version: types.Int64Value(2)}
	none := WriteOnly{Value: types.StringNull(), Version: types.Int64Null()}
	for _, tc := range []struct {
		name       string
		now        WriteOnly
		prior      *WriteOnly
		want       string // "" sends nothing
		bumped, dr bool
	}{
		{"create sends the value", v1, nil, "a", false, false},
		{"create without the twin sends nothing", none, nil, "", false, false},
		{"a new value under the same version is not sent", v1b, &v1, "", false, false},
		{"a new version sends the value", v2, &v1, "b", true, false},
		{"the first version sends the value", v1, &none, "a", true, false},
		{"a dropped twin sends nothing", none, &v1, "", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if v := tc.now.Send(tc.prior); v != nil {
				got = *v
			}
			if got != tc.want {
				t.Errorf("Send = %q, want %q", got, tc.want)
			}
			if tc.prior != nil {
				if b := tc.now.Bumped(*tc.prior); b != tc.bumped {
					t.Errorf("Bumped = %v, want %v", b, tc.bumped)
				}
				if d := tc.now.Dropped(*tc.prior); d != tc.dr {
					t.Errorf("Dropped = %v, want %v", d, tc.dr)
				}
			}
		})
	}
	plain := types.StringValue("1234")
	v1.Hide(&plain)
	if !plain.IsNull() {
		t.Errorf("Hide left %v while the twin is used", plain)
	}
}

func TestWithWriteOnly(t *testing.T) {
	attrs := Attrs{"pin": {Doc: "The PIN.", Resource: rschema.StringAttribute{Optional: true, Sensitive: true}}}
	got := attrs.WithWriteOnly("pin")
	if _, ok := attrs["pin_wo"]; ok {
		t.Fatal("WithWriteOnly changed its receiver")
	}
	wo, ok := got["pin_wo"].Resource.(rschema.StringAttribute)
	if !ok || !wo.WriteOnly || !wo.Sensitive || wo.Computed || len(wo.Validators) != 2 {
		t.Errorf("pin_wo = %+v: want write-only, sensitive, not computed, conflicting with pin and requiring its version", wo)
	}
	ver, ok := got["pin_wo_version"].Resource.(rschema.Int64Attribute)
	if !ok || !ver.Optional || len(ver.Validators) != 1 {
		t.Errorf("pin_wo_version = %+v: want optional, requiring pin_wo", ver)
	}
	if got["pin"].Config == "" {
		t.Error("pin's description does not point to pin_wo")
	}
}

func TestWithWriteOnlyOnly(t *testing.T) {
	got := Attrs{}.WithWriteOnlyOnly("password", Attr{Doc: "The password.", Resource: rschema.StringAttribute{Optional: true}})
	wo, ok := got["password_wo"].Resource.(rschema.StringAttribute)
	if !ok || !wo.WriteOnly || len(wo.Validators) != 1 {
		t.Errorf("password_wo = %+v: want write-only, requiring only its version (there is no plain attribute to conflict with)", wo)
	}
	if _, ok := got["password"]; ok {
		t.Error("a write-only-only secret has no plain attribute")
	}
	if _, ok := got["password_wo_version"]; !ok {
		t.Error("no password_wo_version")
	}
}
