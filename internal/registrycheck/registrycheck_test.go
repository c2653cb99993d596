package registrycheck

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/dirhash"

	"github.com/confkit/terraform-provider-conference/internal/testca"
)

// The check runs only from scripts/registry-check.sh (make registry-check),
// which builds and signs the release these variables name.
type checkEnv struct {
	dist, manifest, key, keyID, wrongKey string
	clis                                 []string
}

func readEnv(t *testing.T) checkEnv {
	t.Helper()
	e := checkEnv{
		dist:     os.Getenv("REGISTRY_CHECK_DIST"),
		manifest: os.Getenv("REGISTRY_CHECK_MANIFEST"),
		key:      os.Getenv("REGISTRY_CHECK_KEY"),
		keyID:    os.Getenv("REGISTRY_CHECK_KEY_ID"),
		wrongKey: os.Getenv("REGISTRY_CHECK_WRONG_KEY"),
		clis:     strings.Fields(os.Getenv("REGISTRY_CHECK_CLIS")),
	}
	if e.dist == "" {
		t.Skip("REGISTRY_CHECK_DIST is not set: run make registry-check")
	}
	if e.manifest == "" || e.key == "" || e.keyID == "" || e.wrongKey == "" || len(e.clis) == 0 {
		t.Fatal("REGISTRY_CHECK_MANIFEST, _KEY, _KEY_ID, _WRONG_KEY and _CLIS must be set with REGISTRY_CHECK_DIST")
	}
	return e
}

// serve starts an HTTPS provider registry for rel on loopback, with a
// certificate of a CA made for the test; it returns the registry, its host
// (localhost:PORT, which provider sources accept and the CLIs find by
// service discovery) and the CA's certificate file for SSL_CERT_FILE.
func serve(t *testing.T, rel *Release) (reg *Registry, host, caFile string) {
	t.Helper()
	ca := testca.New(t)
	caFile, _, _ = ca.Files(t)
	reg = &Registry{Namespace: "confkit", Type: "conference", Release: rel}
	srv := httptest.NewUnstartedServer(reg)
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{ca.Server}, MinVersion: tls.VersionTLS12}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	_, port, _ := strings.Cut(strings.TrimPrefix(srv.URL, "https://"), ":")
	return reg, "localhost:" + port, caFile
}

// workdir is a copy of examples/demo whose provider comes from host at
// exactly the release's version. For a CLI that cannot send write-only
// arguments (before Terraform and OpenTofu 1.11), the demo's secrets are
// written as the plan-time error tells such a user to: the plain argument,
// without the twin's version.
func workdir(t *testing.T, host, version, bin string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "demo", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	const from = `source = "confkit/conference"`
	if strings.Count(string(src), from) != 1 {
		t.Fatalf("examples/demo/main.tf no longer declares %s once: update this test", from)
	}
	to := fmt.Sprintf("source  = %q\n      version = %q", host+"/confkit/conference", "= "+version)
	text := strings.Replace(string(src), from, to, 1)
	if !writeOnlyCLI(t, bin) {
		text = woVersion.ReplaceAllString(text, "")
		text = woArgument.ReplaceAllString(text, "$1$2 =")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

var (
	woVersion  = regexp.MustCompile(`(?m)^\s*\w+_wo_version\s*=.*\n`)
	woArgument = regexp.MustCompile(`(?m)^(\s*)(\w+)_wo\s*=`)
)

// writeOnlyCLI reports whether the CLI at bin takes write-only arguments:
// Terraform and OpenTofu 1.11 and later.
func writeOnlyCLI(t *testing.T, bin string) bool {
	t.Helper()
	out, err := exec.Command(bin, "version", "-json").Output()
	if err != nil {
		t.Fatalf("%s version -json: %v", bin, err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%s version -json: %v", bin, err)
	}
	var major, minor int
	if _, err := fmt.Sscanf(v.Version, "%d.%d", &major, &minor); err != nil {
		t.Fatalf("%s version %q: %v", bin, v.Version, err)
	}
	return major > 1 || major == 1 && minor >= 11
}

// cliEnv is the environment of every CLI run: the process's without the
// Terraform settings of the caller, a CLI configuration of its own, the
// test CA trusted, and the emulator's endpoints and credentials as
// scripts/demo.sh sets them.
func cliEnv(t *testing.T, caFile, tfrc, emulatorURL string) []string {
	t.Helper()
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TF_") && !strings.HasPrefix(kv, "SSL_CERT_") {
			env = append(env, kv)
		}
	}
	end := time.Now().Add(7 * 24 * time.Hour).In(time.FixedZone("", 3600)).Format("2006-01-02T15:04:00-07:00")
	return append(env,
		"TF_CLI_CONFIG_FILE="+tfrc, "SSL_CERT_FILE="+caFile, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1",
		"PORTSIP_ENDPOINT="+emulatorURL, "PORTSIP_USERNAME=admin", "PORTSIP_PASSWORD=emulator-password",
		"LINE_PLANET_ENDPOINT="+emulatorURL, "LINE_PLANET_API_KEY=emulator-key", "LINE_PLANET_API_SECRET=emulator-secret",
		"SQMEETING_ENDPOINT="+emulatorURL, "SQMEETING_USERNAME=admin", "SQMEETING_PASSWORD=emulator-password",
		"WHEREBY_ENDPOINT="+emulatorURL, "WHEREBY_API_KEY=emulator-key",
		"TF_VAR_meeting_end="+end,
	)
}

// cli runs one CLI command in dir and returns its combined output.
func cli(t *testing.T, env []string, dir, bin string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func mustCLI(t *testing.T, env []string, dir, bin string, args ...string) string {
	t.Helper()
	out, err := cli(t, env, dir, bin, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(bin), strings.Join(args, " "), err, out)
	}
	return out
}

func writeFile(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRegistryInstall installs the signed release from the registry with
// each CLI and runs the demo with it, locks every platform of the release,
// and installs again from a filesystem mirror without the registry.
func TestRegistryInstall(t *testing.T) {
	e := readEnv(t)
	rel, err := Load(e.dist, e.manifest, e.key, e.keyID)
	if err != nil {
		t.Fatal(err)
	}
	checkReleasedPlatforms(t, e.dist, rel)
	if err := rel.CheckProtocols(hostExecutable(t, rel)); err != nil {
		t.Fatal(err)
	}
	reg, host, caFile := serve(t, rel)
	emulatorURL := startEmulator(t, e.dist)
	for _, bin := range e.clis {
		t.Run(filepath.Base(bin), func(t *testing.T) {
			// An ordinary CLI configuration: no dev_overrides, no
			// provider_installation, no plugin cache.
			env := cliEnv(t, caFile, writeFile(t, filepath.Join(t.TempDir(), "cli.tfrc"), ""), emulatorURL)
			dir := workdir(t, host, rel.Version, bin)

			out := mustCLI(t, env, dir, bin, "init", "-input=false", "-no-color")
			// Both CLIs name the key whose signature they checked.
			installed := regexp.MustCompile(`Installed ` + regexp.QuoteMeta(host) + `/confkit/conference v` + regexp.QuoteMeta(rel.Version) + ` \([^)]*key ID ` + e.keyID[len(e.keyID)-16:] + `\)`)
			if !installed.MatchString(out) {
				t.Fatalf("init did not report the install signed with key %s:\n%s", e.keyID, out)
			}
			mustCLI(t, env, dir, bin, "apply", "-auto-approve", "-input=false", "-no-color", "-compact-warnings")
			if out, err := cli(t, env, dir, bin, "plan", "-input=false", "-no-color", "-detailed-exitcode"); err != nil {
				t.Fatalf("second plan is not empty (%v):\n%s", err, out)
			}
			mustCLI(t, env, dir, bin, "destroy", "-auto-approve", "-input=false", "-no-color")

			platforms := make([]string, 0, len(rel.Packages))
			for _, p := range rel.Packages {
				platforms = append(platforms, "-platform="+p.Platform())
			}
			mustCLI(t, env, dir, bin, append([]string{"providers", "lock", "-no-color"}, platforms...)...)
			lock, err := os.ReadFile(filepath.Join(dir, ".terraform.lock.hcl"))
			if err != nil {
				t.Fatal(err)
			}
			checkLock(t, string(lock), host, rel)

			mirror := t.TempDir()
			mustCLI(t, env, dir, bin, append([]string{"providers", "mirror"}, append(platforms, mirror)...)...)
			_ = filepath.WalkDir(mirror, func(path string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					t.Logf("mirror: %s", strings.TrimPrefix(path, mirror))
				}
				return nil
			})
			offline := workdir(t, host, rel.Version, bin)
			writeFile(t, filepath.Join(offline, ".terraform.lock.hcl"), string(lock))
			offlineEnv := cliEnv(t, caFile, writeFile(t, filepath.Join(t.TempDir(), "offline.tfrc"), fmt.Sprintf(
				"provider_installation {\n  filesystem_mirror {\n    path    = %q\n    include = [%q]\n  }\n}\n", mirror, host+"/*/*")), emulatorURL)
			before := reg.Requests()
			mustCLI(t, offlineEnv, offline, bin, "init", "-input=false", "-no-color")
			if n := reg.Requests() - before; n != 0 {
				t.Fatalf("init from the mirror asked the registry %d times", n)
			}
			mustCLI(t, offlineEnv, offline, bin, "validate", "-no-color")
			if got, _ := os.ReadFile(filepath.Join(offline, ".terraform.lock.hcl")); string(got) != string(lock) {
				t.Fatalf("init from the mirror changed the lock file:\n%s\nwas:\n%s", got, lock)
			}
		})
	}
}

// checkLock checks that the lock file pins the release and holds, for every
// platform, the zip's checksum (zh:) and the unpacked package's hash (h1:).
func checkLock(t *testing.T, lock, host string, rel *Release) {
	t.Helper()
	if !strings.Contains(lock, fmt.Sprintf("provider %q {", host+"/confkit/conference")) ||
		!strings.Contains(lock, fmt.Sprintf("version     = %q", rel.Version)) {
		t.Fatalf("the lock file does not pin %s/confkit/conference %s:\n%s", host, rel.Version, lock)
	}
	h1s := regexp.MustCompile(`"h1:[^"]+"`).FindAllString(lock, -1)
	if len(h1s) != len(rel.Packages) {
		t.Errorf("the lock file has %d h1: hashes for the %d platforms of the release:\n%s", len(h1s), len(rel.Packages), lock)
	}
	for _, p := range rel.Packages {
		h1, err := dirhash.HashZip(p.File, dirhash.Hash1)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{h1, "zh:" + p.SHA256} {
			if !strings.Contains(lock, `"`+want+`"`) {
				t.Errorf("the lock file lacks %s of %s:\n%s", want, p.Platform(), lock)
			}
		}
	}
}

// checkReleasedPlatforms checks that the registry serves every provider zip
// GoReleaser built (dist/artifacts.json), so that the lock file covers every
// platform of the release: the host's alone in a snapshot of the host's
// target, the whole matrix with RELEASE_CHECK_FULL=1.
func checkReleasedPlatforms(t *testing.T, dist string, rel *Release) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dist, "artifacts.json"))
	if err != nil {
		t.Fatal(err)
	}
	var artifacts []struct{ Name, Type, Goos, Goarch string }
	if err := json.Unmarshal(data, &artifacts); err != nil {
		t.Fatalf("dist/artifacts.json: %v", err)
	}
	var built, served []string
	for _, a := range artifacts {
		if a.Type == "Archive" && strings.HasPrefix(a.Name, Provider+"_") {
			built = append(built, a.Goos+"_"+a.Goarch+" "+a.Name)
		}
	}
	for _, p := range rel.Packages {
		served = append(served, p.Platform()+" "+p.Name)
	}
	slices.Sort(built)
	if !slices.Equal(built, served) {
		t.Fatalf("GoReleaser built the provider zips\n%s\nbut the SHA256SUMS file lists\n%s", strings.Join(built, "\n"), strings.Join(served, "\n"))
	}
	t.Logf("the release has %d platforms: %s", len(served), strings.Join(served, ", "))
}

// startEmulator runs the conference-emulator of the release (its archive
// for this machine) on loopback and returns its URL.
func startEmulator(t *testing.T, dist string) string {
	t.Helper()
	archives, _ := filepath.Glob(filepath.Join(dist, "conference-emulator_*_"+runtime.GOOS+"_"+runtime.GOARCH+".tar.gz"))
	if len(archives) != 1 {
		t.Fatalf("want one conference-emulator archive for %s_%s in %s, found %d", runtime.GOOS, runtime.GOARCH, dist, len(archives))
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "conference-emulator")
	untar(t, archives[0], "conference-emulator", bin)
	urlFile := filepath.Join(dir, "url")
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-url-file", urlFile, "-quiet")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	for i := 0; i < 100; i++ {
		if u, err := os.ReadFile(urlFile); err == nil && len(u) > 0 {
			return strings.TrimSpace(string(u))
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("the released conference-emulator wrote no URL in 10s")
	return ""
}

// untar writes the file called name in a .tar.gz archive to dst.
func untar(t *testing.T, archive, name, dst string) {
	t.Helper()
	f, err := os.Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			t.Fatalf("%s holds no %s", archive, name)
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Name != name {
			continue
		}
		writeExecutable(t, dst, tr)
		return
	}
}

// writeExecutable writes an executable unpacked from the release.
func writeExecutable(t *testing.T, dst string, src io.Reader) {
	t.Helper()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o700)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, src); err != nil { //nolint:gosec // our own release's archive
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestRegistryRefuses shows that init checks what it installs: a zip that
// is not the one the SHA256SUMS file lists, a SUMS file signed by another
// key than the published one, and a SUMS file changed after it was signed
// each make init fail, with every CLI.
func TestRegistryRefuses(t *testing.T) {
	e := readEnv(t)
	host := runtime.GOOS + "_" + runtime.GOARCH
	cases := []struct {
		name string
		// release returns the release the registry serves.
		release func(t *testing.T) *Release
		// want is what init must say.
		want *regexp.Regexp
	}{{
		name: "tampered zip",
		release: func(t *testing.T) *Release {
			rel, err := Load(e.dist, e.manifest, e.key, e.keyID)
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range rel.Packages {
				if p.Platform() == host {
					rel.Packages[i].File = tamper(t, p.File)
				}
			}
			return rel
		},
		want: regexp.MustCompile(`archive has incorrect checksum\s+zh:[0-9a-f]{64}\s+\(expected\s+zh:[0-9a-f]{64}\)`),
	}, {
		name: "wrong key",
		release: func(t *testing.T) *Release {
			rel, err := Load(e.dist, e.manifest, e.wrongKey, e.keyID)
			if err != nil {
				t.Fatal(err)
			}
			return rel
		},
		want: regexp.MustCompile(`authentication signature from unknown\s+issuer`),
	}, {
		name: "SHA256SUMS edited after signing",
		release: func(t *testing.T) *Release {
			rel, err := Load(e.dist, e.manifest, e.key, e.keyID)
			if err != nil {
				t.Fatal(err)
			}
			// The SUMS file lists the tampered zip, so the checksums agree
			// and only the signature can tell.
			sums, err := os.ReadFile(rel.SumsFile)
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range rel.Packages {
				if p.Platform() == host {
					rel.Packages[i].File = tamper(t, p.File)
					rel.Packages[i].SHA256 = sha256File(t, rel.Packages[i].File)
					sums = []byte(strings.Replace(string(sums), p.SHA256, rel.Packages[i].SHA256, 1))
				}
			}
			rel.SumsFile = writeFile(t, filepath.Join(t.TempDir(), filepath.Base(rel.SumsFile)), string(sums))
			return rel
		},
		want: regexp.MustCompile(`invalid\s+signature`),
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rel := c.release(t)
			_, host, caFile := serve(t, rel)
			for _, bin := range e.clis {
				t.Run(filepath.Base(bin), func(t *testing.T) {
					env := cliEnv(t, caFile, writeFile(t, filepath.Join(t.TempDir(), "cli.tfrc"), ""), "http://127.0.0.1:1")
					dir := workdir(t, host, rel.Version, bin)
					out, err := cli(t, env, dir, bin, "init", "-input=false", "-no-color")
					if err == nil {
						t.Fatalf("init installed the release:\n%s", out)
					}
					if !c.want.MatchString(out) {
						t.Fatalf("init failed, but not saying %s:\n%s", c.want, out)
					}
					t.Logf("init refused it:\n%s", out)
				})
			}
		})
	}
}

// tamper returns a copy of the zip at path with one more file in it: a
// valid zip that is not the one the SHA256SUMS file lists.
func tamper(t *testing.T, path string) string {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	dst := filepath.Join(t.TempDir(), filepath.Base(path))
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	w := zip.NewWriter(f)
	for _, zf := range r.File {
		if err := w.Copy(zf); err != nil {
			t.Fatal(err)
		}
	}
	extra, err := w.Create("README.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = extra.Write([]byte("not what was signed\n"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestRegistryProtocolCheck shows that the check fails a manifest whose
// protocol versions are not the ones the released provider serves: the CLIs
// install such a release (they speak 5 and 6 both), but a CLI that speaks
// only protocol 5 would install a provider it cannot run.
func TestRegistryProtocolCheck(t *testing.T) {
	e := readEnv(t)
	for _, protocols := range []string{`["5.0"]`, `["5.0", "6.0"]`} {
		t.Run(protocols, func(t *testing.T) {
			manifest := writeFile(t, filepath.Join(t.TempDir(), "manifest.json"), `{"version": 1, "metadata": {"protocol_versions": `+protocols+`}}`)
			rel, err := Load(e.dist, manifest, e.key, e.keyID)
			if err != nil {
				t.Fatal(err)
			}
			err = rel.CheckProtocols(hostExecutable(t, rel))
			if err == nil || !strings.Contains(err.Error(), `the provider serves ["6.0"]`) {
				t.Fatalf("a manifest declaring %s passed the check: %v", protocols, err)
			}
			t.Log(err)
		})
	}
}

// hostExecutable unpacks the provider executable of this machine's zip.
func hostExecutable(t *testing.T, rel *Release) string {
	t.Helper()
	p, ok := rel.Package(runtime.GOOS + "_" + runtime.GOARCH)
	if !ok {
		t.Fatalf("the release has no zip for %s_%s", runtime.GOOS, runtime.GOARCH)
	}
	r, err := zip.OpenReader(p.File)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	name := Provider + "_v" + rel.Version
	for _, f := range r.File {
		if f.Name != name {
			continue
		}
		src, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer src.Close()
		dst := filepath.Join(t.TempDir(), name)
		writeExecutable(t, dst, src)
		return dst
	}
	t.Fatalf("%s holds no %s", p.File, name)
	return ""
}

func sha256File(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(data))
}
