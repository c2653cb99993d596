package portsip

import (
	"fmt"
	"strconv"
	"strings"
)

// The filter language is the OData subset portsip-openapi-conference.json
// ("Query Options Overview", Filter) shows and NOTES.md lists:
//
//	expr    = and *("or" and)
//	and     = unary *("and" unary)
//	unary   = "not" unary / primary
//	primary = "(" expr ")"
//	        / ("startswith" / "endswith" / "contains") "(" field "," string ")"
//	        / field ("eq" / "ne" / "gt" / "ge" / "lt" / "le") literal
//	literal = 'string' ('' escapes a quote) / number / true / false / null
//
// Keywords are case-insensitive, field names are not. A field must be one of
// the collection's; comparing it with a literal of another type is an error.
// Date-time fields compare as instants, with the literal as an RFC 3339 string.
// An absent field is null: it equals only null, and every ordering comparison
// with null is false. The string functions are case-sensitive, as in OData.

type node interface {
	eval(values map[string]any) bool
}

type andNode struct{ l, r node }
type orNode struct{ l, r node }
type notNode struct{ n node }

func (n andNode) eval(v map[string]any) bool { return n.l.eval(v) && n.r.eval(v) }
func (n orNode) eval(v map[string]any) bool  { return n.l.eval(v) || n.r.eval(v) }
func (n notNode) eval(v map[string]any) bool { return !n.n.eval(v) }

type cmpNode struct {
	field string
	op    string
	lit   any // nil, string, float64, bool or time.Time
}

func (n cmpNode) eval(values map[string]any) bool {
	v := values[n.field]
	if v == nil || n.lit == nil {
		both := v == nil && n.lit == nil
		switch n.op {
		case "eq":
			return both
		case "ne":
			return !both
		}
		return false
	}
	c := compareValues(v, n.lit)
	switch n.op {
	case "eq":
		return c == 0
	case "ne":
		return c != 0
	case "gt":
		return c > 0
	case "ge":
		return c >= 0
	case "lt":
		return c < 0
	case "le":
		return c <= 0
	}
	return false
}

type funcNode struct {
	fn, field, arg string
}

func (n funcNode) eval(values map[string]any) bool {
	s, ok := values[n.field].(string)
	if !ok {
		return false
	}
	switch n.fn {
	case "startswith":
		return strings.HasPrefix(s, n.arg)
	case "endswith":
		return strings.HasSuffix(s, n.arg)
	default:
		return strings.Contains(s, n.arg)
	}
}

type tokKind int

const (
	tEOF tokKind = iota
	tIdent
	tString
	tNumber
	tLParen
	tRParen
	tComma
)

type token struct {
	kind tokKind
	text string // identifier or number as written, string literal unquoted
	pos  int
}

func tokenize(s string) ([]token, error) {
	var toks []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(':
			toks = append(toks, token{kind: tLParen, text: "(", pos: i})
			i++
		case c == ')':
			toks = append(toks, token{kind: tRParen, text: ")", pos: i})
			i++
		case c == ',':
			toks = append(toks, token{kind: tComma, text: ",", pos: i})
			i++
		case c == '\'':
			start := i
			var sb strings.Builder
			i++
			for {
				if i >= len(s) {
					return nil, fmt.Errorf("unterminated string starting at position %d", start+1)
				}
				if s[i] == '\'' {
					if i+1 < len(s) && s[i+1] == '\'' {
						sb.WriteByte('\'')
						i += 2
						continue
					}
					i++
					break
				}
				sb.WriteByte(s[i])
				i++
			}
			toks = append(toks, token{kind: tString, text: sb.String(), pos: start})
		case c == '-' || c == '+' || (c >= '0' && c <= '9'):
			start := i
			i++
			for i < len(s) && strings.IndexByte("0123456789.eE+-", s[i]) >= 0 {
				i++
			}
			toks = append(toks, token{kind: tNumber, text: s[start:i], pos: start})
		case c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z'):
			start := i
			for i < len(s) && (s[i] == '_' || s[i] == '.' || (s[i] >= '0' && s[i] <= '9') || (s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z')) {
				i++
			}
			toks = append(toks, token{kind: tIdent, text: s[start:i], pos: start})
		default:
			return nil, fmt.Errorf("unexpected character %q at position %d", c, i+1)
		}
	}
	return append(toks, token{kind: tEOF, pos: len(s)}), nil
}

type parser struct {
	toks  []token
	i     int
	c     *collection
	depth int
}

// parseFilter compiles a filter expression against the fields of c.
func parseFilter(s string, c *collection) (node, error) {
	toks, err := tokenize(s)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, c: c}
	n, err := p.expr()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, fmt.Errorf("unexpected %q at position %d", t.text, t.pos+1)
	}
	return n, nil
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) keyword(word string) bool {
	t := p.peek()
	if t.kind == tIdent && strings.EqualFold(t.text, word) {
		p.i++
		return true
	}
	return false
}

func (p *parser) expect(kind tokKind, what string) error {
	t := p.next()
	if t.kind != kind {
		return p.unexpected(t, what)
	}
	return nil
}

func (p *parser) unexpected(t token, want string) error {
	if t.kind == tEOF {
		return fmt.Errorf("expected %s at the end of the filter", want)
	}
	return fmt.Errorf("expected %s at position %d, got %q", want, t.pos+1, t.text)
}

func (p *parser) expr() (node, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > 64 {
		return nil, fmt.Errorf("filter nests too deeply")
	}
	l, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.keyword("or") {
		r, err := p.and()
		if err != nil {
			return nil, err
		}
		l = orNode{l, r}
	}
	return l, nil
}

func (p *parser) and() (node, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.keyword("and") {
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = andNode{l, r}
	}
	return l, nil
}

func (p *parser) unary() (node, error) {
	if p.keyword("not") {
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > 64 {
			return nil, fmt.Errorf("filter nests too deeply")
		}
		n, err := p.unary()
		if err != nil {
			return nil, err
		}
		return notNode{n}, nil
	}
	return p.primary()
}

var comparisons = map[string]bool{"eq": true, "ne": true, "gt": true, "ge": true, "lt": true, "le": true}

func (p *parser) primary() (node, error) {
	t := p.next()
	switch t.kind {
	case tLParen:
		n, err := p.expr()
		if err != nil {
			return nil, err
		}
		if err := p.expect(tRParen, "')'"); err != nil {
			return nil, err
		}
		return n, nil
	case tIdent:
		if fn := strings.ToLower(t.text); (fn == "startswith" || fn == "endswith" || fn == "contains") && p.peek().kind == tLParen {
			return p.function(fn)
		}
		return p.comparison(t)
	}
	return nil, p.unexpected(t, "a field name, a function or '('")
}

func (p *parser) field(t token) (fieldKind, error) {
	if t.kind != tIdent {
		return 0, p.unexpected(t, "a field name")
	}
	kind, ok := p.c.fields[t.text]
	if !ok {
		return 0, fmt.Errorf("unknown field %q; allowed fields: %s", t.text, p.c.names())
	}
	if kind == kindList {
		return 0, fmt.Errorf("field %q is a list and cannot be filtered", t.text)
	}
	return kind, nil
}

func (p *parser) function(fn string) (node, error) {
	p.next() // (
	ft := p.next()
	kind, err := p.field(ft)
	if err != nil {
		return nil, err
	}
	if kind != kindString {
		return nil, fmt.Errorf("%s needs a string field; %q is not one", fn, ft.text)
	}
	if err := p.expect(tComma, "','"); err != nil {
		return nil, err
	}
	arg := p.next()
	if arg.kind != tString {
		return nil, p.unexpected(arg, "a quoted string")
	}
	if err := p.expect(tRParen, "')'"); err != nil {
		return nil, err
	}
	return funcNode{fn: fn, field: ft.text, arg: arg.text}, nil
}

func (p *parser) comparison(ft token) (node, error) {
	kind, err := p.field(ft)
	if err != nil {
		return nil, err
	}
	opTok := p.next()
	op := strings.ToLower(opTok.text)
	if opTok.kind != tIdent || !comparisons[op] {
		return nil, p.unexpected(opTok, "an operator (eq, ne, gt, ge, lt, le)")
	}
	lt := p.next()
	if lt.kind == tEOF {
		return nil, p.unexpected(lt, "a value")
	}
	lit, err := literal(lt, kind, ft.text)
	if err != nil {
		return nil, err
	}
	if kind == kindBool && op != "eq" && op != "ne" {
		return nil, fmt.Errorf("field %q is a boolean: only eq and ne apply", ft.text)
	}
	return cmpNode{field: ft.text, op: op, lit: lit}, nil
}

// literal checks that t is a literal fitting a field of kind.
func literal(t token, kind fieldKind, field string) (any, error) {
	if t.kind == tIdent && strings.EqualFold(t.text, "null") {
		return nil, nil
	}
	switch kind {
	case kindString:
		if t.kind == tString {
			return t.text, nil
		}
		return nil, fmt.Errorf("field %q is a string: compare it with a quoted string such as '101'", field)
	case kindTime:
		if t.kind == tString {
			if ts, ok := parseTime(t.text); ok {
				return ts, nil
			}
		}
		return nil, fmt.Errorf("field %q is a date-time: compare it with a quoted RFC 3339 date-time such as '2022-01-01T00:00:00Z'", field)
	case kindNumber:
		if t.kind == tNumber {
			if f, err := strconv.ParseFloat(t.text, 64); err == nil {
				return f, nil
			}
		}
		return nil, fmt.Errorf("field %q is a number: compare it with a number", field)
	case kindBool:
		if t.kind == tIdent {
			switch strings.ToLower(t.text) {
			case "true":
				return true, nil
			case "false":
				return false, nil
			}
		}
		return nil, fmt.Errorf("field %q is a boolean: compare it with true or false", field)
	}
	return nil, fmt.Errorf("field %q cannot be filtered", field)
}
