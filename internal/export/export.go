// Package export is conference-export: it reads the platforms' settings from
// the environment, as the provider does without a block, lists every object a
// resource of the provider can manage, and writes an `import` block for each,
// so that `terraform plan -generate-config-out=generated.tf` writes their
// configuration and `apply` brings them under management.
//
// Objects no resource manages (recordings, participants, personal meeting
// rooms, an occurrence of a series) are left out, and so is the PortSIP PBX's
// built-in INTERNAL conference server, which cannot be created: managing it
// would let a plan destroy the PBX's own server.
package export

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Object is one object to import.
type Object struct {
	// Platform is where the object lives.
	Platform *platforms.Platform
	// Type is the resource type that manages it: conference_portsip_room.
	Type string
	// ID is the import ID, in the format the resource's ImportState reads.
	ID string
	// Title is how people know the object (a subject, a room's name); ""
	// when it has none.
	Title string
	// NameFrom are what the resource name is made of, best first (a
	// subject, then an extension number): the first that gives one.
	NameFrom []string
	// Kind is a short noun ("room") that prefixes a name starting with a
	// digit, and names an object whose labels give none.
	Kind string
	// Fill lists the arguments the object has set that generated
	// configuration leaves null (sensitive values Terraform does not write):
	// the user fills them in, or the first apply would clear them.
	Fill []string
	// Notes are what the user must know about this object, above its block.
	Notes []string
	// Name is the resource name, unique within Type (set by Names).
	Name string
}

// Address is the resource address the object is imported to.
func (o *Object) Address() string { return o.Type + "." + o.Name }

// Label is how the object is known: its title, or its ID.
func (o *Object) Label() string {
	if strings.TrimSpace(o.Title) != "" {
		return o.Title
	}
	return o.ID
}

// Options select what is exported and carry what the APIs cannot tell.
type Options struct {
	// Platforms are platform keys or block names; empty means every
	// platform whose environment variables are set.
	Platforms []string
	// Types are resource types; empty means every type.
	Types []string
	// Name, when set, keeps the objects whose resource name or label it
	// matches.
	Name *regexp.Regexp
	// LineRooms are the LINE Planet rooms to export, as
	// room_service_id/room_id: the API has no call that lists rooms.
	LineRooms []string
	// SQMeetingTimezone is the IANA zone recurring series are imported
	// with: SQMeeting does not store it.
	SQMeetingTimezone string
	// HTTP is the settings of every client (user agent, timeouts, retries).
	HTTP client.Config
	// Progress shows the objects found and the requests answered while
	// listing; nil shows nothing.
	Progress *Progress
}

// Result is what an export found.
type Result struct {
	// Objects are the objects to import, in the file's order.
	Objects []*Object
	// Notes tell the user what was skipped or assumed, one line each.
	Notes []string
}

// Run lists the objects of every selected platform and names them.
func Run(ctx context.Context, opts Options) (*Result, error) {
	selected, err := selectPlatforms(opts.Platforms)
	if err != nil {
		return nil, err
	}
	wantType, err := typeFilter(opts.Types)
	if err != nil {
		return nil, err
	}
	if opts.Progress != nil {
		opts.HTTP.Answered = opts.Progress.Answered
	}
	res := &Result{}
	var errs []error
	for _, src := range sources {
		pl := src.platform
		if !selected(pl) || !slices.ContainsFunc(src.types, wantType) {
			continue
		}
		resolved, ok := pl.FromEnvironment()
		if !ok {
			if len(opts.Platforms) > 0 {
				errs = append(errs, fmt.Errorf("%s was chosen with -platform, but none of its environment variables is set: set %s", pl.Name, pl.RequirementText()))
			} else {
				res.note("%s: skipped, none of its environment variables is set.", pl.Name)
			}
			continue
		}
		if probs := pl.Problems(resolved); len(probs) > 0 {
			errs = append(errs, fmt.Errorf("%s: %s: %s", pl.Name, probs[0].Summary, probs[0].Detail))
			continue
		}
		l := &lister{opts: &opts, want: wantType, res: res, platform: pl}
		objs, err := src.list(ctx, resolved, l)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", pl.Name, err))
			continue
		}
		res.Objects = append(res.Objects, objs...)
	}
	opts.Progress.Done()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	Names(res.Objects)
	if opts.Name != nil {
		res.Objects = slices.DeleteFunc(res.Objects, func(o *Object) bool {
			return !opts.Name.MatchString(o.Name) && !opts.Name.MatchString(o.Label())
		})
	}
	sortForFile(res.Objects)
	return res, nil
}

func (r *Result) note(format string, args ...any) {
	r.Notes = append(r.Notes, fmt.Sprintf(format, args...))
}

// lister is what a platform's listing gets: the options, the type filter,
// and where notes and progress go.
type lister struct {
	opts     *Options
	want     func(string) bool
	res      *Result
	platform *platforms.Platform
}

// note adds a note about the platform.
func (l *lister) note(format string, args ...any) {
	l.res.note(l.platform.Name+": "+format, args...)
}

// reading shows what the platform's listing reads now: "conference rooms".
func (l *lister) reading(what string) {
	l.opts.Progress.Reading(l.platform.Name + " " + what)
}

// found counts n more objects.
func (l *lister) found(n int) { l.opts.Progress.Found(n) }
