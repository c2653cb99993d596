package client

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// ClockSkew is how far apart this machine's clock and a platform's may be,
// when Adopt's Window is compared with the times the platform stamps on what
// it creates. Platforms keep time by NTP; two minutes is generous, and a
// wider window only matters when objects with the same key are made within it.
const ClockSkew = 2 * time.Minute

// Window is when an object that Adopt looks for can have been made: from the
// first try, to the lookup, widened by ClockSkew on both sides.
type Window struct{ From, To time.Time }

// Contains reports whether t is in the window.
func (w Window) Contains(t time.Time) bool { return !t.Before(w.From) && !t.After(w.To) }

// Adoption is a create whose answer may be lost, and how to find what it
// made by a natural key: a property, or several, that the platform keeps and
// that tells the object from the others (a room's extension number, a
// meeting's subject, start and creation time).
type Adoption[T any] struct {
	// Object is what is created, as Describe names it: "conference room".
	Object string
	// Key is the natural key, for messages: `extension_number "1001"`.
	Key string
	// Create sends the create once.
	Create func(context.Context) (T, error)
	// Find returns the objects that match the key, and, where the platform
	// stamps its objects with a time, were made within w.
	Find func(ctx context.Context, w Window) ([]T, error)
	// ID is an object's ID.
	ID func(T) string
	// Exists, when set, reports a create refused because its object exists
	// already, for a platform that allows one object per key (a LINE Planet
	// room's one meeting ID). Right after a try whose answer was lost, that
	// object is most likely the lost try's own, and Adopt looks for it
	// again; otherwise the refusal is returned, for the caller to explain.
	Exists func(error) bool
	// Read, when set, reads an adopted object in full, for platforms whose
	// list items are summaries or lack what the create answers.
	Read func(context.Context, T) (T, error)
}

// Adopt creates an object, and never repeats the create blindly nor leaves
// behind an object it may have made. When a try's outcome is unknown
// (OutcomeUnknown: a 5xx, a connection that broke, no answer in time), it
// waits as a retry would, looks for the object by its key, and adopts it if
// exactly one object matches that no other create of this client has
// returned; if none does, it creates again, as many times as the client
// retries a request. Several matches are an AmbiguousError, a lookup that
// fails a LostCreateError: the object may exist, and the caller must say so.
// The lookup is a read, which the client retries like any other.
//
// The objects a client has created or adopted are remembered for its
// lifetime (one run of the provider or of conference-export), so that creates of objects with the same key
// (count) do not adopt each other's; and a lookup waits for the tries of such
// creates in flight, whose objects may exist before their answers arrive.
func Adopt[T any](ctx context.Context, c *Client, a Adoption[T]) (T, error) {
	var zero T
	start := c.cfg.Now()
	key := c.claims.key(a.Object, a.Key)
	var lost error // the last try whose outcome is unknown
	for round := 0; ; round++ {
		key.RLock()
		v, err := a.Create(ctx)
		if err == nil {
			c.claims.add(a.Object, a.ID(v))
		}
		key.RUnlock()
		if err == nil {
			return v, nil
		}
		exists := lost != nil && a.Exists != nil && a.Exists(err)
		switch {
		case exists:
		case !OutcomeUnknown(err):
			if lost != nil {
				return zero, fmt.Errorf("%w (an earlier try's answer was lost, %w, and %s then held no %s with %s)",
					err, lost, c.cfg.Platform, a.Object, a.Key)
			}
			return zero, err
		case ctx.Err() != nil:
			return zero, err
		default:
			lost = err
			wait, _ := c.retryDelay(err, true, round)
			tflog.Warn(ctx, "the answer to a create was lost; looking for the object it may have made", map[string]any{
				"platform": c.cfg.Platform, "object": a.Object, "key": a.Key, "wait": wait.String(), "error": err.Error(),
			})
			if serr := c.cfg.Sleep(ctx, wait); serr != nil {
				return zero, fmt.Errorf("%w (gave up waiting to look for the %s: %w)", err, a.Object, serr)
			}
		}
		found, ferr := lookup(ctx, c, a, key, Window{From: start.Add(-ClockSkew), To: c.cfg.Now().Add(ClockSkew)})
		if ferr != nil {
			return zero, &LostCreateError{Platform: c.cfg.Platform, Object: a.Object, Key: a.Key, Lost: lost, Lookup: ferr}
		}
		switch len(found) {
		case 0:
			if exists {
				return zero, err
			}
			if round >= c.cfg.MaxRetries {
				return zero, fmt.Errorf("%w (the answers to all %d tries were lost, and after each %s held no %s with %s)",
					err, round+1, c.cfg.Platform, a.Object, a.Key)
			}
		case 1:
			return adopted(ctx, c, a, found[0]), nil
		default:
			ids := make([]string, len(found))
			for i, o := range found {
				ids[i] = a.ID(o)
			}
			return zero, &AmbiguousError{Platform: c.cfg.Platform, Object: a.Object, Key: a.Key, IDs: ids, Lost: lost}
		}
	}
}

// lookup finds the objects with a's key that no create of c has returned,
// once no create with that key is in flight, and claims the object when there
// is one.
func lookup[T any](ctx context.Context, c *Client, a Adoption[T], key *sync.RWMutex, w Window) ([]T, error) {
	key.Lock()
	defer key.Unlock()
	found, err := a.Find(ctx, w)
	if err != nil {
		return nil, err
	}
	found = slices.DeleteFunc(found, func(o T) bool { return c.claims.has(a.Object, a.ID(o)) })
	if len(found) == 1 {
		c.claims.add(a.Object, a.ID(found[0]))
	}
	return found, nil
}

// adopted takes o, claimed already, as the object a lost create made.
func adopted[T any](ctx context.Context, c *Client, a Adoption[T], o T) T {
	id := a.ID(o)
	tflog.Info(ctx, "adopted the object a lost create made", map[string]any{
		"platform": c.cfg.Platform, "object": a.Object, "key": a.Key, "id": id,
	})
	if a.Read == nil {
		return o
	}
	full, err := a.Read(ctx, o)
	if err != nil {
		// The object is this create's: failing now would leave it behind.
		// What the lookup gave stands in, and the next refresh reads the rest.
		tflog.Warn(ctx, "reading an adopted object failed; keeping what the lookup gave", map[string]any{
			"platform": c.cfg.Platform, "object": a.Object, "id": id, "error": err.Error(),
		})
		return o
	}
	return full
}

// claims are the objects a client's creates have returned: a lookup after a
// lost answer passes them over. keys hold a lock per object and key: a try
// of a create holds it shared until its object, if any, is claimed, and a
// lookup holds it alone.
type claims struct {
	mu   sync.Mutex
	ids  map[string]bool
	keys map[string]*sync.RWMutex
}

// key is the lock of object's key.
func (cl *claims) key(object, key string) *sync.RWMutex {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	k := object + "\x00" + key
	if cl.keys[k] == nil {
		if cl.keys == nil {
			cl.keys = map[string]*sync.RWMutex{}
		}
		cl.keys[k] = &sync.RWMutex{}
	}
	return cl.keys[k]
}

// add claims object id.
func (cl *claims) add(object, id string) {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	if cl.ids == nil {
		cl.ids = map[string]bool{}
	}
	cl.ids[object+"\x00"+id] = true
}

func (cl *claims) has(object, id string) bool {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	return cl.ids[object+"\x00"+id]
}

// AmbiguousError is a create whose answer was lost, after which several
// objects match its natural key: the provider cannot tell which one, if any,
// the create made.
type AmbiguousError struct {
	Platform, Object, Key string
	IDs                   []string
	// Lost is the try whose answer was lost.
	Lost error
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("the answer to the create was lost (%v); %d %ss match %s (IDs %s), and the provider cannot tell which one, if any, it created",
		e.Lost, len(e.IDs), e.Object, e.Key, strings.Join(e.IDs, ", "))
}

func (e *AmbiguousError) Unwrap() error { return e.Lost }

// LostCreateError is a create whose answer was lost, after which looking
// for what it may have made failed too: the object may exist.
type LostCreateError struct {
	Platform, Object, Key string
	Lost, Lookup          error
}

func (e *LostCreateError) Error() string {
	return fmt.Sprintf("the answer to the create was lost (%v), and looking for the %s by %s failed: %v", e.Lost, e.Object, e.Key, e.Lookup)
}

func (e *LostCreateError) Unwrap() []error { return []error{e.Lost, e.Lookup} }
