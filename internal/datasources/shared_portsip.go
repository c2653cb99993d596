package datasources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/errdiag"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// portsipConference tells a conference room from a user meeting in the data
// sources that read something of one of either: rooms and meetings answer
// the same schemas for their status and participants, and are looked up the
// same way.
type portsipConference struct {
	// noun is the type names' word and the descriptions': "room", "meeting".
	noun string
	// typ is the managed type of the objects, whose noun is the
	// messages' word: "conference room", "meeting".
	typ *managed.Type
	// lead starts a description: "a PortSIP PBX conference room"; one
	// starts the single object's: "one PortSIP PBX conference room".
	lead, one    string
	status       func(*portsip.Client, context.Context, string) (*portsip.ConferenceStatus, error)
	participants func(*portsip.Client, context.Context, string) ([]portsip.Participant, error)
	// signedInUsers: the object is the signed-in user's, and the PBX answers
	// another user's as one that does not exist (/user/meetings).
	signedInUsers bool
}

var (
	portsipRoomKind = portsipConference{
		noun: "room", typ: &managed.PortSIPRoom, lead: "a PortSIP PBX conference room",
		one:    "one PortSIP PBX conference room",
		status: (*portsip.Client).GetRoomStatus, participants: (*portsip.Client).ListRoomParticipants,
	}
	portsipMeetingKind = portsipConference{
		noun: "meeting", typ: &managed.PortSIPMeeting, lead: "one of the signed-in PortSIP user's meetings",
		one:    "one of the signed-in PortSIP user's meetings",
		status: (*portsip.Client).GetMeetingStatus, participants: (*portsip.Client).ListMeetingParticipants,
		signedInUsers: true,
	}
)

// owned is what a description adds about whose objects a data source sees.
func (k portsipConference) owned() string {
	if !k.signedInUsers {
		return ""
	}
	return " The PBX shows a user's meetings to that user alone: read them with a provider configuration (such as a provider alias) that signs in as their owner."
}

// lookupDescription describes the data source that reads one room or
// meeting.
func (k portsipConference) lookupDescription() string {
	missing := " that does not exist"
	if k.signedInUsers {
		missing += ", or is another user's,"
	}
	return "Reads " + k.one + ", by its ID or by its extension number. A " + k.noun + missing + " is an error. " +
		"`admin_pin` and `room_pin` are sensitive." + k.owned()
}

// idArgument is the id argument of the data sources that read something of
// one room or meeting.
func (k portsipConference) idArgument() schema.StringAttribute {
	return requiredID("The ID of the " + k.typ.Noun + ".")
}

// readError reports a failed read of one room or meeting. A meeting that is
// not found may be another user's, which the user must hear about.
func (k portsipConference) readError(b *base[*portsip.Client], diags *diag.Diagnostics, err error, id string) {
	if k.signedInUsers && client.IsNotFound(err) {
		diags.AddAttributeError(path.Root("id"), "PortSIP meeting not found for the signed-in user",
			portsipmap.MeetingNotFound("ID", id, b.client.Username(), "read"))
		return
	}
	b.readFailed(diags, err, "id", "id", id, "")
}

// lookupArguments are the arguments of a single room or meeting's data
// source: its id or its extension_number, exactly one of them
// (newPortSIPLookup's validator).
func (k portsipConference) lookupArguments() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Optional:    true,
			Computed:    true,
			Description: "The ID of the " + k.noun + " to read. Exactly one of `id` and `extension_number` must be set.",
			Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"extension_number": schema.StringAttribute{
			Optional: true,
			Computed: true,
			Description: "The extension number of the " + k.noun + " to read, 3 to 64 digits. Exactly one of `id` and `extension_number` must be set; " +
				"when `id` is set, this is the " + k.noun + "'s extension.",
			Validators: []validator.String{portsipmap.ExtensionNumber()},
		},
	}
}

// portsipCalls are the client's calls that read rooms or meetings (T).
type portsipCalls[T any] struct {
	get func(*portsip.Client, context.Context, string) (*T, error)
	// pages is the type's list (managed's, shared with its list resource).
	pages func(*portsip.Client, *managed.Listing) managed.Pages[T]
	// conf is the fields rooms and meetings share.
	conf func(*T) *portsip.Conference
}

// list is every object of the type that matches opts.
func (calls portsipCalls[T]) list(ctx context.Context, c *portsip.Client, opts portsip.ListOptions) ([]T, error) {
	return managed.Every(ctx, calls.pages(c, &managed.Listing{PortSIP: opts}))
}

var (
	portsipRoomCalls = portsipCalls[portsip.Room]{
		get: (*portsip.Client).GetRoom, pages: managed.PortSIPRooms,
		conf: func(r *portsip.Room) *portsip.Conference { return &r.Conference },
	}
	portsipMeetingCalls = portsipCalls[portsip.Meeting]{
		get: (*portsip.Client).GetMeeting, pages: managed.PortSIPMeetings,
		conf: func(m *portsip.Meeting) *portsip.Conference { return &m.Conference },
	}
)

// portsipIDByExtension finds the ID of the one room or meeting (k) with
// extension ext. A list item is a summary, so the caller then reads the
// object itself.
func portsipIDByExtension[T any](ctx context.Context, b *base[*portsip.Client], k portsipConference, ext string, calls portsipCalls[T],
	diags *diag.Diagnostics,
) string {
	c := b.client
	items, err := calls.list(ctx, c, portsip.ListOptions{Filter: "extension_number eq " + portsip.ODataString(ext)})
	if err != nil {
		b.errs.AddAfter(diags, errdiag.Read, err, fmt.Sprintf("Looking up the %s with extension number %q: ", k.typ.Noun, ext))
		return ""
	}
	// Compare again here rather than trust the PBX's filter alone: a lax
	// filter must not hand back some other room or meeting.
	var ids []string
	for i := range items {
		if cf := calls.conf(&items[i]); cf.ExtensionNumber == ext {
			ids = append(ids, cf.ID)
		}
	}
	switch len(ids) {
	case 0:
		if k.signedInUsers {
			diags.AddAttributeError(path.Root("extension_number"), "PortSIP meeting not found",
				portsipmap.MeetingNotFound("extension number", ext, c.Username(), "read"))
			return ""
		}
		b.errs.NotFound(diags, "extension_number", "extension number", ext, ".")
		return ""
	case 1:
		return ids[0]
	default:
		diags.AddAttributeError(path.Root("extension_number"), "Ambiguous PortSIP extension number",
			fmt.Sprintf("%d PortSIP %ss have extension number %q (IDs %s); look the %s up by id instead.",
				len(ids), k.typ.Noun, ext, strings.Join(ids, ", "), k.noun))
		return ""
	}
}

// newPortSIPOfConference lists the items (d.items), each the mapper's
// model M (newPortSIPOfConference[M]), of the one room or meeting (k) that
// the id argument names, with the client's call list:
// conference_portsip_<noun>_<items>. A room or meeting that does not exist
// is worded as readError words it.
func newPortSIPOfConference[M any, P object[A, M], A any](k portsipConference, items string, d listingDecl,
	list func(c *portsip.Client, ctx context.Context, id string) ([]A, error),
) datasource.DataSource {
	d.items, d.arguments = items, map[string]schema.Attribute{"id": k.idArgument()}
	l := newListing[M, P](newBase[*portsip.Client]("portsip_"+k.noun+"_"+items, &platforms.PortSIP, k.typ.Noun), d,
		func(ctx context.Context, c *portsip.Client, q *idArgument, _ *diag.Diagnostics) ([]A, error) {
			return list(c, ctx, q.ID.ValueString())
		})
	l.failed = func(b *base[*portsip.Client], diags *diag.Diagnostics, err error, q *idArgument) {
		k.readError(b, diags, err, q.ID.ValueString())
	}
	return l
}
