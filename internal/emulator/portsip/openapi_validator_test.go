package portsip_test

import (
	"encoding/json"
	"strings"
	"testing"
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
	s := &openAPI{doc: doc}
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
		errs := s.validateJSON(schema(c.schema), []byte(c.value))
		joined := strings.Join(errs, "; ")
		switch {
		case c.wantErr == "" && len(errs) > 0:
			t.Errorf("%s with %s: unexpected %s", c.schema, c.value, joined)
		case c.wantErr != "" && !strings.Contains(joined, c.wantErr):
			t.Errorf("%s with %s: got %q, want an error containing %q", c.schema, c.value, joined, c.wantErr)
		}
	}
}
