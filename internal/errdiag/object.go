package errdiag

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// Object is the wording bound once to a platform and the noun of what is
// read or managed there, so that every failed call of a resource or data
// source reads the same.
type Object struct {
	// Platform is the vendor's name: "PortSIP".
	Platform string
	// Noun is what the object is called in messages: "conference room".
	Noun string
}

// Describe is the package's Describe for this object.
func (o Object) Describe(err error, op Operation) (summary, detail string) {
	return Describe(err, o.Platform, op, o.Noun)
}

// Add adds the error of a failed op to diags.
func (o Object) Add(diags *diag.Diagnostics, op Operation, err error) {
	diags.AddError(o.Describe(err, op))
}

// AddAfter adds the error of a failed op to diags, its detail after lead:
// what was being done, and why ("Canceling occurrence 42 of series 7: ").
func (o Object) AddAfter(diags *diag.Diagnostics, op Operation, err error, lead string) {
	summary, detail := o.Describe(err, op)
	diags.AddError(summary, lead+detail)
}

// NotFound adds the error of a data source whose object does not exist:
// "PortSIP conference room not found", on the argument it was looked up
// by. why, when set, says what makes an object disappear.
func (o Object) NotFound(diags *diag.Diagnostics, arg, argName, value, why string) {
	detail := fmt.Sprintf("There is no %s %s with %s %q", o.Platform, o.Noun, argName, value)
	if why == "" {
		why = fmt.Sprintf(". Check the %s, or whether the %s was deleted.", argName, o.Noun)
	}
	diags.AddAttributeError(path.Root(arg), fmt.Sprintf("%s %s not found", o.Platform, o.Noun), detail+why)
}

// Gone is the warning of a resource whose object disappeared behind
// Terraform's back: Read removes it from the state, and the next plan
// creates it again.
func (o Object) Gone(diags *diag.Diagnostics, typeName, id string) {
	diags.AddWarning(fmt.Sprintf("%s %s %s no longer exists", o.Platform, o.Noun, id),
		fmt.Sprintf("%s answered that the %s with ID %q does not exist: it was deleted outside Terraform, or it expired. "+
			"The %s is removed from the state, and the next plan creates it again.", o.Platform, o.Noun, id, typeName))
}
