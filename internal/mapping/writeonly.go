package mapping

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Write-only twins, HashiCorp's pattern for a secret kept out of the state
// (Terraform >= 1.11, OpenTofu >= 1.11): beside a secret argument <name>, a
// write-only <name>_wo, which the state and the plan never hold, and
// <name>_wo_version, a number the user bumps to send a new value. Every secret
// a user supplies gets its twin here, and nowhere else.

// WriteOnlySuffix and VersionSuffix name a twin and its version.
const (
	WriteOnlySuffix = "_wo"
	VersionSuffix   = "_wo_version"
)

// WithWriteOnly returns a copy of attrs with the write-only twin and its
// version of each named secret, and the plain attribute adjusted to them.
// The data sources' attributes never carry twins: call it in the resource's
// schema only.
func (a Attrs) WithWriteOnly(names ...string) Attrs {
	out := a.Without()
	for _, name := range names {
		at := out[name]
		plain, ok := at.Resource.(rschema.StringAttribute)
		if !ok {
			panic(fmt.Sprintf("mapping: write-only twin of %s: only string secrets have twins", name))
		}
		out[name+WriteOnlySuffix] = Attr{Doc: TwinDescription(name, at.Doc+" "+at.Config), Resource: Twin(name, plain)}
		at.Resource = planNullWithTwin(plain, name)
		at.Config = strings.TrimSpace(at.Config + " " + pointToTwin(name))
		out[name] = at
		out[name+VersionSuffix] = Attr{Doc: VersionDescription(name), Resource: TwinVersion(name)}
	}
	return out
}

// WithWriteOnlyNested is WithWriteOnly for the attributes of a nested
// object, whose descriptions are their own.
func WithWriteOnlyNested(attrs map[string]rschema.Attribute, names ...string) map[string]rschema.Attribute {
	out := make(map[string]rschema.Attribute, len(attrs)+2*len(names))
	for k, v := range attrs {
		out[k] = v
	}
	for _, name := range names {
		plain, ok := attrs[name].(rschema.StringAttribute)
		if !ok {
			panic(fmt.Sprintf("mapping: write-only twin of %s: only string secrets have twins", name))
		}
		wo := Twin(name, plain)
		wo.Description = TwinDescription(name, plain.Description)
		plain.Description += " " + pointToTwin(name)
		out[name] = planNullWithTwin(plain, name)
		out[name+WriteOnlySuffix] = wo
		v := TwinVersion(name)
		v.Description = VersionDescription(name)
		out[name+VersionSuffix] = v
	}
	return out
}

// Twin is the write-only twin of the plain secret attribute name: the
// plain's validators, optional, and neither computed nor kept. It conflicts
// with the plain attribute and needs its version.
func Twin(name string, plain rschema.StringAttribute) rschema.StringAttribute {
	wo := writeOnlyOf(name, plain)
	wo.Validators = append([]validator.String{stringvalidator.ConflictsWith(path.MatchRelative().AtParent().AtName(name))}, wo.Validators...)
	return wo
}

// writeOnlyOf is the write-only attribute name_wo with secret's
// validators, needing its version.
func writeOnlyOf(name string, secret rschema.StringAttribute) rschema.StringAttribute {
	validators := append([]validator.String{
		stringvalidator.AlsoRequires(path.MatchRelative().AtParent().AtName(name + VersionSuffix)),
	}, secret.Validators...)
	return rschema.StringAttribute{Optional: true, WriteOnly: true, Sensitive: true, Validators: validators}
}

// WithWriteOnlyOnly returns a copy of attrs with a secret that has no plain
// attribute, only name_wo (secret's description and validators) and its
// version: a secret that must never be kept (a user's password). name_wo is
// optional for the schema; a resource that needs it checks its version.
func (a Attrs) WithWriteOnlyOnly(name string, secret Attr) Attrs {
	out := a.Without()
	plain, ok := secret.Resource.(rschema.StringAttribute)
	if !ok {
		panic(fmt.Sprintf("mapping: write-only %s: only string secrets are write-only", name))
	}
	out[name+WriteOnlySuffix] = Attr{
		Doc: strings.TrimSpace(secret.Doc+" "+secret.Config) + fmt.Sprintf(" Write-only: the value is sent to the platform and never kept in the state or the plan; "+
			"it is sent on create and whenever `%[1]s%[2]s` changes, and a new value with the same version is not a change. "+
			"Needs Terraform >= 1.11 or OpenTofu >= 1.11.", name, VersionSuffix),
		Resource: writeOnlyOf(name, plain),
	}
	out[name+VersionSuffix] = Attr{Doc: VersionDescription(name), Resource: TwinVersion(name)}
	return out
}

// pointToTwin ends the plain attribute's description.
func pointToTwin(name string) string {
	return fmt.Sprintf("The state keeps it (marked sensitive); to keep it out, set the write-only `%s%s` instead (Terraform or OpenTofu >= 1.11).",
		name, WriteOnlySuffix)
}

// TwinVersion is the version of name's twin: bumping it sends the twin's
// value again.
func TwinVersion(name string) rschema.Int64Attribute {
	return rschema.Int64Attribute{Optional: true, Validators: []validator.Int64{
		int64validator.AlsoRequires(path.MatchRelative().AtParent().AtName(name + WriteOnlySuffix)),
	}}
}

// TwinDescription is the description of name's twin; plain describes the
// secret itself.
func TwinDescription(name, plain string) string {
	return strings.TrimSpace(plain) + fmt.Sprintf(" Write-only: the value is sent to the platform and never kept in the state or the plan. "+
		"Use it instead of `%[1]s` (they conflict), with `%[1]s%[2]s`: the value is sent when the object is created and whenever `%[1]s%[2]s` changes; "+
		"a new value with the same version is not a change. Needs Terraform >= 1.11 or OpenTofu >= 1.11; older versions use `%[1]s`.",
		name, VersionSuffix)
}

// VersionDescription is the description of the version of name's twin.
func VersionDescription(name string) string {
	return fmt.Sprintf("The version of `%[1]s%[2]s`: any number, changed (e.g. incremented) to send a new `%[1]s%[2]s`. "+
		"The platform's copy of a write-only secret cannot be compared with the configuration, so a secret changed behind Terraform's back is not detected; "+
		"bump the version to set it again. Required with `%[1]s%[2]s`.", name, WriteOnlySuffix)
}

// planNullWithTwin makes a plain attribute that the platform would fill in
// (optional and computed) planned as null while its twin is used: the
// secret then stays out of the state too.
func planNullWithTwin(plain rschema.StringAttribute, name string) rschema.StringAttribute {
	if !plain.Computed {
		return plain
	}
	plain.PlanModifiers = append(append([]planmodifier.String(nil), plain.PlanModifiers...), nullWithTwin{version: name + VersionSuffix})
	return plain
}

type nullWithTwin struct{ version string }

func (n nullWithTwin) Description(context.Context) string {
	return "null while `" + n.version + "` is set: the secret is then only written, never kept"
}

func (n nullWithTwin) MarkdownDescription(ctx context.Context) string { return n.Description(ctx) }

func (n nullWithTwin) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	var v types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, req.Path.ParentPath().AtName(n.version), &v)...)
	if !v.IsNull() {
		resp.PlanValue = types.StringNull()
	}
}

// WriteOnly is a secret's write-only twin in a model: its value, read from
// the configuration (the plan and the state hold it as null), and its
// version.
type WriteOnly struct {
	Value   types.String
	Version types.Int64
}

// Prior is the twin of prior, an update's prior state; nil on create
// (prior nil), which Send takes as "send when set".
func Prior[T any](prior *T, twin func(*T) WriteOnly) *WriteOnly {
	if prior == nil {
		return nil
	}
	w := twin(prior)
	return &w
}

// InUse says whether the twin is used: its version is set.
func (w WriteOnly) InUse() bool { return !w.Version.IsNull() && !w.Version.IsUnknown() }

// Send is the twin's value to send: on create (prior nil) when it is set, on
// update when its version changed. Nil sends nothing.
func (w WriteOnly) Send(prior *WriteOnly) *string {
	if w.Value.IsNull() || w.Value.IsUnknown() {
		return nil
	}
	if prior != nil && w.Version.Equal(prior.Version) {
		return nil
	}
	return w.Value.ValueStringPointer()
}

// Bumped says whether the twin is used and its version changed since
// prior: the update sends it.
func (w WriteOnly) Bumped(prior WriteOnly) bool { return w.InUse() && !w.Version.Equal(prior.Version) }

// Dropped says whether the configuration stopped using the twin: its
// version was set and no longer is. The platform still holds the secret;
// the caller clears it where the plain attribute's removal would.
func (w WriteOnly) Dropped(prior WriteOnly) bool { return prior.InUse() && !w.InUse() }

// Hide keeps the plain secret out of the model while the twin is used: what
// the platform returns is then never saved.
func (w WriteOnly) Hide(plain *types.String) {
	if w.InUse() {
		*plain = types.StringNull()
	}
}

// FromConfig reads the twins' values at paths from the configuration: the
// plan holds write-only values as null.
func FromConfig(ctx context.Context, cfg tfsdk.Config, paths map[string]*types.String, diags *diag.Diagnostics) {
	for p, v := range paths {
		diags.Append(cfg.GetAttribute(ctx, parsePath(p), v)...)
	}
}

func parsePath(dotted string) path.Path {
	parts := strings.Split(dotted, ".")
	p := path.Root(parts[0])
	for _, s := range parts[1:] {
		p = p.AtName(s)
	}
	return p
}

// RequireWriteOnlySupport fails a configuration that sets a write-only twin
// when the CLI cannot take write-only arguments (Terraform < 1.11, OpenTofu
// < 1.11), naming the versions and the plain argument to use instead. The
// framework's own error names Terraform only.
func RequireWriteOnlySupport(ctx context.Context, cfg tfsdk.Config, allowed bool, diags *diag.Diagnostics) {
	if allowed {
		return
	}
	walkWriteOnly(ctx, cfg, path.Empty(), cfg.Schema.GetAttributes(), diags)
}

func walkWriteOnly[A interface {
	IsWriteOnly() bool
	GetType() attr.Type
}](ctx context.Context, cfg tfsdk.Config, parent path.Path, attrs map[string]A, diags *diag.Diagnostics,
) {
	for name, a := range attrs {
		p := parent.AtName(name)
		if n, ok := any(a).(rschema.SingleNestedAttribute); ok {
			var obj types.Object
			if d := cfg.GetAttribute(ctx, p, &obj); d.HasError() || obj.IsNull() {
				continue
			}
			walkWriteOnly(ctx, cfg, p, n.Attributes, diags)
			continue
		}
		if !a.IsWriteOnly() {
			continue
		}
		var v attr.Value
		if d := cfg.GetAttribute(ctx, p, &v); d.HasError() || v == nil || v.IsNull() {
			continue
		}
		plain := strings.TrimSuffix(name, WriteOnlySuffix)
		diags.AddAttributeError(p, "Write-only arguments need Terraform 1.11 or OpenTofu 1.11",
			fmt.Sprintf("%s is write-only: it is sent to the platform and never kept in the state, which needs Terraform >= 1.11 or OpenTofu >= 1.11. "+
				"This CLI is older. Upgrade it, or set %s instead (and remove %s and %s%s): that value is kept in the state, marked sensitive.",
				name, plain, name, plain, VersionSuffix))
	}
}
