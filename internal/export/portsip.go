package export

import (
	"context"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// listPortSIP lists the PBX's conference servers (but its built-in one),
// its conference rooms, and the meetings of the user it signs in as.
func listPortSIP(ctx context.Context, c *portsip.Client, l *lister) ([]*Object, error) {
	var out []*Object
	if l.want(typePortSIPServer) {
		l.reading("conference servers")
		servers, err := c.ListServers(ctx, portsip.ListOptions{})
		if err != nil {
			return nil, err
		}
		for _, s := range servers {
			// The built-in server is the PBX's own: the API cannot create or
			// destroy it, and a resource for it would plan to.
			if s.Type == portsip.ServerTypeInternal {
				l.note("left out the built-in %s conference server %q, which is the PBX's own and cannot be managed.", s.Type, s.Name)
				continue
			}
			out = append(out, &Object{Platform: &platforms.PortSIP, Type: typePortSIPServer, ID: s.ID, Title: s.Name, NameFrom: []string{s.Name}, Kind: "server"})
		}
		l.found(len(servers))
	}
	if l.want(typePortSIPRoom) {
		l.reading("conference rooms")
		rooms, err := c.ListRooms(ctx, portsip.ListOptions{})
		if err != nil {
			return nil, err
		}
		for _, r := range rooms {
			out = append(out, conference(typePortSIPRoom, "room", &r.Conference))
		}
		l.found(len(rooms))
	}
	if l.want(typePortSIPMeeting) {
		l.reading("meetings")
		meetings, err := c.ListMeetings(ctx, portsip.ListOptions{})
		if err != nil {
			return nil, err
		}
		user := platforms.PortSIP.Setting("username")
		if c.Username() != "" {
			l.note("the meetings are those of %s (%s), the user the exporter signed in as.", c.Username(), user.Env)
		} else {
			l.note("the meetings are those of the user whose token (%s) the exporter used.", platforms.PortSIP.Setting("token").Env)
		}
		for _, m := range meetings {
			// A user reads only their own meetings (the emulator's are all
			// owned); one the PBX shows without ownership could not be
			// managed by this user.
			if !m.Ownership {
				l.note("left out meeting %q, which the signed-in user does not own.", m.Subject)
				continue
			}
			out = append(out, conference(typePortSIPMeeting, "meeting", &m.Conference))
		}
		l.found(len(meetings))
	}
	return out, nil
}

// conference is a room or a meeting: named by its subject, else its
// extension number. Its PINs, which the PBX returns, are sensitive, so
// generated configuration leaves them null.
func conference(typ, kind string, c *portsip.Conference) *Object {
	o := &Object{Platform: &platforms.PortSIP, Type: typ, ID: c.ID, Title: c.Subject,
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
