package provider

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// vendorFile matches what a user must never be sent to: the folder of vendor
// documents beside the repository (which a clone does not have) and the
// documents' file names. User-facing text cites a document by its public
// title instead ("Whereby's REST API reference (Meetings)").
var vendorFile = regexp.MustCompile(`\.\./shared|shared/api|\b(DESIGN|NOTES)\.md\b|` +
	`\b(whereby-meetings|whereby-openapi|portsip-conference|portsip-v22-user-meetings|portsip-openapi-conference|` +
	`line-planet-meeting-id|sqmeeting-frtc)\.(txt|json)\b`)

// repoRoot is the module's root, two folders up from this package.
const repoRoot = "../.."

// TestUserFacingFilesNameNoVendorFile reads what users read in the
// repository: README, CONTRIBUTING, the generated docs, their templates and
// the examples.
func TestUserFacingFilesNameNoVendorFile(t *testing.T) {
	files := []string{"README.md", "CONTRIBUTING.md"}
	for _, dir := range []string{"docs", "templates", "examples"} {
		err := filepath.WalkDir(filepath.Join(repoRoot, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() {
				rel, _ := filepath.Rel(repoRoot, p)
				files = append(files, rel)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 50 {
		t.Fatalf("only %d files found under docs/, templates/ and examples/: the walk missed them", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(repoRoot, f))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if m := vendorFile.FindString(line); m != "" {
				t.Errorf("%s:%d names %q, which a user cannot open: cite the vendor's document by its title", f, i+1, m)
			}
		}
	}
}

// TestSchemaNamesNoVendorFile walks every schema the provider serves: the
// descriptions, and the descriptions of every validator and plan modifier,
// which carry the reasons a plan gives for a replacement.
func TestSchemaNamesNoVendorFile(t *testing.T) {
	ctx := context.Background()
	p := New("test")()
	seen := 0
	check := func(where, text string) {
		seen++
		if m := vendorFile.FindString(text); m != "" {
			t.Errorf("%s names %q, which a user cannot open: cite the vendor's document by its title:\n%s", where, m, text)
		}
	}
	var ps provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &ps)
	walkSchema(ctx, "provider", reflect.ValueOf(ps.Schema), check)
	eachResourceSchema(ctx, p, func(typeName string, s rschema.Schema) {
		walkSchema(ctx, typeName, reflect.ValueOf(s), check)
	})
	eachDataSourceSchema(ctx, p, func(typeName string, s dschema.Schema) {
		walkSchema(ctx, typeName, reflect.ValueOf(s), check)
	})
	// Every resource, data source and attribute has a description, and the
	// replacements' reasons are plan modifiers: far more than 500 texts.
	if seen < 500 {
		t.Fatalf("only %d texts checked: the walk missed the schemas' attributes", seen)
	}
}

// describer is what validators and plan modifiers have in common.
type describer interface {
	Description(context.Context) string
	MarkdownDescription(context.Context) string
}

// walkSchema reads a schema, block, attribute or nested object of any of the
// framework's schema packages by the fields they share: Description,
// MarkdownDescription, DeprecationMessage, Validators, PlanModifiers,
// Attributes, Blocks and NestedObject.
func walkSchema(ctx context.Context, where string, v reflect.Value, check func(where, text string)) {
	for v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return
	}
	for _, name := range []string{"Description", "MarkdownDescription", "DeprecationMessage"} {
		if f := v.FieldByName(name); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
			check(where+" "+name, f.String())
		}
	}
	for _, name := range []string{"Validators", "PlanModifiers"} {
		f := v.FieldByName(name)
		if !f.IsValid() || f.Kind() != reflect.Slice {
			continue
		}
		for i := 0; i < f.Len(); i++ {
			if d, ok := f.Index(i).Interface().(describer); ok {
				check(where+" "+name+"["+strconv.Itoa(i)+"]", d.Description(ctx)+"\n"+d.MarkdownDescription(ctx))
			}
		}
	}
	for _, name := range []string{"Attributes", "Blocks"} {
		f := v.FieldByName(name)
		if !f.IsValid() || f.Kind() != reflect.Map {
			continue
		}
		iter := f.MapRange()
		for iter.Next() {
			walkSchema(ctx, where+"."+iter.Key().String(), iter.Value(), check)
		}
	}
	if f := v.FieldByName("NestedObject"); f.IsValid() {
		walkSchema(ctx, where, f, check)
	}
}

// TestDiagnosticsNameNoVendorFile reads every string literal in the
// program's Go code (not its tests, not its comments, which may cite the
// files): the errors, warnings and replacement reasons users read are built
// from them. internal/apidocs is left out: it finds the documents for the
// conformance tests, and its messages are for contributors.
func TestDiagnosticsNameNoVendorFile(t *testing.T) {
	fset := token.NewFileSet()
	literals := 0
	err := filepath.WalkDir(repoRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repoRoot, p)
		if d.IsDir() {
			switch rel {
			case ".git", "bin", "tools", "bench", ".tmp", filepath.Join("internal", "apidocs"):
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			literals++
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				s = lit.Value
			}
			if m := vendorFile.FindString(s); m != "" {
				t.Errorf("%s: a string names %q, which a user cannot open: cite the vendor's document by its title", fset.Position(lit.Pos()), m)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if literals < 1000 {
		t.Fatalf("only %d string literals read: the walk missed the code", literals)
	}
}
