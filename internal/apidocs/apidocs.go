// Package apidocs finds the vendors' documents (../shared/api beside the
// repository) for the conformance tests that check the emulator and the
// clients against them.
//
// A conformance test never skips silently: in CI (the CI environment variable
// set) a missing document fails the test, because a green run that checked
// nothing would hide a regression; elsewhere the test is skipped with a
// message that says what was not checked.
package apidocs

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir is the documents' folder relative to the repository's parent.
const Dir = "shared/api"

// Path returns the path of the document name (e.g.
// "portsip-openapi-conference.json"), looking in shared/api beside each folder
// from the working directory up. what says what the caller checks with it, for
// the failure or skip message.
func Path(t testing.TB, name, what string) string {
	t.Helper()
	if p, ok := Find(name); ok {
		return p
	}
	msg := "the vendor document " + filepath.Join(Dir, name) + " was not found beside the repository or any folder above it, so " + what + " was not checked"
	if os.Getenv("CI") != "" {
		t.Fatal(msg + " (CI is set: conformance tests must not skip)")
		return ""
	}
	t.Skip(msg)
	return ""
}

// Find looks for the document without a test: for tools and benchmarks.
func Find(name string) (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		p := filepath.Join(dir, Dir, name)
		if _, err := os.Stat(p); err == nil {
			return p, true
		}
		// In a git worktree the repository's parent may be further up.
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}
