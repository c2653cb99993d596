package platform

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
)

// The emulator has one handler style for every platform: a handler is a pure
// function from a Request (the body already read) to a Reply (status, headers,
// body), and the Router does everything around it. That keeps the rules that
// matter the same everywhere and out of the handlers:
//   - no handler reads from the network while holding the platform's lock (the
//     body is read before the lock is taken, so a slow client cannot stall the
//     platform);
//   - a handler runs under the platform's lock (read lock for GET and HEAD
//     unless the route asks for WriteLock, write lock otherwise) and its reply
//     is encoded under the same lock, so every request sees and leaves a
//     consistent state and no reply aliases state another request is changing;
//   - the bytes are written after the lock is released.
//
// A platform supplies its own authentication, admission rule (a rate limit) and
// error envelope; the Router knows none of them.

// Request is an incoming request whose body has been read.
type Request struct {
	*http.Request
	// Body is the raw request body (at most Router.MaxBody bytes).
	Body []byte
	// Principal is what the Router's Auth returned for this request: the
	// signed-in user, the API key's service, ... Empty for routes without auth.
	Principal string
}

// Reply is what a handler produces. A nil Body writes no body at all (PortSIP's
// update answers 200 with no body, for instance); a []byte Body is written as
// it is, anything else is encoded as JSON.
type Reply struct {
	Status int
	Body   any
	Header http.Header
}

// JSON is a Reply with a JSON body.
func JSON(status int, body any) Reply { return Reply{Status: status, Body: body} }

// Empty is a Reply without a body.
func Empty(status int) Reply { return Reply{Status: status} }

// WithHeader returns r with one more header set.
func (r Reply) WithHeader(key, value string) Reply {
	h := r.Header.Clone()
	if h == nil {
		h = http.Header{}
	}
	h.Set(key, value)
	r.Header = h
	return r
}

// Handler is one route's logic.
type Handler func(*Request) Reply

// Router registers a platform's routes on a mux with the shared rules above.
type Router struct {
	Mux *http.ServeMux
	// Lock guards the platform's state.
	Lock *sync.RWMutex
	// Auth authenticates a request before its body is read; it runs without
	// the lock held (take Lock.RLock inside if it reads state). It returns the
	// principal, or ok=false and the reply to send (the platform's 401).
	Auth func(r *http.Request) (principal string, rep Reply, ok bool)
	// Admit, when set, decides whether to serve a request at all: a vendor's
	// rate limit or quota. It runs after Auth (so that unauthenticated requests
	// spend no one's budget) and before the body is read (so that a refused
	// client is not read from), without the lock held. It returns ok=false and
	// the reply to send (the platform's 429).
	Admit func(req *Request) (rep Reply, ok bool)
	// BodyError is the reply for a body that could not be read or is larger
	// than MaxBody (tooLarge), in the platform's envelope.
	BodyError func(err error, tooLarge bool) Reply
	// MaxBody bounds request bodies; 0 means 1 MiB.
	MaxBody int64
}

// RouteOption changes how the Router serves one route.
type RouteOption func(*route)

type route struct {
	writeLock bool
}

// WriteLock serves a GET or HEAD route under the write lock, for reads that
// change state: a platform that drops an object the moment it is seen expired
// (LINE Planet's meetings past expireAt) must not do so under a read lock.
func WriteLock() RouteOption { return func(r *route) { r.writeLock = true } }

// Handle registers h for pattern ("METHOD /path/{param}"). With auth set,
// Router.Auth runs first; Router.Admit runs on every route.
func (rt *Router) Handle(pattern string, auth bool, h Handler, opts ...RouteOption) {
	var cfg route
	for _, o := range opts {
		o(&cfg)
	}
	method, _, _ := strings.Cut(pattern, " ")
	readsBody := method != http.MethodGet && method != http.MethodHead
	readOnly := !readsBody && !cfg.writeLock
	rt.Mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		req := &Request{Request: r}
		if auth && rt.Auth != nil {
			principal, rep, ok := rt.Auth(r)
			if !ok {
				rt.write(w, rep, Encode(rep.Body))
				return
			}
			req.Principal = principal
		}
		if rt.Admit != nil {
			if rep, ok := rt.Admit(req); !ok {
				rt.write(w, rep, Encode(rep.Body))
				return
			}
		}
		if readsBody {
			raw, err := rt.readBody(w, r)
			if err != nil {
				var tooBig *http.MaxBytesError
				rep := rt.BodyError(err, errors.As(err, &tooBig))
				rt.write(w, rep, Encode(rep.Body))
				return
			}
			req.Body = raw
		}
		var rep Reply
		var data []byte
		if readOnly {
			rt.Lock.RLock()
			rep = h(req)
			data = Encode(rep.Body)
			rt.Lock.RUnlock()
		} else {
			rt.Lock.Lock()
			rep = h(req)
			data = Encode(rep.Body)
			rt.Lock.Unlock()
		}
		rt.write(w, rep, data)
	})
}

// Fallback registers a handler for everything under prefix that no route
// matched, with no auth and no lock: the platform's 404 and 405 answers.
func (rt *Router) Fallback(prefix string, h func(r *http.Request) Reply) {
	rt.Mux.HandleFunc(prefix, func(w http.ResponseWriter, r *http.Request) {
		rep := h(r)
		rt.write(w, rep, Encode(rep.Body))
	})
}

// MatchesOtherMethod reports whether path is a route for some method other
// than r's, so that a fallback can answer 405 rather than 404.
func (rt *Router) MatchesOtherMethod(r *http.Request, fallbackPattern string, methods ...string) bool {
	for _, m := range methods {
		if m == r.Method {
			continue
		}
		other := r.Clone(r.Context())
		other.Method = m
		if _, pattern := rt.Mux.Handler(other); pattern != "" && pattern != fallbackPattern {
			return true
		}
	}
	return false
}

func (rt *Router) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	limit := rt.MaxBody
	if limit <= 0 {
		limit = 1 << 20
	}
	return io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
}

func (rt *Router) write(w http.ResponseWriter, rep Reply, data []byte) {
	for k, v := range rep.Header {
		w.Header()[k] = v
	}
	if data != nil && w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json")
	}
	status := rep.Status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	if data != nil {
		_, _ = w.Write(data)
	}
}

// Encode is the body of a reply: nil for none, raw bytes as they are, anything
// else as one line of JSON.
func Encode(v any) []byte {
	switch b := v.(type) {
	case nil:
		return nil
	case []byte:
		return b
	}
	data, err := json.Marshal(v)
	if err != nil {
		// Only the emulator's own types are encoded; failing here is a bug.
		panic("emulator: encoding reply: " + err.Error())
	}
	return append(data, '\n')
}
