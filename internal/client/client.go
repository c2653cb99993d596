package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Defaults used when a Config leaves a field zero.
const (
	DefaultTimeout       = 30 * time.Second
	DefaultMaxRetries    = 4
	DefaultMinBackoff    = 500 * time.Millisecond
	DefaultMaxBackoff    = 30 * time.Second
	DefaultMaxRetryAfter = 2 * time.Minute
	maxErrorBody         = 64 << 10
	maxResponseBody      = 32 << 20
)

// Authenticator adds credentials to a request. Invalidate is called after a 401 so
// that a cached token is dropped and the next Authenticate signs in again.
type Authenticator interface {
	Authenticate(ctx context.Context, req *http.Request) error
	Invalidate()
}

// FixedAuthenticator is an Authenticator whose credentials are sent as they
// are (an API key, a token the user gave): a 401 refuses them, and signing
// in again cannot help, so the core neither retries nor sends them again (see
// Credentials).
type FixedAuthenticator interface {
	Authenticator
	Fixed() bool
}

// ErrorDecoder turns a rejected response into an APIError using the platform's own
// envelope. It must not return nil.
type ErrorDecoder func(status int, header http.Header, body []byte) *APIError

// Config configures a Client. Only BaseURL and Platform are required.
type Config struct {
	// Platform names the vendor in errors and logs, e.g. "PortSIP".
	Platform string
	// BaseURL is prepended to every request path, e.g. "https://pbx:8900/api".
	BaseURL string
	// Timeout bounds each attempt, not the whole call with its retries: the caller's
	// context (the operation's deadline) bounds that.
	Timeout time.Duration
	// MaxRetries is the number of attempts after the first. Negative means none.
	MaxRetries int
	MinBackoff time.Duration
	MaxBackoff time.Duration
	// MaxRetryAfter caps how long a server's Retry-After may make us wait.
	MaxRetryAfter      time.Duration
	InsecureSkipVerify bool
	// CA, when set, is trusted besides the system's certificate authorities.
	CA *CA
	// Hints name the settings that messages tell the user to change.
	Hints     Hints
	UserAgent string
	Auth      Authenticator
	// Credentials remembers a refusal of the credentials that Auth sends or
	// that sign-in requests carry (see Credentials); nil makes a memory of
	// the client's own.
	Credentials *Credentials
	// IsRefusal, when set, recognizes a platform's own refusal of a sign-in,
	// besides a 401 or 403 (SQMeeting's sign-in codes).
	IsRefusal   func(err error) bool
	DecodeError ErrorDecoder
	// RetryAfterFromBody reads how long to wait from the body of a 429 or 503
	// answer, for a platform that says so more precisely than the Retry-After
	// header's whole seconds (Whereby's data.msLeft). When it finds a value,
	// that value is used; otherwise the header is.
	RetryAfterFromBody func(body []byte) (time.Duration, bool)
	// SecretFields are JSON field names that hold secrets on this platform
	// only, masked in logs like the shared list (see IsSecretKey) is: a name
	// too generic to mask everywhere, such as Whereby's streaming "url", which
	// embeds the stream key.
	SecretFields []string
	// Budget, when set, is the platform's published rate limit: the client
	// spaces its requests to stay inside it (see Budget).
	Budget *Budget
	// CheckSuccess inspects a 2xx answer and returns an error for a platform that
	// reports failures inside a successful HTTP response (LINE Planet's envelope).
	// Such an error is retried like a non-2xx answer with its StatusCode.
	CheckSuccess func(body []byte) *APIError
	// Answered, when set, is called after each call that succeeds (its
	// retries included), for a caller that shows progress through long lists
	// (conference-export).
	Answered func()
	// HTTPClient replaces the default transport, for tests.
	HTTPClient *http.Client
	// Sleep replaces time-based waiting, for tests. It must honor ctx.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now replaces the wall clock the client schedules by (Retry-After dates,
	// the Budget), for tests; with Sleep, a test can run a long wait at once.
	Now func() time.Time
}

// Client sends requests to one platform.
type Client struct {
	cfg   Config
	base  *url.URL
	http  *http.Client
	pacer *pacer // nil without a Budget
	// secretFields is Config.SecretFields, normalized.
	secretFields map[string]bool
	// claims are the objects its creates returned (Adopt).
	claims claims
}

// New validates cfg and returns a Client.
func New(cfg Config) (*Client, error) {
	if cfg.BaseURL == "" {
		return nil, fmt.Errorf("%s endpoint is empty", cfg.Platform)
	}
	base, err := url.Parse(strings.TrimRight(cfg.BaseURL, "/"))
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("%s endpoint %q is not an absolute http(s) URL", cfg.Platform, cfg.BaseURL)
	}
	if base.Scheme != "http" && base.Scheme != "https" {
		return nil, fmt.Errorf("%s endpoint %q must use http or https", cfg.Platform, cfg.BaseURL)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxRetries == 0 {
		cfg.MaxRetries = DefaultMaxRetries
	}
	if cfg.MaxRetries < 0 {
		cfg.MaxRetries = 0
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = DefaultMinBackoff
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = DefaultMaxBackoff
	}
	if cfg.MaxRetryAfter <= 0 {
		cfg.MaxRetryAfter = DefaultMaxRetryAfter
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = "terraform-provider-conference"
	}
	if cfg.DecodeError == nil {
		cfg.DecodeError = DecodePlainError
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleepContext
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Credentials == nil {
		cfg.Credentials = NewCredentials(cfg.Platform, "")
	}
	var p *pacer
	if b := cfg.Budget; b != nil {
		if b.Points <= 0 || b.Window <= 0 || b.Cost == nil {
			return nil, fmt.Errorf("%s rate budget needs points, a window and a cost", cfg.Platform)
		}
		p = newPacer(*b)
	}
	hc := cfg.HTTPClient
	if hc == nil {
		tr := defaultTransport()
		if tc := tlsConfig(cfg); tc != nil {
			tr.TLSClientConfig = tc
		}
		hc = &http.Client{Transport: tr}
	}
	return &Client{cfg: cfg, base: base, http: hc, pacer: p, secretFields: secretFieldSet(cfg.SecretFields)}, nil
}

// defaultTransport is a copy of net/http's default transport (proxy from the
// environment, dial and TLS timeouts, HTTP/2), so that TLS settings can change
// without touching the process-wide one. http.DefaultTransport is a variable: a
// program that replaced it with another RoundTripper gets a bare transport that
// still honors the proxy environment, rather than a panic.
//
// Every connection the client opened stays open for the next request: the
// default keeps two idle connections per host, and Terraform runs ten
// operations at once (-parallelism), so eight of every ten HTTP/1.1 requests
// paid for a new connection (and a TLS handshake on a real PBX), on both ends.
// The number of connections is still bounded by how many requests run at once.
func defaultTransport() *http.Transport {
	tr, ok := http.DefaultTransport.(*http.Transport)
	if ok {
		tr = tr.Clone()
	} else {
		tr = &http.Transport{Proxy: http.ProxyFromEnvironment, MaxIdleConns: maxIdleConns}
	}
	tr.MaxIdleConnsPerHost = max(tr.MaxIdleConns, maxIdleConns)
	return tr
}

// maxIdleConns is net/http's default MaxIdleConns.
const maxIdleConns = 100

// Platform returns the vendor name used in errors.
func (c *Client) Platform() string { return c.cfg.Platform }

// Request is one API call.
type Request struct {
	Method string
	// Path is appended to the base URL's path. It must start with "/" and is not
	// escaped: the core escapes it when building the URL, unless PathEscaped.
	Path string
	// PathEscaped marks a Path already escaped by the caller, for a path
	// parameter whose value holds a "/" that must travel as %2F (Whereby's
	// room names).
	PathEscaped bool
	Query       url.Values
	// Body is encoded as JSON when not nil.
	Body any
	// RawBody, when Body is nil, is sent as it is with the ContentType
	// (a multipart/form-data upload). Logs show no non-JSON body.
	RawBody     []byte
	ContentType string
	Header      http.Header
	// Idempotent marks a POST that may be safely repeated after a 5xx or a broken
	// connection (PortSIP updates and deletes are POSTs). A request that is
	// not (a create) is repeated only when the platform certainly did not act
	// on it: a 429, or a try that was never sent. After anything else its
	// outcome is unknown (OutcomeUnknown), and the caller finds out (Adopt).
	Idempotent bool
	// NoAuth skips the Authenticator, for sign-in calls.
	NoAuth bool
	// SignIn marks a request that presents the credentials to get a token:
	// once the platform refuses it (401, 403 or Config.IsRefusal), it is
	// never sent again in this process (see Credentials), and neither is
	// the first refusal retried.
	SignIn bool
}

// Response is a successful (2xx) answer.
type Response struct {
	StatusCode int
	Header     http.Header
	Body       []byte
}

// Decode unmarshals the body into out.
func (r *Response) Decode(out any) error {
	if out == nil || len(bytes.TrimSpace(r.Body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(r.Body, out); err != nil {
		return fmt.Errorf("decoding response: %w", err)
	}
	return nil
}

// Do sends req, retrying where that is safe, and returns the response of the
// first 2xx answer or the error of the last attempt.
//
// Fixed credentials that no answer has accepted yet go out with one request
// at a time: the others wait for its answer, so that a refused key is sent
// once, not once per request in flight (Credentials.admit).
func (c *Client) Do(ctx context.Context, req Request) (*Response, error) {
	if !c.fixedAuth() || req.NoAuth {
		return c.do(ctx, req)
	}
	settle, err := c.cfg.Credentials.admit(ctx)
	if err != nil {
		return nil, err
	}
	resp, err := c.do(ctx, req)
	settle(answered(err))
	return resp, err
}

// answered reports whether the platform answered a request, which then
// accepted the credentials it carried unless it refused them.
func answered(err error) bool {
	var apiErr *APIError
	return err == nil || (errors.As(err, &apiErr) && !IsRefused(err))
}

// do is Do without the wait for fixed credentials to be accepted.
func (c *Client) do(ctx context.Context, req Request) (*Response, error) {
	var body []byte
	if req.Body != nil {
		b, err := json.Marshal(req.Body)
		if err != nil {
			return nil, fmt.Errorf("encoding %s request: %w", c.cfg.Platform, err)
		}
		body = b
	} else if req.RawBody != nil {
		body = req.RawBody
	}
	u := *c.base
	u.Path = c.base.Path + req.Path
	u.RawPath = ""
	if req.PathEscaped {
		p, err := url.PathUnescape(req.Path)
		if err != nil {
			return nil, fmt.Errorf("building %s request: %w", c.cfg.Platform, err)
		}
		u.Path, u.RawPath = c.base.Path+p, c.base.EscapedPath()+req.Path
	}
	if len(req.Query) > 0 {
		u.RawQuery = req.Query.Encode()
	}
	fixed := c.fixedAuth() && !req.NoAuth
	if req.SignIn {
		if err := c.cfg.Credentials.Refused(); err != nil {
			return nil, err
		}
	}
	idempotent := req.Idempotent || isIdempotentMethod(req.Method)
	reauthed := false
	start := time.Now()
	tries, reached := 0, false
	// giveUp is the error Do returns: a request that no try ever got to the
	// platform says so, with the tries and the time spent.
	giveUp := func(err error) error {
		if !reached {
			return &UnreachableError{Platform: c.cfg.Platform, URL: RedactURL(c.base), Attempts: tries, Elapsed: time.Since(start), Err: err}
		}
		return err
	}

	for attempt := 0; ; attempt++ {
		if err := c.pace(ctx, req.Method, &u); err != nil {
			return nil, err
		}
		tries++
		resp, err := c.attempt(ctx, req, &u, body, attempt)
		if err == nil {
			if c.cfg.Answered != nil {
				c.cfg.Answered()
			}
			return resp, nil
		}
		if IsUnreachable(err) || IsRefused(err) {
			// The sign-in (a call of its own) already retried and gave up,
			// or was refused.
			return nil, err
		}
		if c.refuses(err, req.SignIn, fixed) {
			return nil, c.cfg.Credentials.Refuse(err)
		}
		if te := (*transportError)(nil); !errors.As(err, &te) || !te.unsent {
			reached = true
		}
		if IsTLSError(err) {
			// No retry mends a server without TLS or an untrusted certificate.
			return nil, giveUp(err)
		}
		if ctx.Err() != nil {
			return nil, giveUp(err)
		}
		var apiErr *APIError
		isAPI := errors.As(err, &apiErr)
		if isAPI && apiErr.StatusCode == http.StatusUnauthorized && c.cfg.Auth != nil && !req.NoAuth && !reauthed {
			// A token may have been revoked or expired early: sign in once more.
			c.cfg.Auth.Invalidate()
			reauthed = true
			attempt--
			continue
		}
		if attempt >= c.cfg.MaxRetries {
			return nil, giveUp(err)
		}
		wait, retry := c.retryDelay(err, idempotent, attempt)
		if !retry {
			return nil, giveUp(err)
		}
		if c.pacer != nil && StatusCode(err) == http.StatusTooManyRequests {
			c.pacer.throttled(c.cfg.Now(), wait)
		}
		tflog.Debug(ctx, "retrying request", map[string]any{
			"platform": c.cfg.Platform, "method": req.Method, "url": RedactURL(&u),
			"attempt": attempt + 1, "wait": wait.String(), "error": err.Error(),
		})
		if serr := c.cfg.Sleep(ctx, wait); serr != nil {
			return nil, giveUp(fmt.Errorf("%w (gave up waiting to retry: %w)", err, serr))
		}
	}
}

// fixedAuth reports whether the client's Authenticator sends fixed
// credentials (see FixedAuthenticator).
func (c *Client) fixedAuth() bool {
	f, ok := c.cfg.Auth.(FixedAuthenticator)
	return ok && f.Fixed()
}

// refuses reports whether err is the platform's refusal of the credentials:
// a sign-in's 401 or 403 (or Config.IsRefusal), or a 401 to fixed
// credentials.
func (c *Client) refuses(err error, signIn, fixed bool) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	if signIn {
		return isRefusal(err, true) || (c.cfg.IsRefusal != nil && c.cfg.IsRefusal(err))
	}
	return fixed && isRefusal(err, false)
}

// CheckCredentials proves the credentials with probe once per credential
// set and provider process (Credentials.CheckOnce), and returns their
// refusal, if any.
func (c *Client) CheckCredentials(ctx context.Context, probe func(context.Context) error) error {
	return c.cfg.Credentials.CheckOnce(ctx, probe)
}

// pace waits until the Budget lets a request with method go out.
func (c *Client) pace(ctx context.Context, method string, u *url.URL) error {
	if c.pacer == nil {
		return nil
	}
	wait := c.pacer.reserve(c.cfg.Now(), method)
	if wait <= 0 {
		return nil
	}
	tflog.Debug(ctx, "waiting for the rate budget", map[string]any{
		"platform": c.cfg.Platform, "method": method, "url": RedactURL(u), "wait": wait.String(),
	})
	if err := c.cfg.Sleep(ctx, wait); err != nil {
		return fmt.Errorf("%s %s: waiting %s for the %s rate budget: %w", method, RedactURL(u), wait, c.cfg.Platform, err)
	}
	return nil
}

func (c *Client) attempt(ctx context.Context, req Request, u *url.URL, body []byte, attempt int) (*Response, error) {
	actx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	// Whether the request's headers were written tells a request the platform
	// never saw (no connection: refused, DNS, TLS handshake, proxy) from one
	// it may have acted on.
	var sent atomic.Bool
	actx = httptrace.WithClientTrace(actx, &httptrace.ClientTrace{WroteHeaders: func() { sent.Store(true) }})
	var rdr io.Reader
	if body != nil {
		rdr = bytes.NewReader(body)
	}
	hreq, err := http.NewRequestWithContext(actx, req.Method, u.String(), rdr)
	if err != nil {
		return nil, fmt.Errorf("building %s request: %w", c.cfg.Platform, err)
	}
	for k, vs := range req.Header {
		for _, v := range vs {
			hreq.Header.Add(k, v)
		}
	}
	hreq.Header.Set("User-Agent", c.cfg.UserAgent)
	if hreq.Header.Get("Accept") == "" {
		hreq.Header.Set("Accept", "application/json")
	}
	if body != nil {
		ct := "application/json"
		if req.Body == nil && req.ContentType != "" {
			ct = req.ContentType
		}
		hreq.Header.Set("Content-Type", ct)
	}
	if c.cfg.Auth != nil && !req.NoAuth {
		if err := c.cfg.Auth.Authenticate(ctx, hreq); err != nil {
			return nil, err
		}
	}
	logFields := map[string]any{
		"platform": c.cfg.Platform, "method": req.Method, "url": RedactURL(u), "attempt": attempt + 1,
	}
	tflog.Debug(ctx, "sending request", logFields)
	tflog.Trace(ctx, "request detail", map[string]any{
		"platform": c.cfg.Platform, "headers": lazyHeaders{hreq.Header.Clone()}, "body": lazyBody{body, c.secretFields},
	})

	start := time.Now()
	hresp, err := c.http.Do(hreq)
	if err != nil {
		unsent := !sent.Load()
		switch {
		case ctx.Err() != nil:
			err = ctx.Err()
		case actx.Err() != nil:
			err = fmt.Errorf("no answer within the request timeout of %s: %w", c.cfg.Timeout, actx.Err())
		default:
			err = transportCause(err)
			if unsent {
				// Only a handshake, before anything was sent, is classified:
				// what breaks later leaves the outcome unknown.
				err = c.classifyTLS(err, u)
			}
		}
		return nil, &transportError{err: fmt.Errorf("%s %s: %w", req.Method, RedactURL(u), err), unsent: unsent}
	}
	defer hresp.Body.Close()
	limit := int64(maxResponseBody)
	if hresp.StatusCode >= 300 {
		limit = maxErrorBody
	}
	respBody, err := io.ReadAll(io.LimitReader(hresp.Body, limit))
	if err != nil {
		return nil, &transportError{err: fmt.Errorf("%s response to %s %s was cut off: %w", c.cfg.Platform, req.Method, RedactURL(u), err)}
	}
	tflog.Debug(ctx, "received response", map[string]any{
		"platform": c.cfg.Platform, "method": req.Method, "url": RedactURL(u),
		"status": hresp.StatusCode, "duration_ms": time.Since(start).Milliseconds(),
	})
	tflog.Trace(ctx, "response detail", map[string]any{
		"platform": c.cfg.Platform, "headers": lazyHeaders{hresp.Header}, "body": lazyBody{respBody, c.secretFields},
	})
	if hresp.StatusCode < 200 || hresp.StatusCode > 299 {
		apiErr := c.cfg.DecodeError(hresp.StatusCode, hresp.Header, respBody)
		apiErr.Platform = c.cfg.Platform
		apiErr.StatusCode = hresp.StatusCode
		return nil, c.retryable(apiErr, hresp.Header, respBody)
	}
	if c.cfg.CheckSuccess != nil {
		if apiErr := c.cfg.CheckSuccess(respBody); apiErr != nil {
			apiErr.Platform = c.cfg.Platform
			if apiErr.StatusCode == 0 {
				apiErr.StatusCode = hresp.StatusCode
			}
			return nil, c.retryable(apiErr, hresp.Header, respBody)
		}
	}
	return &Response{StatusCode: hresp.StatusCode, Header: hresp.Header, Body: respBody}, nil
}

// transportError is a failure below HTTP: refused connection, reset, timeout.
// unsent is set when the request was never written, so that the platform
// cannot have acted on it.
type transportError struct {
	err    error
	unsent bool
}

// transportCause drops net/http's *url.Error wrapper, whose text repeats the
// method and the URL (unredacted) that the caller's message already gives.
func transportCause(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

func (e *transportError) Error() string { return e.err.Error() }
func (e *transportError) Unwrap() error { return e.err }

// retryableAPIError keeps the server's requested wait (the Retry-After header,
// and what RetryAfterFromBody read) next to the error so that the retry loop
// can honor it; callers see the APIError through errors.As.
type retryableAPIError struct {
	*APIError
	retryAfter  string
	bodyWait    time.Duration
	hasBodyWait bool
}

func (e *retryableAPIError) Unwrap() error { return e.APIError }

func (c *Client) retryable(apiErr *APIError, h http.Header, body []byte) *retryableAPIError {
	re := &retryableAPIError{APIError: apiErr, retryAfter: h.Get("Retry-After")}
	if c.cfg.RetryAfterFromBody != nil && (apiErr.StatusCode == http.StatusTooManyRequests || apiErr.StatusCode == http.StatusServiceUnavailable) {
		re.bodyWait, re.hasBodyWait = c.cfg.RetryAfterFromBody(body)
	}
	return re
}

func (c *Client) retryDelay(err error, idempotent bool, attempt int) (time.Duration, bool) {
	backoff := c.backoff(attempt)
	var te *transportError
	if errors.As(err, &te) {
		// A request that was never sent is safe to repeat whatever its
		// method; one that was may have been acted on, so it is repeated only
		// if that is harmless.
		return backoff, idempotent || te.unsent
	}
	var re *retryableAPIError
	if !errors.As(err, &re) {
		return 0, false
	}
	switch re.StatusCode {
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		// A 429 is a rate limit's refusal: the request was not processed, and
		// any method may be repeated. A 503 usually means the same, but a
		// proxy answers it too when its connection to the server breaks
		// after the request went through (Envoy's "upstream connect error or
		// disconnect/reset before headers"), so a create is not repeated
		// blindly after one.
		if re.StatusCode == http.StatusServiceUnavailable && !idempotent {
			return 0, false
		}
		if re.hasBodyWait && re.bodyWait >= 0 {
			return min(re.bodyWait, c.cfg.MaxRetryAfter), true
		}
		if d, ok := ParseRetryAfter(re.retryAfter, c.cfg.Now()); ok {
			return min(d, c.cfg.MaxRetryAfter), true
		}
		return backoff, true
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
		return backoff, idempotent
	}
	return 0, false
}

// backoff is exponential with full jitter, as recommended for many clients
// hitting one server: a random wait in [min, min*2^attempt], capped at max.
func (c *Client) backoff(attempt int) time.Duration {
	ceil := c.cfg.MinBackoff << min(attempt, 20)
	if ceil <= 0 || ceil > c.cfg.MaxBackoff {
		ceil = c.cfg.MaxBackoff
	}
	span := ceil - c.cfg.MinBackoff
	if span <= 0 {
		return c.cfg.MinBackoff
	}
	return c.cfg.MinBackoff + rand.N(span)
}

// ParseRetryAfter reads a Retry-After header in either of its forms: seconds, or
// an HTTP date (RFC 9110, section 10.2.3). The seconds may carry a decimal
// fraction, which some servers send although the RFC gives digits only; any
// other number (a sign, an exponent, hex, NaN, infinity) is refused, and a
// wait too long to represent is the longest one, never a wrapped-around
// negative that would retry at once.
func ParseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if isDecimal(v) {
		secs, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return 0, false
		}
		if secs >= float64(math.MaxInt64)/float64(time.Second) {
			return time.Duration(math.MaxInt64), true
		}
		return time.Duration(secs * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

// isDecimal reports whether s is digits with at most one decimal point.
func isDecimal(s string) bool {
	digits, points := 0, 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			points++
		default:
			return false
		}
	}
	return digits > 0 && points <= 1
}

func isIdempotentMethod(m string) bool {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// DecodePlainError is the fallback decoder: the body's text, if short, is the message.
func DecodePlainError(status int, _ http.Header, body []byte) *APIError {
	msg := strings.TrimSpace(string(body))
	if len(msg) > 512 || strings.ContainsAny(msg, "\x00") {
		msg = ""
	}
	return &APIError{StatusCode: status, Message: msg}
}
