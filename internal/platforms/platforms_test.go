package platforms

import (
	"go/scanner"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"regexp"
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
	probs := PortSIP.Problems(Values{"username": "admin"})
	if len(probs) != 2 {
		t.Fatalf("got %d problems, want 2: %+v", len(probs), probs)
	}
	if probs[0].Attr != "endpoint" || probs[0].Summary != "Missing PortSIP endpoint" ||
		!strings.Contains(probs[0].Detail, "portsip.endpoint") || !strings.Contains(probs[0].Detail, "PORTSIP_ENDPOINT") {
		t.Errorf("endpoint problem = %+v", probs[0])
	}
	if probs[1].Attr != "password" || probs[1].Summary != "Missing PortSIP token, or username and password" ||
		!strings.Contains(probs[1].Detail, "PORTSIP_TOKEN, or PORTSIP_USERNAME and PORTSIP_PASSWORD") {
		t.Errorf("credentials problem = %+v", probs[1])
	}
	if got := PortSIP.Problems(Values{"endpoint": "https://x", "token": "t"}); len(got) != 0 {
		t.Errorf("token alone should satisfy the credentials: %+v", got)
	}
	if got := PortSIP.RequirementText(); got != "PORTSIP_ENDPOINT and either PORTSIP_TOKEN or PORTSIP_USERNAME and PORTSIP_PASSWORD" {
		t.Errorf("RequirementText = %q", got)
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
	want := Values{"endpoint": "https://api.whereby.dev", "api_key": "from-env", "points_per_minute": "500", "ca_cert_file": "", "ca_cert_pem": ""}
	if !ok || !maps.Equal(got, want) {
		t.Errorf("FromEnvironment = %v, %v; want %v", got, ok, want)
	}
	got = Whereby.Resolve(Values{"api_key": "from-block", "endpoint": "https://whereby.test"})
	want = Values{"endpoint": "https://whereby.test", "api_key": "from-block", "points_per_minute": "500", "ca_cert_file": "", "ca_cert_pem": ""}
	if !maps.Equal(got, want) {
		t.Errorf("Resolve = %v, want %v", got, want)
	}
}
