package sqmeeting

import (
	"context"
	"encoding/json"
	"net/http"
)

// SearchUsers returns every user whose username or real name matches filter
// (all users when empty), across all pages: the public user search, to look
// up invitees by name.
func (c *Client) SearchUsers(ctx context.Context, filter string) ([]PublicUser, error) {
	var all []PublicUser
	err := c.eachPage(ctx, "/user/public/users", filter, func(raw []byte) (int, int, error) {
		var p struct {
			Users        []PublicUser `json:"users"`
			TotalPageNum int          `json:"total_page_num"`
		}
		if err := json.Unmarshal(raw, &p); err != nil {
			return 0, 0, err
		}
		all = append(all, p.Users...)
		return len(p.Users), p.TotalPageNum, nil
	})
	return all, err
}

// MeetingRooms lists the signed-in user's personal meeting rooms. The API
// has no call to create one.
func (c *Client) MeetingRooms(ctx context.Context) ([]MeetingRoom, error) {
	var out struct {
		MeetingRooms []MeetingRoom `json:"meeting_rooms"`
	}
	if err := c.call(ctx, http.MethodGet, "/meeting_room", nil, nil, &out, true); err != nil {
		return nil, err
	}
	return out.MeetingRooms, nil
}

// SystemCapacity reads the server's licensed and current calls and users
// (POST /api/v1/system/capacity: the document's method for a read).
func (c *Client) SystemCapacity(ctx context.Context) (*Capacity, error) {
	var out Capacity
	if err := c.call(ctx, http.MethodPost, "/system/capacity", nil, nil, &out, true); err != nil {
		return nil, err
	}
	return &out, nil
}

// SystemVersion reads the server's version, e.g. "3.4.0-16888".
func (c *Client) SystemVersion(ctx context.Context) (string, error) {
	var out struct {
		Version string `json:"version"`
	}
	if err := c.call(ctx, http.MethodPost, "/system/version", nil, nil, &out, true); err != nil {
		return "", err
	}
	return out.Version, nil
}
