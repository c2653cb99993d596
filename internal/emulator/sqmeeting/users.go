package sqmeeting

import "time"

// PublicUser is an item of user/public/users.
type PublicUser struct {
	UserID   string `json:"user_id"`
	Username string `json:"username"`
	RealName string `json:"real_name"`
}

// PublicUsers is the answer of user/public/users.
type PublicUsers struct {
	Users        []PublicUser `json:"users"`
	TotalPageNum int          `json:"total_page_num"`
	TotalSize    int          `json:"total_size"`
}

// publicUsers is GET and POST /api/v1/user/public/users: every account, by
// username, filtered on username and real name.
func (a *API) publicUsers(req *request) reply {
	pq, rep, ok := parsePage(req.URL.Query())
	if !ok {
		return rep
	}
	var all []PublicUser
	for _, id := range a.userOrder {
		u := a.users[id]
		if pq.matches(u.Username, u.RealName) {
			all = append(all, PublicUser{UserID: u.ID, Username: u.Username, RealName: u.RealName})
		}
	}
	items, pages := page(all, pq)
	return ok200(PublicUsers{Users: items, TotalPageNum: pages, TotalSize: len(all)})
}

// MeetingRoomView is an item of meeting_room.
type MeetingRoomView struct {
	MeetingRoomID   string `json:"meeting_room_id"`
	MeetingNumber   string `json:"meeting_number"`
	MeetingRoomName string `json:"meetingroom_name"`
	MeetingPassword string `json:"meeting_password"`
	OwnerID         string `json:"owner_id"`
	OwnerName       string `json:"owner_name"`
	CreatorID       string `json:"creator_id"`
	CreatorName     string `json:"creator_name"`
	CreatedTime     int64  `json:"created_time"`
}

// MeetingRooms is the answer of meeting_room.
type MeetingRooms struct {
	MeetingRooms []MeetingRoomView `json:"meeting_rooms"`
}

// roomsCreated is the created_time of the seeded rooms: they exist before
// anything else, so a fixed instant (the document example's 1635425714772,
// 2021-10-28) keeps answers the same across restarts.
var roomsCreated = time.UnixMilli(1635425714772)

// meetingRooms is GET and POST /api/v1/meeting_room: the signed-in user's
// personal rooms (the vendor's clients show them as "my meeting rooms"). The
// document gives no pagination for it.
func (a *API) meetingRooms(req *request) reply {
	out := MeetingRooms{MeetingRooms: []MeetingRoomView{}}
	for _, id := range a.roomOrder {
		r := a.rooms[id]
		if r.OwnerID != req.Principal {
			continue
		}
		owner := a.users[r.OwnerID]
		out.MeetingRooms = append(out.MeetingRooms, MeetingRoomView{
			MeetingRoomID: r.ID, MeetingNumber: r.Number, MeetingRoomName: r.Name, MeetingPassword: r.Password,
			OwnerID: owner.ID, OwnerName: owner.RealName, CreatorID: owner.ID, CreatorName: owner.RealName,
			CreatedTime: roomsCreated.UnixMilli(),
		})
	}
	return ok200(out)
}

// Capacity is the answer of system/capacity.
type Capacity struct {
	Gateway struct {
		MaxCalls     int `json:"max_calls"`
		CurrentCalls int `json:"current_calls"`
	} `json:"gateway"`
	System struct {
		MaxCalls     int    `json:"max_calls"`
		MaxUsers     int    `json:"max_users"`
		CurrentCalls int    `json:"current_calls"`
		CurrentUsers int    `json:"current_users"`
		Status       string `json:"status"`
	} `json:"system"`
}

// capacity is POST /api/v1/system/capacity: the document's example limits;
// the emulator carries no calls, and its users are the accounts.
func (a *API) capacity(*request) reply {
	var c Capacity
	c.Gateway.MaxCalls = 20
	c.System.MaxCalls = 1000
	c.System.MaxUsers = max(50, len(a.users))
	c.System.CurrentUsers = len(a.users)
	c.System.Status = "authorized"
	return ok200(c)
}

// version is POST /api/v1/system/version.
func (a *API) version(*request) reply {
	return ok200(map[string]string{"version": a.opts.Version})
}
