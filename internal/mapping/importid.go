package mapping

import (
	"errors"
	"fmt"
)

// ImportID is how a resource type's import ID reads: its shape, an example,
// and the attributes it sets. The resource's import, conference-export (which
// writes such IDs) and the tests use the same one.
type ImportID struct {
	// Shape says what the ID is made of, after "Expected": "the conference
	// server's PortSIP ID", "room_service_id/room_id/meeting_id".
	Shape string
	// Example is a valid ID.
	Example string
	// Parse reads an ID into the attributes it sets (id at least), or says
	// what is wrong with it.
	Parse func(id string) (map[string]string, error)
	// Identity are the attributes of the resource identity: what names the
	// object on its platform, each an attribute of the resource too, set from
	// the object on every path and never changed for it.
	Identity []IdentityAttr
	// Join is the import ID of an identity (its attributes' values; an
	// optional one may be absent): an import by identity reads it with Parse,
	// as an import by ID does.
	Join func(identity map[string]string) string
}

// IdentityAttr is an attribute of a resource identity.
type IdentityAttr struct {
	// Name is the attribute's name, in the identity and in the resource.
	Name string
	// Description says what it is.
	Description string
	// Optional is an attribute an import can do without (the platform does
	// not store it, and Parse has a default).
	Optional bool
}

// PlainID is an ID that the platform made and the provider takes as it is:
// the import sets id and Read fills in the rest. valid, when set, is what
// such an ID looks like.
func PlainID(shape, example string, valid func(string) bool) ImportID {
	return ImportID{Shape: shape, Example: example, Parse: func(id string) (map[string]string, error) {
		if id == "" {
			return nil, errors.New("the ID is empty")
		}
		if valid != nil && !valid(id) {
			return nil, fmt.Errorf("%q is not %s", id, shape)
		}
		return map[string]string{"id": id}, nil
	}, Identity: []IdentityAttr{{Name: "id", Description: "The ID: " + shape + "."}},
		Join: func(identity map[string]string) string { return identity["id"] }}
}
