package managed

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/resources"
)

var portsipPlatform = platform(&platforms.PortSIP, portsip.FromSettings, &PortSIPServer, &PortSIPRoom, &PortSIPMeeting)

// portsipExample is what a PortSIP ID looks like.
const portsipExample = "NzAwNTUxOTA5NzczMTQ4MTYw"

// PortSIPServer is conference_portsip_server.
var PortSIPServer = Type{
	Kind: resources.Kind{
		Name: Prefix + "portsip_server", Platform: &platforms.PortSIP, Noun: "conference server",
		ImportID: mapping.PlainID("the conference server's PortSIP ID", portsipExample, nil),
		Key:      "its `name`, `ipv4` and `ipv6` (PortSIP does not make names unique)",
	},
	Section:  Section{Title: "PortSIP conference servers"},
	New:      resources.NewPortSIPServer,
	ListArgs: portsipArgs("server", "enabled eq true and type eq 'EXTERNAL'", "east"),
	// The built-in server is the PBX's own: the API cannot create or
	// destroy it, and a resource for it would plan to.
	List: lister(func(ctx context.Context, c *portsip.Client, l *Listing) ([]*Object, error) {
		return each(ctx, l, "conference servers", PortSIPServers(c, l), func(s *portsip.Server) *Object {
			if s.Type == portsip.ServerTypeInternal {
				l.Note("left out the built-in %s conference server %q, which is the PBX's own and cannot be managed.", s.Type, s.Name)
				return nil
			}
			return &Object{ID: s.ID, Title: s.Name, NameFrom: []string{s.Name}, Kind: "server"}
		})
	}),
}

// PortSIPRoom is conference_portsip_room.
var PortSIPRoom = Type{
	Kind: resources.Kind{
		Name: Prefix + "portsip_room", Platform: &platforms.PortSIP, Noun: "conference room",
		ImportID: mapping.PlainID("the conference room's PortSIP ID", portsipExample, nil),
		Key:      "its `extension_number`, which is unique in the PBX (the room must have the configured `mode` and `subject` too, and have been made while the create ran)",
	},
	Section:  Section{Title: "PortSIP conference rooms"},
	New:      resources.NewPortSIPRoom,
	ListArgs: portsipArgs("room", "mode eq 'VIDEO' and capacity ge 50", "sales"),
	List: lister(func(ctx context.Context, c *portsip.Client, l *Listing) ([]*Object, error) {
		return each(ctx, l, "conference rooms", PortSIPRooms(c, l), func(r *portsip.Room) *Object {
			return conference("room", &r.Conference)
		})
	}),
}

// PortSIPMeeting is conference_portsip_meeting: the meetings of the user
// the client signs in as.
var PortSIPMeeting = Type{
	Kind: resources.Kind{
		Name: Prefix + "portsip_meeting", Platform: &platforms.PortSIP, Noun: "meeting",
		ImportID: mapping.PlainID("the meeting's PortSIP ID (imported signed in as its owner)", portsipExample, nil),
		Key: "its `subject`, `mode` and `scheduled_start_at` among the signed-in user's meetings made while the create ran " +
			"(the PBX assigns the extension number, so there is no better key)",
	},
	Section: Section{Title: "PortSIP meetings",
		Note: "A meeting belongs to its owner, and the PBX shows it to nobody else: these are the meetings of the user the exporter " +
			"signed in as, which the provider must sign in as too. Export another user's meetings by signing in as that user, " +
			"into a configuration with a provider alias for them."},
	New:      resources.NewPortSIPMeeting,
	ListArgs: portsipArgs("meeting", "mode eq 'VIDEO' and scheduled_start_at ge '2030-01-01T00:00:00Z'", "review"),
	List: lister(func(ctx context.Context, c *portsip.Client, l *Listing) ([]*Object, error) {
		if c.Username() != "" {
			l.Note("the meetings are those of %s (%s), the user the exporter signed in as.", c.Username(), platforms.PortSIP.Setting("username").Env)
		} else {
			l.Note("the meetings are those of the user whose token (%s) the exporter used.", platforms.PortSIP.Setting("token").Env)
		}
		return each(ctx, l, "meetings", PortSIPMeetings(c, l), func(m *portsip.Meeting) *Object {
			// A user reads only their own meetings (the emulator's are all
			// owned); one the PBX shows without ownership could not be
			// managed by this user.
			if !m.Ownership {
				l.Note("left out meeting %q, which the signed-in user does not own.", m.Subject)
				return nil
			}
			return conference("meeting", &m.Conference)
		})
	}),
}

// portsipArgs are the list resource's arguments for PortSIP objects called
// what: the plural data sources' filter and search.
func portsipArgs(what, filterExample, searchExample string) *ListArgs {
	return &ListArgs{
		Attributes: map[string]listschema.Attribute{
			"filter": listschema.StringAttribute{Optional: true, Description: portsipmap.FilterDoc(filterExample)},
			"search": listschema.StringAttribute{Optional: true, Description: portsipmap.SearchDoc(what, searchExample)},
		},
		Fill: func(ctx context.Context, config tfsdk.Config, l *Listing, diags *diag.Diagnostics) {
			var filter, search types.String
			diags.Append(config.GetAttribute(ctx, path.Root("filter"), &filter)...)
			diags.Append(config.GetAttribute(ctx, path.Root("search"), &search)...)
			l.PortSIP = portsip.ListOptions{Filter: filter.ValueString(), Search: search.ValueString()}
		},
	}
}

// conference is a room or a meeting: named by its subject, else its
// extension number. Its PINs, which the PBX returns, are sensitive, so
// generated configuration leaves them null.
func conference(kind string, c *portsip.Conference) *Object {
	o := &Object{ID: c.ID, Title: c.Subject,
		NameFrom: []string{c.Subject, c.ExtensionNumber}, Kind: kind,
	}
	if c.AdminPIN != "" {
		o.Fill = append(o.Fill, "admin_pin")
	}
	if c.RoomPIN != "" {
		o.Fill = append(o.Fill, "room_pin")
	}
	return o
}
