package managed

import (
	"context"

	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
)

// Pages reads the API objects of a type with a listing's filters, handing
// them to page a page at a time until page returns false or the last page.
// They are the one way the list resources, conference-export and the plural
// data sources read a type's list.
type Pages[T any] func(ctx context.Context, page func([]T) bool) error

// Every is every object pages reads.
func Every[T any](ctx context.Context, pages Pages[T]) ([]T, error) {
	var all []T
	err := pages(ctx, func(items []T) bool {
		all = append(all, items...)
		return true
	})
	if err != nil {
		return nil, err
	}
	return all, nil
}

// PortSIPServers are the PBX's conference servers that match l.PortSIP.
func PortSIPServers(c *portsip.Client, l *Listing) Pages[portsip.Server] {
	return func(ctx context.Context, page func([]portsip.Server) bool) error {
		return c.ListServerPages(ctx, l.PortSIP, page)
	}
}

// PortSIPRooms are the PBX's conference rooms that match l.PortSIP.
func PortSIPRooms(c *portsip.Client, l *Listing) Pages[portsip.Room] {
	return func(ctx context.Context, page func([]portsip.Room) bool) error {
		return c.ListRoomPages(ctx, l.PortSIP, page)
	}
}

// PortSIPMeetings are the signed-in user's meetings that match l.PortSIP.
func PortSIPMeetings(c *portsip.Client, l *Listing) Pages[portsip.Meeting] {
	return func(ctx context.Context, page func([]portsip.Meeting) bool) error {
		return c.ListMeetingPages(ctx, l.PortSIP, page)
	}
}

// SQMeetingMeetings are the meetings the signed-in user owns or is invited
// to that match l.SQMeetingFilter.
func SQMeetingMeetings(c *sqmeeting.Client, l *Listing) Pages[sqmeeting.Meeting] {
	return func(ctx context.Context, page func([]sqmeeting.Meeting) bool) error {
		return c.ListMeetingPages(ctx, l.SQMeetingFilter, page)
	}
}

// WherebyMeetings are the live meetings, with the optional fields
// l.WherebyFields asks for.
func WherebyMeetings(c *whereby.Client, l *Listing) Pages[whereby.Meeting] {
	return func(ctx context.Context, page func([]whereby.Meeting) bool) error {
		return c.ListMeetingPages(ctx, page, l.WherebyFields...)
	}
}

// LineMeetings are the meeting IDs of the LINE Planet room svc/room, which
// the API answers in one page (it cannot list rooms: Listing.LineRooms).
func LineMeetings(c *lineplanet.Client, svc, room string) Pages[lineplanet.Meeting] {
	return func(ctx context.Context, page func([]lineplanet.Meeting) bool) error {
		mtgs, err := c.ListMeetings(ctx, svc, room)
		if err != nil {
			return err
		}
		page(mtgs)
		return nil
	}
}
