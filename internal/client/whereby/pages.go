package whereby

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/confkit/terraform-provider-conference/internal/client"
)

// listPageSize is the largest page (limit 1..100): the fewest requests, and
// each costs a point.
const listPageSize = 100

// pageFunc reads the page at cursor ("" for the first), and returns the next
// page's cursor and whether this one was the last.
type pageFunc[T any] func(ctx context.Context, cursor string) ([]T, string, bool, error)

// listAll reads every page, following the cursor.
func listAll[T any](ctx context.Context, read pageFunc[T]) ([]T, error) {
	out := []T{}
	if err := eachPage(ctx, read, func(items []T) bool {
		out = append(out, items...)
		return true
	}); err != nil {
		return nil, err
	}
	return out, nil
}

// eachPage hands the list to use a page at a time, following the cursor
// until use returns false or the last page.
func eachPage[T any](ctx context.Context, read pageFunc[T], use func([]T) bool) error {
	seen := map[string]bool{}
	for cursor := ""; ; {
		items, next, last, err := read(ctx, cursor)
		if err != nil {
			return err
		}
		if !use(items) || last {
			return nil
		}
		// A server that hands out a cursor twice would keep us here forever.
		if seen[next] {
			return fmt.Errorf("a Whereby list answered the cursor %q twice", next)
		}
		seen[next] = true
		cursor = next
	}
}

// page reads one page of the list at path with the query q (filters,
// sortBy): {"results": [...], "cursor": null|"..."}.
func page[T any](ctx context.Context, c *Client, path string, q url.Values, cursor string) ([]T, string, bool, error) {
	pq := url.Values{}
	for k, v := range q {
		pq[k] = v
	}
	pq.Set("limit", strconv.Itoa(listPageSize))
	if cursor != "" {
		pq.Set("cursor", cursor)
	}
	var p struct {
		Results []T     `json:"results"`
		Cursor  *string `json:"cursor"`
	}
	if err := c.do(ctx, client.Request{Method: http.MethodGet, Path: path, Query: pq}, &p); err != nil {
		return nil, "", false, err
	}
	if p.Cursor == nil || *p.Cursor == "" {
		return p.Results, "", true, nil
	}
	return p.Results, *p.Cursor, false, nil
}

// listQuery pages through path with q.
func listQuery[T any](ctx context.Context, c *Client, path string, q url.Values) ([]T, error) {
	return listAll(ctx, func(ctx context.Context, cursor string) ([]T, string, bool, error) {
		return page[T](ctx, c, path, q, cursor)
	})
}
