package sqmeeting

import (
	"net/url"
	"strconv"
	"strings"
)

// Pagination: the document's lists take "page_num={number}&page_size={page_size}
// &filter={search_key}" and answer total_page_num and total_size beside the
// items. It gives no defaults or limits; the emulator's, chosen from what the
// vendor's clients send (page_size=50 for users, 500 for meetings, 100 for a
// recurrence's occurrences):
//   - page_num counts from 1, default 1; a page past the end is empty;
//   - page_size is 1..500, default 50;
//   - filter is a case-insensitive substring of the names the list shows.
const (
	defaultPageSize = 50
	maxPageSize     = 500
)

type pageQuery struct {
	num, size int
	filter    string
}

func parsePage(q url.Values) (pageQuery, reply, bool) {
	pq := pageQuery{num: 1, size: defaultPageSize, filter: strings.ToLower(strings.TrimSpace(q.Get("filter")))}
	var p problems
	if v := q.Get("page_num"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			p.add("page_num must be an integer of at least 1")
		}
		pq.num = n
	}
	if v := q.Get("page_size"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxPageSize {
			p.add("page_size must be an integer from 1 to %d", maxPageSize)
		}
		pq.size = n
	}
	if len(p) > 0 {
		return pq, p.reply(), false
	}
	return pq, reply{}, true
}

// matches reports whether any of names contains the filter.
func (pq pageQuery) matches(names ...string) bool {
	if pq.filter == "" {
		return true
	}
	for _, n := range names {
		if strings.Contains(strings.ToLower(n), pq.filter) {
			return true
		}
	}
	return false
}

// page cuts one page out of items and counts the pages.
func page[T any](items []T, pq pageQuery) (out []T, totalPages int) {
	totalPages = (len(items) + pq.size - 1) / pq.size
	if pq.num > totalPages {
		return []T{}, totalPages
	}
	start := (pq.num - 1) * pq.size
	return items[start:min(start+pq.size, len(items))], totalPages
}
