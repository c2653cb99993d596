package client

import (
	"context"
	"errors"
	"net/http"
	"sync"
)

// Credentials is one set of credentials for one platform: what the provider
// process remembers about it. A set that the platform refused is never sent
// again: each try would count toward an account's lockout, and the answer
// cannot change within a run. Every client built with the same set (two
// aliases, or the provider and its plan-time check) shares one memory, held
// by a Registry, and sets that differ in any value are independent.
type Credentials struct {
	platform string
	// hint names what to correct, and where it was set: "portsip.password
	// (set by the environment variable PORTSIP_PASSWORD)".
	hint  string
	state *credentialState
}

// credentialState is the memory shared by every Credentials of one set.
type credentialState struct {
	mu      sync.Mutex
	refused error
	// accepted is set once the platform answered a request that carried
	// the credentials without refusing them; trying, while a request that
	// would tell is in flight, closes when it has its answer (admit).
	accepted bool
	trying   chan struct{}
	// check is the plan-time check: nil before it starts; it closes when
	// the check has finished.
	check chan struct{}
	// unusable is a failure of the plan-time check that no retry mends (a
	// TLSError): the process cannot reach the platform, so every later check
	// fails the same way without another handshake.
	unusable error
}

// NewCredentials is a memory that nothing else shares, for a client built
// without one.
func NewCredentials(platform, hint string) *Credentials {
	return &Credentials{platform: platform, hint: hint, state: &credentialState{}}
}

// Refused is the remembered refusal, or nil.
func (c *Credentials) Refused() error {
	c.state.mu.Lock()
	defer c.state.mu.Unlock()
	return c.refused()
}

// refused is Refused with the lock held, worded with this handle's hint.
func (c *Credentials) refused() error {
	if c.state.refused == nil {
		return nil
	}
	return &RefusedError{Platform: c.platform, Hint: c.hint, Err: c.state.refused}
}

// Refuse remembers that the platform refused the credentials with err, and
// returns the error every call gives from now on. The first refusal is the
// one remembered.
func (c *Credentials) Refuse(err error) error {
	if IsRefused(err) {
		return err
	}
	c.state.mu.Lock()
	defer c.state.mu.Unlock()
	if c.state.refused == nil {
		c.state.refused = err
	}
	return c.refused()
}

// admit lets a request carry fixed credentials. Until the platform has
// accepted them, one request at a time goes, and the others wait for its
// answer: they go on once it accepted them, fail with the refusal once it
// refused them, and the next one tries after a request that got no answer.
// settle reports the answer.
func (c *Credentials) admit(ctx context.Context) (settle func(accepted bool), err error) {
	st := c.state
	for {
		st.mu.Lock()
		if err := c.refused(); err != nil {
			st.mu.Unlock()
			return nil, err
		}
		if st.accepted {
			st.mu.Unlock()
			return func(bool) {}, nil
		}
		wait := st.trying
		if wait == nil {
			done := make(chan struct{})
			st.trying = done
			st.mu.Unlock()
			return func(accepted bool) {
				st.mu.Lock()
				st.accepted = st.accepted || accepted
				st.trying = nil
				st.mu.Unlock()
				close(done)
			}, nil
		}
		st.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// CheckOnce runs probe, a request that proves the credentials, once for the
// set in this process; callers that come while it runs wait for it, and
// later ones return at once. It returns the refusal, if the platform refused
// the credentials (now or before), or a failure of the probe that no retry
// mends (a TLSError), so that a plan stops at the first handshake; any other
// failure is left to the calls that need the platform, which report it with
// their own context.
func (c *Credentials) CheckOnce(ctx context.Context, probe func(context.Context) error) error {
	c.state.mu.Lock()
	if err := c.refused(); err != nil {
		c.state.mu.Unlock()
		return err
	}
	if err := c.state.unusable; err != nil {
		c.state.mu.Unlock()
		return err
	}
	chk := c.state.check
	if chk == nil {
		chk = make(chan struct{})
		c.state.check = chk
		c.state.mu.Unlock()
		func() {
			defer close(chk)
			err := probe(ctx)
			var tlsErr *TLSError
			switch {
			case err != nil && ctx.Err() != nil:
				// Cancelled, not answered: let the next caller check.
				c.state.mu.Lock()
				c.state.check = nil
				c.state.mu.Unlock()
			case errors.As(err, &tlsErr):
				c.state.mu.Lock()
				c.state.unusable = err
				c.state.mu.Unlock()
			}
		}()
	} else {
		c.state.mu.Unlock()
		select {
		case <-chk:
		case <-ctx.Done():
			return nil
		}
	}
	c.state.mu.Lock()
	defer c.state.mu.Unlock()
	if err := c.refused(); err != nil {
		return err
	}
	return c.state.unusable
}

// isRefusal is what a refused sign-in, or a refused fixed credential,
// answers: 401, or 403 for a sign-in.
func isRefusal(err error, signIn bool) bool {
	switch StatusCode(err) {
	case http.StatusUnauthorized:
		return true
	case http.StatusForbidden:
		return signIn
	}
	return false
}
