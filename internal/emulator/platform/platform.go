// Package platform holds what every emulated vendor API shares: the API
// contract the emulator's router speaks to, the controllable clock, and small
// JSON helpers. Vendor rules live in the per-platform packages, never here.
package platform

import (
	"encoding/json"
	"net/http"
)

// API is one emulated vendor API. (The platform's declaration, with its
// display name, is platforms.Platform; this is what serves its requests.)
type API interface {
	// Key is the platform's declared key (platforms.Platform.Key), used in
	// admin routes and the state file: "portsip", "lineplanet", "sqmeeting",
	// "whereby".
	Key() string
	// Prefixes are the URL path prefixes the platform owns, e.g. "/api/".
	// The router uses them to pick the platform whose envelope an injected fault
	// is written in.
	Prefixes() []string
	// Register adds the platform's routes to mux.
	Register(mux *http.ServeMux)
	// WriteError writes an error in the vendor's own envelope, for injected faults.
	WriteError(w http.ResponseWriter, status int, message string)
	// Reset drops all objects, as if the emulator had just started.
	Reset()
	// Snapshot and Restore move the platform's objects to and from the state file.
	Snapshot() (json.RawMessage, error)
	Restore(json.RawMessage) error
	// Seed adds the objects (and, where the platform has them, the users) of
	// the platform's section of a seed document, each checked by the rules its
	// API applies: the create handlers themselves (see Call). It returns the
	// first refusal; the emulator restores the state from before the seed.
	Seed(json.RawMessage) error
}

// WriteJSON writes v with status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if v != nil {
		enc := json.NewEncoder(w)
		_ = enc.Encode(v)
	}
}
