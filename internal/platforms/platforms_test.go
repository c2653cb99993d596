package platforms

import (
	"go/scanner"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestEnvironmentVariablesAreDeclaredOnce keeps every platform environment
// variable's name in exactly one non-test Go file, its declaration: everything
// else (schema, Configure, messages, docs, the emulator's flags) derives from it.
func TestEnvironmentVariablesAreDeclaredOnce(t *testing.T) {
	root := filepath.Join("..", "..")
	files := map[string][]string{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "tools" || d.Name() == "bin" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		code := withoutComments(t, data)
		for _, pl := range All {
			for _, s := range pl.Settings {
				if regexp.MustCompile(`\b` + s.Env + `\b`).MatchString(code) {
					files[s.Env] = append(files[s.Env], p)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, pl := range All {
		for _, s := range pl.Settings {
			if got := files[s.Env]; len(got) != 1 {
				t.Errorf("%s appears in %d non-test Go files, want 1 (its declaration): %v", s.Env, len(got), got)
			}
		}
	}
}

func TestProblemsNameTheBlockAndTheVariables(t *testing.T) {
	clearEnv(t, &PortSIP)
	probs := PortSIP.Problems(PortSIP.Resolve(Values{"username": "admin"}))
	if len(probs) != 2 {
		t.Fatalf("got %d problems, want 2: %+v", len(probs), probs)
	}
	if probs[0].Summary != "Missing PortSIP endpoint" ||
		!strings.Contains(probs[0].Detail, "set portsip.endpoint or PORTSIP_ENDPOINT") {
		t.Errorf("endpoint problem = %+v", probs[0])
	}
	if probs[1].Summary != "Missing PortSIP token, or username and password" ||
		!strings.Contains(probs[1].Detail, "The PortSIP password is missing: set portsip.password (the portsip block sets credentials") {
		t.Errorf("credentials problem = %+v", probs[1])
	}
	if got := PortSIP.Problems(PortSIP.Resolve(Values{"endpoint": "https://x", "token": "t"})); len(got) != 0 {
		t.Errorf("token alone should satisfy the credentials: %+v", got)
	}
	if got := PortSIP.RequirementText(); got != "PORTSIP_ENDPOINT and either PORTSIP_TOKEN or PORTSIP_USERNAME and PORTSIP_PASSWORD" {
		t.Errorf("RequirementText = %q", got)
	}
}

// TestProblemsSayWhereTheOthersCameFrom is the half-set environment: the
// message names the missing value's attribute and variable, and where the
// values that are set came from.
func TestProblemsSayWhereTheOthersCameFrom(t *testing.T) {
	clearEnv(t, &PortSIP)
	t.Setenv("PORTSIP_ENDPOINT", "https://pbx.example.com")
	t.Setenv("PORTSIP_PASSWORD", "secret")
	probs := PortSIP.Problems(PortSIP.Resolve(nil))
	if len(probs) != 1 {
		t.Fatalf("got %d problems, want 1: %+v", len(probs), probs)
	}
	want := "The PortSIP username is missing: set portsip.username or PORTSIP_USERNAME. " +
		"Of the others, the endpoint came from PORTSIP_ENDPOINT, password from PORTSIP_PASSWORD."
	if probs[0].Detail != want {
		t.Errorf("problem = %+v\nwant detail %q", probs[0], want)
	}

	// The endpoint is not a credential: with it in the block, the
	// environment's password still counts, and the username is still missing.
	probs = PortSIP.Problems(PortSIP.Resolve(Values{"endpoint": "https://pbx.example.com"}))
	if len(probs) != 1 || !strings.Contains(probs[0].Detail, "the endpoint came from portsip.endpoint, password from PORTSIP_PASSWORD") {
		t.Errorf("problems = %+v", probs)
	}
}

func TestResolveTakesCredentialsAsOneSet(t *testing.T) {
	clearEnv(t, &PortSIP)
	t.Setenv("PORTSIP_ENDPOINT", "https://env.example.com")
	t.Setenv("PORTSIP_TOKEN", "admin-token")
	t.Setenv("PORTSIP_DOMAIN", "other.example.com")
	r := PortSIP.Resolve(Values{"username": "alice", "password": "hers"})
	want := Values{"endpoint": "https://env.example.com", "username": "alice", "password": "hers"}
	if !maps.Equal(r.Values, want) {
		t.Errorf("Values = %v, want %v: a block that sets credentials takes none from the environment", r.Values, want)
	}
	if !r.BlockCredentials || !slices.Equal(r.Ignored, []string{"PORTSIP_TOKEN", "PORTSIP_DOMAIN"}) {
		t.Errorf("BlockCredentials = %v, Ignored = %v", r.BlockCredentials, r.Ignored)
	}
	if r.From["endpoint"] != FromEnvironment || r.From["username"] != FromBlock || r.From["token"] != Unset {
		t.Errorf("From = %v", r.From)
	}
	if got := PortSIP.Problems(r); len(got) != 0 {
		t.Errorf("Problems = %+v", got)
	}

	// Without credentials in the block, they all come from the environment.
	r = PortSIP.Resolve(Values{"endpoint": "https://block.example.com"})
	want = Values{"endpoint": "https://block.example.com", "token": "admin-token", "domain": "other.example.com"}
	if !maps.Equal(r.Values, want) || r.BlockCredentials || len(r.Ignored) != 0 {
		t.Errorf("Resolve = %+v, want values %v", r, want)
	}
}

func TestEnvironmentTokenAndUsernameConflict(t *testing.T) {
	clearEnv(t, &PortSIP)
	t.Setenv("PORTSIP_ENDPOINT", "https://pbx.example.com")
	t.Setenv("PORTSIP_TOKEN", "t")
	t.Setenv("PORTSIP_USERNAME", "admin")
	probs := PortSIP.Problems(PortSIP.Resolve(nil))
	if len(probs) != 1 {
		t.Fatalf("got %d problems, want 1: %+v", len(probs), probs)
	}
	if p := probs[0]; p.Summary != "Conflicting PortSIP credentials in the environment" ||
		!strings.Contains(p.Detail, "PORTSIP_TOKEN and PORTSIP_USERNAME are both set in the environment") ||
		!strings.Contains(p.Detail, "unset one of them, or set the credentials in the portsip block") {
		t.Errorf("problem = %+v", p)
	}
	// The same pair is no conflict once the block sets the credentials.
	if got := PortSIP.Problems(PortSIP.Resolve(Values{"token": "mine"})); len(got) != 0 {
		t.Errorf("Problems with block credentials = %+v", got)
	}
}

func TestCredentialTextNamesAttributeAndVariable(t *testing.T) {
	clearEnv(t, &Whereby)
	t.Setenv("WHEREBY_API_KEY", "k")
	if got, want := Whereby.Resolve(nil).CredentialText(), "whereby.api_key (set by the environment variable WHEREBY_API_KEY)"; got != want {
		t.Errorf("CredentialText = %q, want %q", got, want)
	}
	if got, want := Whereby.Resolve(Values{"api_key": "b"}).CredentialText(), "whereby.api_key (set in the provider block; WHEREBY_API_KEY is not used)"; got != want {
		t.Errorf("CredentialText = %q, want %q", got, want)
	}
	a, b := Whereby.Resolve(Values{"api_key": "a"}), Whereby.Resolve(Values{"api_key": "b"})
	if slices.Equal(a.Identity(), b.Identity()) {
		t.Error("two API keys have the same identity")
	}
}

// clearEnv hides the machine's variables of pl for the test.
func clearEnv(t *testing.T, pl *Platform) {
	for _, s := range pl.Settings {
		t.Setenv(s.Env, "")
	}
}

func TestDeclarationsAreComplete(t *testing.T) {
	keys := map[string]bool{}
	for _, pl := range All {
		if keys[pl.Key] {
			t.Errorf("duplicate key %q", pl.Key)
		}
		keys[pl.Key] = true
		if pl.Name == "" || pl.Block == "" || pl.Description == "" || len(pl.Requires) == 0 {
			t.Errorf("%s: incomplete declaration", pl.Key)
		}
		if pl.EndpointEnv() == "" {
			t.Errorf("%s: no endpoint setting", pl.Key)
		}
		for _, s := range pl.Settings {
			if s.Description == "" || s.Env == "" {
				t.Errorf("%s.%s: needs a description and an environment variable", pl.Block, s.Attr)
			}
		}
		for _, req := range pl.Requires {
			for _, alt := range req {
				for _, a := range alt {
					pl.Setting(a) // panics on a name that is not declared
				}
			}
		}
	}
}

// withoutComments is a Go file's tokens with its comments left out.
func withoutComments(t *testing.T, src []byte) string {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, src, func(pos token.Position, msg string) { t.Errorf("%s: %s", pos, msg) }, 0)
	var b strings.Builder
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			return b.String()
		}
		b.WriteString(lit)
		b.WriteByte(' ')
	}
}

func TestResolveTakesTheBlockThenTheEnvironmentThenTheDefault(t *testing.T) {
	for _, s := range Whereby.Settings {
		t.Setenv(s.Env, "")
	}
	if _, ok := Whereby.FromEnvironment(); ok {
		t.Fatal("FromEnvironment with no variable set reports the platform in use")
	}
	t.Setenv("WHEREBY_API_KEY", "from-env")
	t.Setenv("WHEREBY_POINTS_PER_MINUTE", "500")
	got, ok := Whereby.FromEnvironment()
	want := Values{"endpoint": "https://api.whereby.dev", "api_key": "from-env", "points_per_minute": "500"}
	if !ok || !maps.Equal(got.Values, want) {
		t.Errorf("FromEnvironment = %v, %v; want %v", got, ok, want)
	}
	got = Whereby.Resolve(Values{"api_key": "from-block", "endpoint": "https://whereby.test"})
	want = Values{"endpoint": "https://whereby.test", "api_key": "from-block", "points_per_minute": "500"}
	if !maps.Equal(got.Values, want) {
		t.Errorf("Resolve = %v, want %v", got, want)
	}
}
