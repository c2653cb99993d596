package export

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Progress is the one-line counter shown on a terminal while a large estate
// is listed: the objects found, the requests answered (a long list is read a
// page a request) and what is being read. A nil *Progress shows nothing,
// which is what a pipe or a CI log gets (NewProgress).
type Progress struct {
	mu       sync.Mutex
	w        io.Writer
	objects  int
	requests int
	what     string
	last     time.Time
	shown    bool
	// now is the clock that spaces redraws, for tests.
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

// Reading says what is read now ("PortSIP conference rooms"), at once.
func (p *Progress) Reading(what string) {
	p.update(func() bool { changed := what != p.what; p.what = what; return changed })
}

// Found counts n more objects.
func (p *Progress) Found(n int) {
	p.update(func() bool { p.objects += n; return false })
}

// Answered counts one more request answered: client.Config.Answered.
func (p *Progress) Answered() {
	p.update(func() bool { p.requests++; return false })
}

// update applies change and redraws the line when change says it must, or
// when the last redraw is old enough.
func (p *Progress) update(change func() (now bool)) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	force := change()
	if t := p.now(); force || t.Sub(p.last) >= redrawEvery {
		p.last = t
		p.shown = true
		// \r and "erase to the end of the line": the counter stays on one line.
		fmt.Fprintf(p.w, "\r\x1b[Kconference-export: %d objects, %d requests; reading %s", p.objects, p.requests, p.what)
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
