package managed

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// maxNameLength keeps addresses readable; what is cut is the end of a long
// subject, which the comment above the import block still shows in full.
const maxNameLength = 60

// ResourceName makes a resource name of a label: lowercased, every run of
// characters other than a-z, 0-9 and _ made one underscore, trimmed of
// underscores at either end, at most maxNameLength long. A name that would
// start with a digit gets kind as a prefix ("8100" in a room is "room_8100"),
// since Terraform names must start with a letter or an underscore. It returns
// "" when the label has no usable character.
func ResourceName(label, kind string) string {
	var b strings.Builder
	pending := false
	for _, r := range strings.ToLower(label) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if pending && b.Len() > 0 {
				b.WriteByte('_')
			}
			pending = false
			b.WriteRune(r)
			continue
		}
		pending = true
	}
	name := b.String()
	if name == "" {
		return ""
	}
	if name[0] >= '0' && name[0] <= '9' {
		name = kind + "_" + name
	}
	if len(name) > maxNameLength {
		name = strings.TrimRight(name[:maxNameLength], "_")
	}
	return name
}

// baseName is the name an object would have alone: from the first of
// NameFrom that gives one, else its kind.
func baseName(o *Object) string {
	for _, l := range o.NameFrom {
		if n := ResourceName(l, o.Kind); n != "" {
			return n
		}
	}
	return o.Kind
}

// NameObjects gives every object a resource name unique within its type. Objects
// that share a base name are told apart by _2, _3, ... in the order of their
// import IDs, so that the same estate gets the same names on every run; a
// suffix that another object's base name already is, is skipped.
func NameObjects(objs []*Object) {
	byType := map[string][]*Object{}
	for _, o := range objs {
		byType[o.Type] = append(byType[o.Type], o)
	}
	for _, group := range byType {
		slices.SortFunc(group, func(a, b *Object) int { return cmp.Compare(a.ID, b.ID) })
		bases := make([]string, len(group))
		count := map[string]int{}
		for i, o := range group {
			bases[i] = baseName(o)
			count[bases[i]]++
		}
		// A base name only one object has is that object's; the others are
		// handed out in ID order, the first keeping the base.
		taken := map[string]bool{}
		for i, o := range group {
			if count[bases[i]] == 1 {
				o.Name = bases[i]
				taken[o.Name] = true
			}
		}
		for i, o := range group {
			if count[bases[i]] == 1 {
				continue
			}
			name := bases[i]
			for n := 2; taken[name]; n++ {
				name = bases[i] + "_" + strconv.Itoa(n)
			}
			o.Name = name
			taken[name] = true
		}
	}
}
