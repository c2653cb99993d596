// Package resources holds the provider's managed resources, one per file,
// each embedding base (base.go): reads back every attribute, drops the object
// from state with a warning on a 404, imports by ID through the type's codec,
// and validates every documented constraint at plan time. Their descriptors
// (name, noun, import ID, natural key) are in internal/managed.
package resources
