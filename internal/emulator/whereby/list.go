package whereby

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// Page sizes of GET /meetings: "limit ... default 50, maximum 100, minimum 1".
const (
	defaultLimit = 50
	maxLimit     = 100
)

// listMeetings is GET /meetings?cursor=&limit=&fields=: the live meetings in
// creation order, a page at a time.
//
// The cursor names the last meeting of the previous page by its creation
// number, so that a meeting deleted between two pages neither hides nor
// repeats another. It is opaque to clients and has the shape of the
// document's example "8f4031bfc7640c5f267b11b6fe0c2507" (32 hex digits). A
// cursor this API could not have returned answers 404, the one error the
// document declares for this operation besides 401 and 429.
func (a *API) listMeetings(req *request) reply {
	q := req.URL.Query()
	fields, rep, ok := queryFields(q)
	if !ok {
		return rep
	}
	limit, rep, ok := parseLimit(q, defaultLimit)
	if !ok {
		return rep
	}
	var after uint64
	if v := q.Get("cursor"); v != "" {
		seq, err := strconv.ParseUint(v, 16, 64)
		if len(v) != 32 || err != nil || seq == 0 || seq >= a.nextSeq {
			return notFound("no page at cursor %q", v)
		}
		after = seq
	}
	now := a.now()
	out := MeetingList{Results: []Meeting{}}
	var last uint64
	for _, id := range a.order {
		m := a.meetings[id]
		if m.Seq <= after || !m.alive(now) {
			continue
		}
		if len(out.Results) == limit {
			// One more live meeting: there is a next page.
			c := fmt.Sprintf("%032x", last)
			out.Cursor = &c
			break
		}
		out.Results = append(out.Results, m.render(fields))
		last = m.Seq
	}
	return platform.JSON(http.StatusOK, out)
}

// parseLimit reads a list's limit: "default 50, maximum 100, minimum 1"
// (the insights' default is 10: def).
func parseLimit(q url.Values, def int) (int, reply, bool) {
	v := q.Get("limit")
	if v == "" {
		return def, reply{}, true
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxLimit {
		return 0, badRequest(`"limit" must be an integer from 1 to %d`, maxLimit), false
	}
	return n, reply{}, true
}

// queryFields reads the fields query parameter: "style: form, explode:
// false", so fields=hostRoomUrl,viewerRoomUrl; a repeated parameter is taken
// too.
func queryFields(q url.Values) ([]string, reply, bool) {
	var out []string
	for _, v := range q["fields"] {
		for _, f := range strings.Split(v, ",") {
			f = strings.TrimSpace(f)
			if f == "" {
				continue
			}
			if !slices.Contains(fieldNames, f) {
				return nil, badRequest(`"fields" must hold only [%s]`, strings.Join(fieldNames, ", ")), false
			}
			out = append(out, f)
		}
	}
	return out, reply{}, true
}
