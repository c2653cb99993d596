package emulator

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// outcome is what became of one platform request, for the journal and for the
// state file.
type outcome struct {
	// status is what the client got; 0 when it got no answer (a dropped
	// connection, or a client that left during an injected latency).
	status int
	// served is the status the platform answered with, 0 when the platform
	// never saw the request. It differs from status when an after_write
	// fault replaced the answer.
	served  int
	fault   bool
	dropped bool
	// abort is a drop on a connection that could not be taken over.
	abort bool
}

// ServeHTTP journals the request, applies injected faults, then routes it.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/_emulator/") {
		e.mux.ServeHTTP(w, r)
		return
	}
	start := time.Now()
	var out outcome
	owner := ""
	if p := e.platformFor(r.URL.Path); p != nil {
		owner = p.Key()
	}
	if f, ok := e.faults.match(r.Method, r.URL.Path, owner); ok {
		out = e.serveFault(w, r, f)
	} else {
		out.status = e.handle(w, r)
		out.served = out.status
	}
	e.record(r, start, out)
	if out.abort {
		// The connection could not be taken over (HTTP/2): abort the
		// response, which resets the stream; net/http logs nothing for it.
		panic(http.ErrAbortHandler)
	}
}

// handle lets the platform serve r and returns the status it answered. With
// a state file, a request that may change state is answered only once the
// file holds the change, so that an answer the client got survives a crash
// of the emulator.
func (e *Emulator) handle(w http.ResponseWriter, r *http.Request) int {
	if e.opts.StateFile == "" || r.Method == http.MethodGet || r.Method == http.MethodHead {
		rec := &statusRecorder{ResponseWriter: w}
		e.mux.ServeHTTP(rec, r)
		return rec.written()
	}
	buf := &bufferedResponse{header: http.Header{}}
	e.mux.ServeHTTP(buf, r)
	status := buf.written()
	if status >= 200 && status < 300 {
		e.saveState()
	}
	buf.copyTo(w)
	return status
}

// record journals a request.
func (e *Emulator) record(r *http.Request, start time.Time, out outcome) {
	entry := JournalEntry{
		Time: start.UTC(), Method: r.Method, Path: r.URL.Path, Query: redactedQuery(r.URL),
		Status: out.status, DurationMS: time.Since(start).Milliseconds(), Fault: out.fault, Dropped: out.dropped,
	}
	if out.served != out.status {
		entry.Served = out.served
	}
	e.journal.add(entry)
	if e.opts.Logger != nil {
		e.opts.Logger.Info("request", "method", entry.Method, "path", entry.Path,
			"status", entry.Status, "duration_ms", entry.DurationMS, "fault", entry.Fault)
	}
}

// serveFault applies a fault that fired on r. Without after_write the fault
// stands in front of the platform: the platform never sees a request that gets
// the fault's status or a dropped connection. With after_write the platform
// serves the request into a buffer first, and the fault decides what the
// client gets instead.
func (e *Emulator) serveFault(w http.ResponseWriter, r *http.Request, f firing) outcome {
	out := outcome{fault: true}
	if f.AfterWrite {
		buf := &bufferedResponse{header: http.Header{}}
		out.served = e.handle(buf, r)
		if !wait(r, f.wait) {
			return out
		}
		if !f.answers() {
			buf.copyTo(w)
			out.status = out.served
			return out
		}
	} else {
		if !wait(r, f.wait) {
			return out
		}
		if !f.answers() {
			out.status = e.handle(w, r)
			out.served = out.status
			return out
		}
	}
	if f.Drop {
		out.dropped, out.abort = true, !hangUp(w)
		return out
	}
	e.writeFault(w, r, f.Fault)
	out.status = f.Status
	return out
}

// wait holds the request for d, and reports false when the client gave up
// first.
func wait(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// hangUp closes the client's connection without a byte of answer, and
// reports false when the connection cannot be taken over (HTTP/2), for the
// caller to abort the response instead.
func hangUp(w http.ResponseWriter) bool {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return false
	}
	_ = conn.Close()
	return true
}

func (e *Emulator) writeFault(w http.ResponseWriter, r *http.Request, f Fault) {
	if f.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(f.RetryAfter))
	}
	msg := f.Message
	if msg == "" {
		msg = "injected fault: " + http.StatusText(f.Status)
	}
	if p := e.platformFor(r.URL.Path); p != nil {
		p.WriteError(w, f.Status, msg)
	} else {
		http.Error(w, msg, f.Status)
	}
}

// statusRecorder passes a response through and remembers its status.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (for a drop).
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// written is the status sent: a handler that wrote nothing answered 200.
func (s *statusRecorder) written() int {
	if s.status == 0 {
		return http.StatusOK
	}
	return s.status
}

// bufferedResponse holds a platform's whole answer, for an after_write fault
// to throw away or pass on.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.body.Write(p)
}

func (b *bufferedResponse) written() int {
	if b.status == 0 {
		return http.StatusOK
	}
	return b.status
}

func (b *bufferedResponse) copyTo(w http.ResponseWriter) {
	for k, v := range b.header {
		w.Header()[k] = v
	}
	w.WriteHeader(b.written())
	_, _ = w.Write(b.body.Bytes())
}
