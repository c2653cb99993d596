package client_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/client"
)

type item struct{ ID string }

// fakeType is a platform holding objects 0..size-1, listed 100 to a page,
// counting what the reads cost.
type fakeType struct {
	size        int
	gone        map[string]bool
	pages, gets atomic.Int64
	failPages   bool
}

func (f *fakeType) listing() *client.Listing[item] {
	return &client.Listing[item]{
		ID: func(it *item) string { return it.ID },
		Page: func(_ context.Context, cursor string) ([]item, string, bool, error) {
			f.pages.Add(1)
			if f.failPages {
				return nil, "", false, errors.New("page refused")
			}
			skip, _ := strconv.Atoi(cursor)
			var out []item
			for i := skip; i < min(skip+100, f.size); i++ {
				if id := strconv.Itoa(i); !f.gone[id] {
					out = append(out, item{ID: id})
				}
			}
			next := skip + 100
			return out, strconv.Itoa(next), next >= f.size, nil
		},
	}
}

func (f *fakeType) get(id string) func(context.Context) (*item, error) {
	return func(context.Context) (*item, error) {
		f.gets.Add(1)
		if n, err := strconv.Atoi(id); err != nil || n >= f.size || f.gone[id] {
			return nil, &client.APIError{StatusCode: 404}
		}
		return &item{ID: id}, nil
	}
}

// refresh reads ids with parallelism workers, as Terraform's refresh does,
// and returns what each read answered.
func refresh(t *testing.T, l *client.Listing[item], f *fakeType, ids []string, parallelism int) map[string]error {
	t.Helper()
	var mu sync.Mutex
	out := map[string]error{}
	acctest.ReadAll(ids, parallelism, func(id string) {
		got, err := l.Get(context.Background(), id, f.get(id))
		if err == nil && got.ID != id {
			err = fmt.Errorf("read %s answered %s", id, got.ID)
		}
		mu.Lock()
		out[id] = err
		mu.Unlock()
	})
	return out
}

func ids(from, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strconv.Itoa(from + i)
	}
	return out
}

func TestListing_largeEstateReadsByThePage(t *testing.T) {
	for _, parallelism := range []int{1, 10, 50} {
		f := &fakeType{size: 500}
		got := refresh(t, f.listing(), f, ids(0, 500), parallelism)
		for id, err := range got {
			if err != nil {
				t.Fatalf("parallelism %d: read %s: %v", parallelism, id, err)
			}
		}
		// ceil(500/100) pages, no GET (the first read may GET when it
		// arrives alone: pages never exceed reads).
		if p, g := f.pages.Load(), f.gets.Load(); p != 5 || g > 1 {
			t.Errorf("parallelism %d: %d pages and %d GETs for 500 objects alone on the platform, want 5 and at most 1", parallelism, p, g)
		}
	}
}

func TestListing_smallEstateInALargeAccountCostsAtMostTwiceItsGETs(t *testing.T) {
	for _, parallelism := range []int{1, 10} {
		for _, where := range []int{0, 5000, 9995} {
			f := &fakeType{size: 10_000}
			got := refresh(t, f.listing(), f, ids(where, 5), parallelism)
			for id, err := range got {
				if err != nil {
					t.Fatalf("read %s: %v", id, err)
				}
			}
			if total := f.pages.Load() + f.gets.Load(); total > 10 {
				t.Errorf("parallelism %d, objects at %d: %d pages + %d GETs for 5 objects among 10,000, want at most 10",
					parallelism, where, f.pages.Load(), f.gets.Load())
			}
		}
	}
}

func TestListing_absentFromACompleteListingIsAskedForByGET(t *testing.T) {
	f := &fakeType{size: 150, gone: map[string]bool{"7": true}}
	got := refresh(t, f.listing(), f, ids(0, 150), 10)
	if !client.IsNotFound(got["7"]) {
		t.Fatalf("read of a gone object answered %v, want its GET's 404", got["7"])
	}
	for id, err := range got {
		if id != "7" && err != nil {
			t.Fatalf("read %s: %v", id, err)
		}
	}
	if p, g := f.pages.Load(), f.gets.Load(); p != 2 || g > 2 {
		t.Errorf("%d pages and %d GETs, want 2 pages and the gone object's GET (and at most one more)", p, g)
	}
}

func TestListing_writeMakesLaterReadsGET(t *testing.T) {
	f := &fakeType{size: 300}
	l := f.listing()
	refresh(t, l, f, ids(0, 200), 10)
	pages, gets := f.pages.Load(), f.gets.Load()
	l.Wrote()
	refresh(t, l, f, ids(0, 3), 1)
	if p, g := f.pages.Load()-pages, f.gets.Load()-gets; p != 0 || g != 3 {
		t.Errorf("after a write, 3 reads sent %d pages and %d GETs, want 0 and 3", p, g)
	}
}

func TestListing_failedPageFallsBackToGET(t *testing.T) {
	f := &fakeType{size: 300, failPages: true}
	got := refresh(t, f.listing(), f, ids(0, 50), 10)
	for id, err := range got {
		if err != nil {
			t.Fatalf("read %s: %v", id, err)
		}
	}
	if p, g := f.pages.Load(), f.gets.Load(); p != 1 || g != 50 {
		t.Errorf("%d pages and %d GETs after a failed page, want 1 and 50", p, g)
	}
}

func TestListing_nilListingGETs(t *testing.T) {
	f := &fakeType{size: 3}
	var l *client.Listing[item]
	refresh(t, l, f, ids(0, 3), 2)
	if g := f.gets.Load(); g != 3 {
		t.Errorf("%d GETs, want 3", g)
	}
}
