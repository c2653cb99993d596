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

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Object is one object to import.
type Object = managed.Object

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
	for _, mp := range managed.Platforms {
		pl := mp.Platform
		var types []*managed.Type
		for _, t := range mp.Types {
			switch {
			case !wantType(t.Name):
			case !t.Listed():
				if len(opts.Types) > 0 {
					res.note("%s: not exported: %s", t.Name, t.Unlisted)
				}
			default:
				types = append(types, t)
			}
		}
		if !selected(pl) || len(types) == 0 {
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
		objs, err := list(ctx, mp, types, resolved, &opts, res)
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
	managed.NameObjects(res.Objects)
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

// list lists the objects of a platform's types, with one client.
func list(ctx context.Context, mp *managed.Platform, types []*managed.Type, r platforms.Resolution, opts *Options, res *Result) ([]*Object, error) {
	hc := opts.HTTP
	// conference-export lists each platform once per run.
	hc.Credentials = client.NewRegistry().For(r)
	c, err := mp.Connect(r.Values, hc)
	if err != nil {
		return nil, err
	}
	l := &managed.Listing{
		LineRooms: opts.LineRooms, SQMeetingTimezone: opts.SQMeetingTimezone,
		Note:    func(format string, args ...any) { res.note(mp.Name+": "+format, args...) },
		Reading: func(what string) { opts.Progress.Reading(mp.Name + " " + what) },
		Found:   opts.Progress.Found,
	}
	var out []*Object
	for _, t := range types {
		objs, err := t.ListAll(ctx, c, l)
		if err != nil {
			return nil, err
		}
		out = append(out, objs...)
	}
	return out, nil
}
