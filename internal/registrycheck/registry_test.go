package registrycheck

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A release on disk as GoReleaser writes it, with made-up contents: what the
// registry reads of it and serves does not depend on the files being real.
func fakeRelease(t *testing.T) (dist, manifest, key string) {
	t.Helper()
	dist = t.TempDir()
	write := func(name, text string) string {
		t.Helper()
		p := filepath.Join(dist, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("terraform-provider-conference_1.2.3_linux_amd64.zip", "linux zip")
	write("terraform-provider-conference_1.2.3_darwin_arm64.zip", "darwin zip")
	write("terraform-provider-conference_1.2.3_SHA256SUMS",
		"aaaa  conference-emulator_1.2.3_linux_amd64.tar.gz\n"+
			"bbbb  terraform-provider-conference_1.2.3_darwin_arm64.zip\n"+
			"cccc  terraform-provider-conference_1.2.3_linux_amd64.zip\n"+
			"dddd  terraform-provider-conference_1.2.3_manifest.json\n")
	write("terraform-provider-conference_1.2.3_SHA256SUMS.sig", "signature")
	manifest = write("manifest.json", `{"version": 1, "metadata": {"protocol_versions": ["6.0"]}}`)
	key = write("key.asc", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n...")
	return dist, manifest, key
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url) //nolint:noctx // a test's own server
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

// TestRegistryDocuments reads the registry's documents the way the CLIs do:
// discovery, then versions, then a platform's download document, whose URLs
// must fetch the release's own files.
func TestRegistryDocuments(t *testing.T) {
	dist, manifest, key := fakeRelease(t)
	rel, err := Load(dist, manifest, key, "0123456789ABCDEF")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(&Registry{Namespace: "confkit", Type: "conference", Release: rel})
	defer srv.Close()

	var disco map[string]string
	getJSON(t, srv.URL+"/.well-known/terraform.json", &disco)
	if disco["providers.v1"] != "/v1/providers/" {
		t.Fatalf("service discovery: %v", disco)
	}
	var versions struct {
		Versions []struct {
			Version   string
			Protocols []string
			Platforms []struct{ OS, Arch string }
		}
	}
	getJSON(t, srv.URL+"/v1/providers/confkit/conference/versions", &versions)
	if len(versions.Versions) != 1 {
		t.Fatalf("versions: %+v", versions)
	}
	v := versions.Versions[0]
	if v.Version != "1.2.3" || strings.Join(v.Protocols, ",") != "6.0" || len(v.Platforms) != 2 ||
		v.Platforms[0].OS != "darwin" || v.Platforms[0].Arch != "arm64" || v.Platforms[1].OS != "linux" {
		t.Fatalf("versions: %+v (want 1.2.3, protocol 6.0, darwin_arm64 and linux_amd64 from the SUMS file)", v)
	}

	var doc struct {
		Protocols                  []string
		OS, Arch, Filename, Shasum string
		DownloadURL                string `json:"download_url"`
		ShasumsURL                 string `json:"shasums_url"`
		ShasumsSignatureURL        string `json:"shasums_signature_url"`
		SigningKeys                struct {
			GPGPublicKeys []struct {
				KeyID      string `json:"key_id"`
				ASCIIArmor string `json:"ascii_armor"`
			} `json:"gpg_public_keys"`
		} `json:"signing_keys"`
	}
	getJSON(t, srv.URL+"/v1/providers/confkit/conference/1.2.3/download/linux/amd64", &doc)
	if doc.Filename != "terraform-provider-conference_1.2.3_linux_amd64.zip" || doc.Shasum != "cccc" ||
		doc.OS != "linux" || doc.Arch != "amd64" || strings.Join(doc.Protocols, ",") != "6.0" {
		t.Fatalf("download document: %+v", doc)
	}
	if len(doc.SigningKeys.GPGPublicKeys) != 1 || doc.SigningKeys.GPGPublicKeys[0].KeyID != "0123456789ABCDEF" ||
		!strings.HasPrefix(doc.SigningKeys.GPGPublicKeys[0].ASCIIArmor, "-----BEGIN PGP PUBLIC KEY BLOCK-----") {
		t.Fatalf("signing keys: %+v", doc.SigningKeys)
	}
	// The URLs are absolute, on the host the CLI asked (http here, https
	// in the check: the scheme is the registry's).
	host := strings.TrimPrefix(srv.URL, "http://")
	for url, want := range map[string]string{doc.DownloadURL: "linux zip", doc.ShasumsURL: "aaaa", doc.ShasumsSignatureURL: "signature"} {
		if !strings.HasPrefix(url, "https://"+host+"/files/") {
			t.Fatalf("%s is not a URL of the registry's host %s", url, host)
		}
		resp, err := http.Get("http://" + strings.TrimPrefix(url, "https://")) //nolint:noctx // a test's own server
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.HasPrefix(string(body), want) {
			t.Fatalf("GET %s: %q, want the release's file starting %q", url, body, want)
		}
	}
	for _, path := range []string{
		"/v1/providers/confkit/conference/1.2.4/download/linux/amd64",
		"/v1/providers/confkit/conference/1.2.3/download/windows/amd64",
		"/v1/providers/other/conference/versions",
		"/files/conference-emulator_1.2.3_linux_amd64.tar.gz",
	} {
		resp, err := http.Get(srv.URL + path) //nolint:noctx // a test's own server
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %s, want 404", path, resp.Status)
		}
	}
}

// TestLoadRefuses: a release that is not signed, or whose manifest has no
// protocol versions, is no release to serve.
func TestLoadRefuses(t *testing.T) {
	dist, manifest, key := fakeRelease(t)
	if err := os.Remove(filepath.Join(dist, "terraform-provider-conference_1.2.3_SHA256SUMS.sig")); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dist, manifest, key, "X"); err == nil || !strings.Contains(err.Error(), "not signed") {
		t.Errorf("an unsigned release loaded: %v", err)
	}
	dist, manifest, key = fakeRelease(t)
	if err := os.WriteFile(manifest, []byte(`{"version": 1, "metadata": {}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dist, manifest, key, "X"); err == nil || !strings.Contains(err.Error(), "protocol_versions") {
		t.Errorf("a manifest without protocol versions loaded: %v", err)
	}
}
