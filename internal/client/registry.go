package client

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"

	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Registry is a provider process's memory of credentials, by a digest of
// the platform, its endpoint and the credentials' values (never the values).
// The provider keeps one for its lifetime, which in a real run is its
// plugin process's.
type Registry struct {
	mu    sync.Mutex
	byKey map[string]*credentialState
}

// NewRegistry returns an empty memory.
func NewRegistry() *Registry { return &Registry{byKey: map[string]*credentialState{}} }

// Remembered returns the memory of one credential set: identity is what
// tells sets apart (the endpoint and every credential value). hint names
// what the user corrects when the platform refuses them.
func (g *Registry) Remembered(platform, hint string, identity ...string) *Credentials {
	h := sha256.New()
	for _, part := range append([]string{platform}, identity...) {
		fmt.Fprintf(h, "%d:%s;", len(part), part)
	}
	key := hex.EncodeToString(h.Sum(nil))
	g.mu.Lock()
	defer g.mu.Unlock()
	st := g.byKey[key]
	if st == nil {
		st = &credentialState{}
		g.byKey[key] = st
	}
	return &Credentials{platform: platform, hint: hint, state: st}
}

// For is the memory of the credentials r resolved, worded with where each
// came from.
func (g *Registry) For(r platforms.Resolution) *Credentials {
	return g.Remembered(r.Platform.Name, r.CredentialText(), r.Identity()...)
}
