package registrycheck

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"sync/atomic"
)

// Registry serves one Release under one namespace and type by the provider
// registry protocol (https://developer.hashicorp.com/terraform/internals/provider-registry-protocol):
//
//	/.well-known/terraform.json                              service discovery
//	/v1/providers/NS/TYPE/versions                           the versions document
//	/v1/providers/NS/TYPE/VERSION/download/OS/ARCH           the download document
//	/files/NAME                                              the zips, SHA256SUMS and its .sig
//
// The download document's URLs are absolute, on the host the request named.
type Registry struct {
	Namespace, Type string
	Release         *Release
	requests        atomic.Int64
}

// Requests is how many requests the registry has answered: an install from
// a mirror must make none.
func (g *Registry) Requests() int64 { return g.requests.Load() }

func (g *Registry) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.requests.Add(1)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	rel := g.Release
	if r.URL.Path == "/.well-known/terraform.json" {
		writeJSON(w, map[string]string{"providers.v1": "/v1/providers/"})
		return
	}
	if name, ok := strings.CutPrefix(r.URL.Path, "/files/"); ok {
		g.serveFile(w, r, name)
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/v1/providers/"+g.Namespace+"/"+g.Type+"/")
	if !ok {
		http.NotFound(w, r)
		return
	}
	if rest == "versions" {
		platforms := make([]map[string]string, 0, len(rel.Packages))
		for _, p := range rel.Packages {
			platforms = append(platforms, map[string]string{"os": p.OS, "arch": p.Arch})
		}
		writeJSON(w, map[string]any{"versions": []map[string]any{{
			"version": rel.Version, "protocols": rel.Protocols, "platforms": platforms,
		}}})
		return
	}
	parts := strings.Split(rest, "/")
	if len(parts) != 4 || parts[0] != rel.Version || parts[1] != "download" {
		http.NotFound(w, r)
		return
	}
	p, ok := rel.Package(parts[2] + "_" + parts[3])
	if !ok {
		http.NotFound(w, r)
		return
	}
	base := "https://" + r.Host + "/files/"
	writeJSON(w, map[string]any{
		"protocols":             rel.Protocols,
		"os":                    p.OS,
		"arch":                  p.Arch,
		"filename":              p.Name,
		"download_url":          base + p.Name,
		"shasums_url":           base + filepath.Base(rel.SumsFile),
		"shasums_signature_url": base + filepath.Base(rel.SigFile),
		"shasum":                p.SHA256,
		"signing_keys": map[string]any{"gpg_public_keys": []map[string]string{{
			"key_id": rel.KeyID, "ascii_armor": rel.KeyArmor,
		}}},
	})
}

// serveFile serves a file of the release by its name in the release.
func (g *Registry) serveFile(w http.ResponseWriter, r *http.Request, name string) {
	rel := g.Release
	switch name {
	case filepath.Base(rel.SumsFile):
		http.ServeFile(w, r, rel.SumsFile)
		return
	case filepath.Base(rel.SigFile):
		http.ServeFile(w, r, rel.SigFile)
		return
	}
	for _, p := range rel.Packages {
		if p.Name == name {
			http.ServeFile(w, r, p.File)
			return
		}
	}
	http.NotFound(w, r)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
