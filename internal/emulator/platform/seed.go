package platform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
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

// DecodeSeed reads a platform's seed section into v, refusing fields v does
// not have, so that a misspelt key is an error rather than a silently missing
// object.
func DecodeSeed(raw json.RawMessage, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	return nil
}
