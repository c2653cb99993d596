package platform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
)

// Call runs a route's handler on a request built behind the API, as the Router
// would after authenticating principal: the way a platform's Seed creates
// objects, so that a seeded object passes exactly the checks an API client's
// would. path holds the route's values ("{room}" and so on) already filled
// in, with their names in params, and may carry a query. The caller holds the
// platform's lock. A reply outside 2xx comes back as an error that names what
// and quotes the platform's answer.
func Call(h Handler, method, path string, params map[string]string, principal string, body json.RawMessage, what string) (Reply, error) {
	u, err := url.Parse(path)
	if err != nil {
		return Reply{}, fmt.Errorf("%s: %w", what, err)
	}
	r := &http.Request{Method: method, URL: u, Header: http.Header{}, Host: "seed"}
	if body != nil {
		r.Header.Set("Content-Type", "application/json")
	}
	for k, v := range params {
		r.SetPathValue(k, v)
	}
	rep := h(&Request{Request: r, Body: body, Principal: principal})
	if rep.Status >= 300 || (rep.Status != 0 && rep.Status < 200) {
		return rep, fmt.Errorf("%s: refused with HTTP %d: %s", what, rep.Status, strings.TrimSpace(string(Encode(rep.Body))))
	}
	return rep, nil
}

// Seed reads a platform's seed section into a T, refusing fields T does not
// have (a misspelled key is an error, not a silently missing object), and
// applies it with the platform's write lock held.
func Seed[T any](raw json.RawMessage, mu *sync.RWMutex, apply func(*T) error) error {
	var doc T
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	mu.Lock()
	defer mu.Unlock()
	return apply(&doc)
}

// CreateAll posts each body to create as principal; errors name the body
// kind[i]. The caller holds the platform's lock.
func CreateAll(kind string, bodies []json.RawMessage, create Handler, path, principal string) error {
	for i, body := range bodies {
		if _, err := Call(create, http.MethodPost, path, nil, principal, body, fmt.Sprintf("%s[%d]", kind, i)); err != nil {
			return err
		}
	}
	return nil
}

// CreateByOwner posts each owner's bodies to create, as the principal
// principal gives the owner (false: the platform has no such user). Owners
// go in name order, so that a seed always creates in the same order.
func CreateByOwner(kind string, byOwner map[string][]json.RawMessage, create Handler, path string, principal func(owner string) (string, bool)) error {
	for _, owner := range slices.Sorted(maps.Keys(byOwner)) {
		p, ok := principal(owner)
		if !ok {
			return fmt.Errorf("%s of %q: no such user; add it under users", kind, owner)
		}
		if err := CreateAll(fmt.Sprintf("%s[%q]", kind, owner), byOwner[owner], create, path, p); err != nil {
			return err
		}
	}
	return nil
}
