package openapitest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/apidocs"
)

// TestValidator makes sure the schema validator rejects what it should, so
// that the spec checks elsewhere cannot pass by being lenient.
func TestValidator(t *testing.T) {
	doc := map[string]any{}
	if err := json.Unmarshal([]byte(`{"components":{"schemas":{
		"Port":{"type":"integer","format":"int32","minimum":0,"maximum":65535}
	}}}`), &doc); err != nil {
		t.Fatal(err)
	}
	s := &Spec{doc: doc}
	schema := func(src string) any {
		var v any
		dec := json.NewDecoder(strings.NewReader(src))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	cases := []struct {
		schema, value string
		wantErr       string // "" means valid
	}{
		{`{"type":"string"}`, `"x"`, ""},
		{`{"type":"string"}`, `1`, "got number"},
		{`{"type":"integer"}`, `1.5`, "got number"},
		{`{"type":"integer"}`, `7`, ""},
		{`{"type":"number"}`, `7`, ""},
		{`{"type":"boolean"}`, `"true"`, "got string"},
		{`{"type":"string"}`, `null`, "null is not allowed"},
		{`{"type":"string","nullable":true}`, `null`, ""},
		{`{"type":["string","null"]}`, `null`, ""},
		{`{"type":"string","enum":["A","B"]}`, `"C"`, "is not one of"},
		{`{"type":"string","minLength":3}`, `"ab"`, "shorter"},
		{`{"type":"string","maxLength":2}`, `"éèà"`, "longer"},
		{`{"type":"string","pattern":"[0-9]{3,64}"}`, `"12"`, "does not match"},
		{`{"type":"string","format":"date_time"}`, `"2017-07-21T17:32:28Z"`, ""},
		{`{"type":"string","format":"date-time"}`, `"2017-07-21 17:32"`, "not an RFC 3339"},
		{`{"type":"string","format":"date_time"}`, `"2017-07-21T17:32:28+08:00"`, "not in UTC"},
		{`{"type":"string","format":"uri"}`, `"https://x.test/room?roomKey=1"`, ""},
		{`{"type":"string","format":"uri"}`, `"/room"`, "not an absolute URI"},
		{`{"type":"string","format":"uri"}`, `"https://"`, "not an absolute URI"},
		{`{"type":"integer","minimum":1,"maximum":200}`, `0`, "below the minimum"},
		{`{"type":"integer","maximum":200}`, `201`, "above the maximum"},
		{`{"type":"integer","format":"int32"}`, `4294967296`, "does not fit int32"},
		{`{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}`, `{}`, `required property "id"`},
		{`{"type":"object","properties":{"id":{"type":"string"}}}`, `{"id":5}`, "$.id: got number"},
		{`{"type":"object","properties":{},"additionalProperties":false}`, `{"x":1}`, `"x" is not allowed`},
		{`{"type":"object","additionalProperties":{"type":"integer"}}`, `{"x":"y"}`, "$.x: got string"},
		{`{"type":"array","items":{"type":"integer"}}`, `[1,"2"]`, "$[1]: got string"},
		{`{"type":"array","maxItems":1}`, `[1,2]`, "at most"},
		{`{"allOf":[{"type":"string"},{"minLength":2}]}`, `"a"`, "shorter"},
		{`{"anyOf":[{"type":"string"},{"type":"integer"}]}`, `true`, "none of anyOf"},
		{`{"oneOf":[{"type":"object"},{"type":"object"}]}`, `{}`, "matches 2 of the oneOf"},
		{`{"oneOf":[{"type":"string"},{"type":"integer"}]}`, `3`, ""},
		{`{"$ref":"#/components/schemas/Port"}`, `70000`, "above the maximum"},
		{`{"$ref":"#/components/schemas/Missing"}`, `1`, "does not resolve"},
	}
	for _, c := range cases {
		errs := s.ValidateJSON(schema(c.schema), []byte(c.value))
		joined := strings.Join(errs, "; ")
		switch {
		case c.wantErr == "" && len(errs) > 0:
			t.Errorf("%s with %s: unexpected %s", c.schema, c.value, joined)
		case c.wantErr != "" && !strings.Contains(joined, c.wantErr):
			t.Errorf("%s with %s: got %q, want an error containing %q", c.schema, c.value, joined, c.wantErr)
		}
	}
}

func TestResponseSchemaFollowsResponseRefs(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal([]byte(`{
		"components":{"responses":{
			"Throttle":{"description":"x","content":{"application/json":{"schema":{"type":"object","required":["error"]}}}},
			"Gone":{"description":"no body"}}},
		"paths":{"/things/{id}":{"get":{"responses":{
			"200":{"description":"ok","content":{"application/json":{"schema":{"type":"string"}}}},
			"404":{"$ref":"#/components/responses/Gone"},
			"429":{"$ref":"#/components/responses/Throttle"},
			"5XX":{"description":"server"}}}}}}`), &doc); err != nil {
		t.Fatal(err)
	}
	s := &Spec{doc: doc, basePath: "/v1"}
	get, err := s.Resolve("#/paths/~1things~1{id}/get")
	getOp, ok := get.(map[string]any)
	if err != nil || !ok {
		t.Fatalf("the document's GET /things/{id}: %v %#v", err, get)
	}
	s.routes = []Route{{Template: "/things/{id}", segs: []string{"things", "{id}"}, Operations: map[string]map[string]any{
		"get": getOp,
	}}}
	tpl, op, found := s.Operation("GET", "/v1/things/42")
	if !found || tpl != "/things/{id}" {
		t.Fatalf("Operation = %q, %v", tpl, found)
	}
	if _, _, found := s.Operation("DELETE", "/v1/things/42"); found {
		t.Error("DELETE found, the document has only GET")
	}
	for _, c := range []struct {
		status          int
		declared, has   bool
		wantErrForEmpty bool
	}{
		{200, true, true, true},
		{404, true, false, false},
		{429, true, true, true},
		{503, true, false, false},
		{400, false, false, false},
	} {
		schema, declared := s.ResponseSchema(op, c.status)
		if declared != c.declared || (schema != nil) != c.has {
			t.Errorf("%d: declared %v, schema %v", c.status, declared, schema)
		}
		if schema != nil && (len(s.ValidateJSON(schema, []byte(`{}`))) > 0) != c.wantErrForEmpty {
			t.Errorf("%d: {} validated unexpectedly", c.status)
		}
	}
	if got := SuccessStatus(op); got != "200" {
		t.Errorf("SuccessStatus = %q", got)
	}
}

// TestLoadAndRequireParseWhatApidocsFinds: both read the document apidocs
// finds from a worktree deep below shared/ (apidocs' own tests cover the
// walk, and the failure in CI or skip when nothing is found), once.
func TestLoadAndRequireParseWhatApidocsFinds(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, apidocs.Dir), 0o755); err != nil {
		t.Fatal(err)
	}
	deep := filepath.Join(root, "wt", "branch", "internal", "pkg")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	doc := `{"openapi":"3.0.0","paths":{"/a":{"get":{"responses":{"204":{"description":"ok"}}}}}}`
	if err := os.WriteFile(filepath.Join(root, apidocs.Dir, "found.json"), []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(deep)
	s, err := Load("found.json", "/x")
	if err != nil || s == nil {
		t.Fatalf("Load = %v, %v", s, err)
	}
	if _, op, ok := s.Operation("GET", "/x/a"); !ok || SuccessStatus(op) != "204" {
		t.Errorf("operation GET /a not found in %s", s.Path)
	}
	if r := Require(t, "found.json", "/x", "the test document"); r != s {
		t.Errorf("Require = %p, want the document Load parsed, %p", r, s)
	}
	if s, err := Load("missing.json", "/x"); s != nil || err != nil {
		t.Errorf("Load of a missing document = %v, %v; want nil, nil", s, err)
	}
}
