// Package errdiag is the wording users read when a call to a platform fails:
// the summary and detail of a diagnostic, told apart by what the user does
// next. The HTTP core (internal/client) keeps the typed errors and knows
// nothing of Terraform; what a timeouts block or `terraform import` is
// belongs here, on the provider's side.
package errdiag

import (
	"errors"
	"fmt"

	"github.com/confkit/terraform-provider-conference/internal/client"
)

// Operation is what a resource was doing when a call failed.
type Operation int

// The operations of a resource.
const (
	Create Operation = iota
	Read
	Update
	Delete
)

// gerund is the operation as "creating", "reading", ...
func (op Operation) gerund() string {
	return [...]string{"creating", "reading", "updating", "deleting"}[op]
}

// Describe turns the error of a failed call into the summary and detail of
// an error diagnostic, telling apart the cases a user acts on differently:
//
//   - the TLS handshake failed in a way no retry mends (TLSError): "PortSIP
//     certificate is not trusted", with what to change;
//   - the platform could not be reached (nothing was sent, so nothing
//     changed): "PortSIP could not be reached", with the endpoint, how many
//     tries and how long;
//   - the time ran out: "Timed out creating PortSIP conference room", with a
//     warning that a create or an update may have happened all the same;
//   - the platform rejected the request: "PortSIP rejected conference room"
//     (create), "PortSIP rejected conference room update", "PortSIP rejected
//     reading conference room", with the platform's code and message;
//   - a create whose answer was lost, after which the lookup for what it
//     made found several candidates (client.AmbiguousError: "Cannot tell
//     which PortSIP conference room was created") or failed
//     (client.LostCreateError: "PortSIP conference room may have been
//     created");
//   - anything else (an answer that could not be read, say): "Creating
//     PortSIP conference room failed".
//
// platform is the vendor's name ("PortSIP") and object what the resource
// manages ("conference room").
func Describe(err error, platform string, op Operation, object string) (summary, detail string) {
	var apiErr *client.APIError
	var ambiguous *client.AmbiguousError
	var lost *client.LostCreateError
	var tlsErr *client.TLSError
	switch {
	// These two come first: they wrap what an unreachable platform or a
	// timeout left, which would otherwise say that nothing changed.
	case errors.As(err, &ambiguous):
		return fmt.Sprintf("Cannot tell which %s %s was created", platform, object),
			fmt.Sprintf("While %s %s: %v.\n\nDelete the ones that should not exist in %s, or import the one to keep "+
				"(terraform import), and apply again.", op.gerund(), object, err, platform)
	case errors.As(err, &lost):
		return fmt.Sprintf("%s %s may have been created", platform, object),
			fmt.Sprintf("While %s %s: %v.\n\nLook for it in %s: import it if it is there (terraform import), "+
				"or apply again to create it.", op.gerund(), object, err, platform)
	case errors.As(err, &tlsErr):
		return platform + " " + tlsErr.Problem,
			fmt.Sprintf("While %s %s: %v.\n\nThe request was never sent, so nothing changed.", op.gerund(), object, err)
	case client.IsUnreachable(err):
		return platform + " could not be reached",
			fmt.Sprintf("While %s %s: %v.\n\nThe request was never sent, so nothing changed. "+
				"Check the %s endpoint, and that it is running and reachable from here.", op.gerund(), object, err, platform)
	case client.IsTimeout(err):
		detail := err.Error() + "\n\nRetries and waits count against the operation's timeout (the resource's " +
			"timeouts block); the per-request timeout is the provider's request_timeout."
		if op == Create || op == Update {
			detail += fmt.Sprintf(" %s may have made the change before the time ran out.", platform)
		}
		return fmt.Sprintf("Timed out %s %s %s", op.gerund(), platform, object), detail
	case errors.As(err, &apiErr):
		return platform + " rejected " + rejected(op, object), err.Error()
	}
	return fmt.Sprintf("%s %s %s failed", capitalized(op.gerund()), platform, object), err.Error()
}

// rejected is what a platform rejected: "conference room" for a create, as
// the object itself was refused; "conference room update"; "reading
// conference room", "deleting conference room".
func rejected(op Operation, object string) string {
	switch op {
	case Create:
		return object
	case Update:
		return object + " update"
	}
	return op.gerund() + " " + object
}

func capitalized(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
