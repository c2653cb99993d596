// Package resources holds the provider's managed resources, one per file. Each
// reads back every attribute, drops the object from state on a 404, imports by
// ID, and validates every documented constraint at plan time.
package resources
