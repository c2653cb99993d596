package managed

import (
	"context"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Object is one object that a type's List found: what to import it as.
type Object struct {
	// Platform is where the object lives.
	Platform *platforms.Platform
	// Type is the resource type that manages it: conference_portsip_room.
	Type string
	// ID is the import ID, in the format the resource's ImportState reads.
	ID string
	// Title is how people know the object (a subject, a room's name); ""
	// when it has none.
	Title string
	// NameFrom are what the resource name is made of, best first (a
	// subject, then an extension number): the first that gives one.
	NameFrom []string
	// Kind is a short noun ("room") that prefixes a name starting with a
	// digit, and names an object whose labels give none.
	Kind string
	// Fill lists the arguments the object has set that generated
	// configuration leaves null (sensitive values Terraform does not write):
	// the user fills them in, or the first apply would clear them.
	Fill []string
	// Notes are what the user must know about this object, above its block.
	Notes []string
	// Name is the resource name, unique within Type (set by
	// conference-export).
	Name string
}

// Address is the resource address the object is imported to.
func (o *Object) Address() string { return o.Type + "." + o.Name }

// Label is how the object is known: its title, or its ID.
func (o *Object) Label() string {
	if strings.TrimSpace(o.Title) != "" {
		return o.Title
	}
	return o.ID
}

// Listing is what a type's List gets: what the APIs cannot tell, and where
// its notes and progress go.
type Listing struct {
	// LineRooms are the LINE Planet rooms to list, as
	// room_service_id/room_id: the API has no call that lists rooms.
	LineRooms []string
	// SQMeetingTimezone is the IANA zone recurring series are imported
	// with: SQMeeting does not store it.
	SQMeetingTimezone string
	// Note tells the user something about the platform's listing.
	Note func(format string, args ...any)
	// Reading shows what is read now: "conference rooms".
	Reading func(what string)
	// Found counts n more objects read.
	Found func(n int)
	// PortSIP narrows the PBX's lists (filter and search), as the plural
	// data sources do; the zero value lists everything.
	PortSIP portsip.ListOptions
	// WherebyFields are the optional fields (hostRoomUrl, viewerRoomUrl)
	// Whereby's list is asked for; none for a list resource, which needs
	// no URL.
	WherebyFields []string
	// SQMeetingFilter is SQMeeting's search key for its meeting list; ""
	// lists every meeting.
	SQMeetingFilter string
	// Limit, when above 0, is how many objects are wanted: a List stops
	// requesting pages (or rooms, or series) once it has them.
	Limit int

	// shared holds what the types of one platform read once between them.
	shared map[string]any
}

// each lists with pages (showing that it reads what), which hands each
// page to its callback, and makes each item an object with object, which
// returns nil for an item left out. Once Limit objects are in hand it asks
// for no further page.
func each[T any](ctx context.Context, l *Listing, what string, pages Pages[T], object func(*T) *Object) ([]*Object, error) {
	l.Reading(what)
	out := []*Object{}
	read := 0
	err := pages(ctx, func(items []T) bool {
		read += len(items)
		for i := range items {
			if l.enough(len(out)) {
				break
			}
			if o := object(&items[i]); o != nil {
				out = append(out, o)
			}
		}
		return !l.enough(len(out))
	})
	if err != nil {
		return nil, err
	}
	l.Found(read)
	return out, nil
}

// enough says whether n objects are all that is wanted (Limit).
func (l *Listing) enough(n int) bool { return l.Limit > 0 && n >= l.Limit }

// once returns what read gave the first time key was asked for in this
// listing: the types of one platform that list the same API objects read
// them once.
func once[T any](l *Listing, key string, read func() (T, error)) (T, error) {
	if v, ok := l.shared[key]; ok {
		return v.(T), nil //nolint:forcetypeassert // stored below
	}
	v, err := read()
	if err != nil {
		return v, err
	}
	if l.shared == nil {
		l.shared = map[string]any{}
	}
	l.shared[key] = v
	return v, nil
}
