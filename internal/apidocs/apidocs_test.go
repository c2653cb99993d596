package apidocs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeT records what Path does with a missing document.
type fakeT struct {
	testing.TB
	fatal, skip string
}

func (f *fakeT) Helper()           {}
func (f *fakeT) Fatal(args ...any) { f.fatal = fmt.Sprint(args...) }
func (f *fakeT) Skip(args ...any)  { f.skip = fmt.Sprint(args...) }

func TestMissingDocumentFailsInCIAndSkipsElsewhere(t *testing.T) {
	t.Setenv("CI", "true")
	f := &fakeT{TB: t}
	Path(f, "no-such-document.json", "the emulator's answers")
	if f.fatal == "" || !strings.Contains(f.fatal, "the emulator's answers was not checked") || f.skip != "" {
		t.Errorf("in CI: fatal=%q skip=%q", f.fatal, f.skip)
	}

	t.Setenv("CI", "")
	f = &fakeT{TB: t}
	Path(f, "no-such-document.json", "the emulator's answers")
	if f.skip == "" || f.fatal != "" {
		t.Errorf("outside CI: fatal=%q skip=%q", f.fatal, f.skip)
	}
}

func TestFindsDocumentInAParentFolder(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, Dir), 0o755); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(root, Dir, "spec.json")
	if err := os.WriteFile(doc, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	deep := filepath.Join(root, "repo", "internal", "x")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(deep)
	if got, ok := Find("spec.json"); !ok || got != doc {
		t.Errorf("Find = %q, %v; want %q", got, ok, doc)
	}
}
