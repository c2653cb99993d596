package client

import (
	"context"
	"os"
	"sync"
)

// listingsOff is set by CONFERENCE_LISTINGS=off, for developers: every read
// sends its own GET, as before listings, so that bench/e2e.sh can measure
// both ways with one build.
var listingsOff = os.Getenv("CONFERENCE_LISTINGS") == "off"

// Listing answers reads of one object type from a listing of the type,
// taken at most once in the provider process and only as far as the reads
// need it, where that costs fewer requests than a GET per object: a refresh
// of N objects of a type the platform lists 100 to a page sends about N/100
// requests instead of N.
//
// The policy, for each read of an object (Get):
//
//   - An object a page already brought is answered from it.
//   - Otherwise, while the listing is not complete and a page is on its
//     way, the read waits for that page.
//   - Otherwise the next page is fetched, but only while the pages fetched
//     are fewer than the reads of the type in this process; past that the
//     read sends its own GET. The reads that wait for a page and do not
//     find their object in it go round again.
//   - Once the listing is complete, a read of an object it does not hold
//     sends its GET, whose 404 is the answer. Offset paging can skip an
//     object when another program deletes one in front of it between two
//     pages, so absence alone never removes anything from a state.
//   - A failed page (or a write of the type, Wrote) turns the listing off:
//     every read then sends its own GET, as without a Listing.
//
// The bound. With N reads of the type and P pages for the whole type (M
// objects, P = ceil(M/100)), pages never exceed reads, so pages <= min(N, P);
// a read falls back to a GET only when pages >= reads, so before the listing
// is complete fallbacks <= pages <= P, and each read sends at most one GET,
// so GETs <= N. The requests are at most 2 * min(N, P), plus one GET per
// object missing from a complete listing (a gone object, which costs a GET
// either way): never more than twice the cheaper of "one GET per object"
// and "list the type". 5 objects among 10,000 cost at most 10 requests; 500
// objects alone on the platform cost 5 pages.
//
// Freshness: a page is as fresh as when it was read, and a listing lives as
// long as the client (one provider process, one CLI command), so a change
// made behind Terraform's back during a command is seen by the next one at
// the latest. A write of the type in this process (Wrote) makes every later
// read of the type a GET, so that a create's or an update's read-back, and
// anything read after it, sees the write.
type Listing[T any] struct {
	// Page reads the page after cursor ("" for the first) and returns its
	// objects, the cursor of the next page and whether this was the last.
	Page func(ctx context.Context, cursor string) (items []T, next string, last bool, err error)
	// ID is an object's ID, as Get is asked for it.
	ID func(*T) string

	mu       sync.Mutex
	seen     map[string]*T
	cursor   string
	complete bool
	off      bool
	reads    int
	pages    int
	fetching bool
	// arrived is closed, and replaced, whenever a page arrives or fails.
	arrived chan struct{}
}

// Get returns the object id: from the listing where the policy above says
// so, otherwise from get (the type's GET of one object). A nil Listing
// always calls get.
func (l *Listing[T]) Get(ctx context.Context, id string, get func(context.Context) (*T, error)) (*T, error) {
	if l == nil || listingsOff {
		return get(ctx)
	}
	l.mu.Lock()
	if l.off {
		l.mu.Unlock()
		return get(ctx)
	}
	l.reads++
	for {
		if t, ok := l.seen[id]; ok {
			l.mu.Unlock()
			c := *t
			return &c, nil
		}
		switch {
		case l.off || l.complete:
			l.mu.Unlock()
			return get(ctx)
		case l.fetching:
			ch := l.arrived
			l.mu.Unlock()
			select {
			case <-ch:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			l.mu.Lock()
		case l.pages >= l.reads:
			l.mu.Unlock()
			return get(ctx)
		default:
			l.fetchLocked(ctx)
		}
	}
}

// fetchLocked reads the next page with l.mu held, releasing it while the
// request is out.
func (l *Listing[T]) fetchLocked(ctx context.Context) {
	l.fetching = true
	l.pages++
	if l.arrived == nil {
		l.arrived = make(chan struct{})
	}
	cursor := l.cursor
	l.mu.Unlock()
	items, next, last, err := l.Page(ctx, cursor)
	l.mu.Lock()
	l.fetching = false
	close(l.arrived)
	l.arrived = make(chan struct{})
	if err != nil {
		// The waiting reads send their GETs, which report what is wrong.
		l.off = true
		return
	}
	if l.off {
		// Written meanwhile: this page may predate the write.
		return
	}
	if l.seen == nil {
		l.seen = make(map[string]*T, len(items))
	}
	for i := range items {
		l.seen[l.ID(&items[i])] = &items[i]
	}
	l.cursor = next
	l.complete = last
}

// Wrote records a write of the type in this process: every later read
// sends its own GET, so that it sees the write.
func (l *Listing[T]) Wrote() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.off = true
	l.seen = nil
}
