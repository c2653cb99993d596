// Package registrycheck serves a GoReleaser snapshot of the provider the way
// the Terraform and OpenTofu registries serve a published release, so that
// `make registry-check` can install it with `init` and an ordinary CLI
// configuration: service discovery, the versions and download documents of
// the provider registry protocol, the zips, the SHA256SUMS file, its detached
// signature and the public key that signed it.
package registrycheck

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Provider is the name the release files carry (terraform-provider-<type>).
const Provider = "terraform-provider-conference"

// Release is what a registry publishes of one provider version. Tests of
// the check itself change a copy of it (another key, other protocols, a
// tampered zip) and expect `init` to refuse it.
type Release struct {
	Version string
	// Protocols are the plugin protocol versions of the release's manifest,
	// which the registries publish in the versions and download documents.
	Protocols []string
	Packages  []Package
	// SumsFile and SigFile are the SHA256SUMS file and its detached
	// signature.
	SumsFile, SigFile string
	// KeyID and KeyArmor are the signing key's ID and its ASCII-armored
	// public key, published in the download document.
	KeyID, KeyArmor string
}

// Package is one platform's zip.
type Package struct {
	OS, Arch string
	// File is the zip's path; Name its name in the release.
	File, Name string
	// SHA256 is the zip's checksum as the SHA256SUMS file lists it: the
	// registry publishes that, not a checksum of the file it serves.
	SHA256 string
}

// Platform is the package's platform as the CLIs write it (linux_amd64).
func (p Package) Platform() string { return p.OS + "_" + p.Arch }

var sumsName = regexp.MustCompile(`^` + regexp.QuoteMeta(Provider) + `_([^_]+)_SHA256SUMS$`)

// Load reads the release in dist (a GoReleaser dist/ directory, signed), the
// manifest the release publishes, and the armored public key of the signer.
func Load(dist, manifest, keyFile, keyID string) (*Release, error) {
	sums, err := filepath.Glob(filepath.Join(dist, Provider+"_*_SHA256SUMS"))
	if err != nil || len(sums) != 1 {
		return nil, fmt.Errorf("%s: want one %s_<version>_SHA256SUMS file, found %d", dist, Provider, len(sums))
	}
	m := sumsName.FindStringSubmatch(filepath.Base(sums[0]))
	if m == nil {
		return nil, fmt.Errorf("%s: not named %s_<version>_SHA256SUMS", sums[0], Provider)
	}
	r := &Release{Version: m[1], SumsFile: sums[0], SigFile: sums[0] + ".sig", KeyID: keyID}
	if _, err := os.Stat(r.SigFile); err != nil {
		return nil, fmt.Errorf("the release is not signed: %w", err)
	}
	key, err := os.ReadFile(keyFile)
	if err != nil {
		return nil, err
	}
	r.KeyArmor = string(key)
	if r.Protocols, err = readProtocols(manifest); err != nil {
		return nil, err
	}
	text, err := os.ReadFile(r.SumsFile)
	if err != nil {
		return nil, err
	}
	prefix := Provider + "_" + r.Version + "_"
	for _, line := range strings.Split(strings.TrimSpace(string(text)), "\n") {
		sum, name, ok := strings.Cut(line, "  ")
		if !ok || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".zip") {
			continue
		}
		goos, arch, ok := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(name, prefix), ".zip"), "_")
		if !ok {
			return nil, fmt.Errorf("%s: %q is not named %s<os>_<arch>.zip", r.SumsFile, name, prefix)
		}
		r.Packages = append(r.Packages, Package{OS: goos, Arch: arch, File: filepath.Join(dist, name), Name: name, SHA256: sum})
	}
	if len(r.Packages) == 0 {
		return nil, fmt.Errorf("%s lists no provider zip", r.SumsFile)
	}
	sort.Slice(r.Packages, func(i, j int) bool { return r.Packages[i].Platform() < r.Packages[j].Platform() })
	return r, nil
}

// readProtocols reads the protocol versions of a terraform-registry-manifest.json.
func readProtocols(manifest string) ([]string, error) {
	data, err := os.ReadFile(manifest)
	if err != nil {
		return nil, err
	}
	var m struct {
		Version  int `json:"version"`
		Metadata struct {
			ProtocolVersions []string `json:"protocol_versions"`
		} `json:"metadata"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", manifest, err)
	}
	if m.Version != 1 || len(m.Metadata.ProtocolVersions) == 0 {
		return nil, fmt.Errorf("%s: want version 1 and metadata.protocol_versions", manifest)
	}
	return m.Metadata.ProtocolVersions, nil
}

// Package returns the package for a platform (linux_amd64).
func (r *Release) Package(platform string) (Package, bool) {
	for _, p := range r.Packages {
		if p.Platform() == platform {
			return p, true
		}
	}
	return Package{}, false
}
