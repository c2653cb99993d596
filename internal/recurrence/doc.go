// Package recurrence is the provider's reading of an SQMeeting recurrence
// rule, free of the Terraform framework: a series' rule in its own time zone
// (Rule), its occurrences (Expand), the constraints that span its arguments
// (Problems), the rule as the API takes and gives it (Input, RuleFromAPI),
// and which of the server's occurrences to move or cancel so that they are
// the rule's (Reconcile). internal/mapping/sqmeetingmap binds it to the
// recurring meeting's model, plan and state.
//
// The emulator's expansion (internal/emulator/sqmeeting) is the server's,
// in the server's zone, and is kept apart on purpose.
package recurrence
