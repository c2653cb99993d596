package export

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Progress is the one-line counter shown on a terminal while a large estate
// is listed. A nil *Progress shows nothing, which is what a pipe or a CI log
// gets (NewProgress).
type Progress struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	what  string
	last  time.Time
	shown bool
	// now is the clock that rate-limits redraws, for tests.
	now func() time.Time
}

// redrawEvery keeps a fast listing from spending its time redrawing.
const redrawEvery = 100 * time.Millisecond

// NewProgress returns a counter that draws on f when f is a terminal, and
// nil (no counter) otherwise.
func NewProgress(f *os.File) *Progress {
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return &Progress{w: f, now: time.Now}
}

// Add counts n more objects, found while reading what ("PortSIP rooms").
func (p *Progress) Add(what string, n int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total += n
	changed := what != p.what
	p.what = what
	if now := p.now(); changed || now.Sub(p.last) >= redrawEvery {
		p.last = now
		p.shown = true
		// \r and "erase to the end of the line": the counter stays on one line.
		fmt.Fprintf(p.w, "\r\x1b[Kconference-export: %d objects; reading %s", p.total, p.what)
	}
}

// Done erases the counter, so that what follows starts on a clean line.
func (p *Progress) Done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
