package sqmeeting

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

const usersPath = "/user/users"

// UserInput is the body of "Create User" and "Update User". Username is
// sent on create only: the update's body has none. Secret is the password,
// optional on update (omitted, the password stays).
type UserInput struct {
	Username   string  `json:"username,omitempty"`
	RealName   *string `json:"real_name,omitempty"`
	Email      *string `json:"email,omitempty"`
	Department *string `json:"department,omitempty"`
	Mobile     *string `json:"mobile,omitempty"`
	Role       string  `json:"role,omitempty"`
	Secret     string  `json:"secret,omitempty"` //nolint:gosec // the API's name for the password
}

// ErrUsernameTaken is a create refused because another account has the
// username ("*username is global unique").
var ErrUsernameTaken = errors.New("the username is taken")

// CreateUser creates a user (SystemAdmin only) and returns its ID. Usernames
// are unique, so a create whose answer is lost finds its user by username;
// a create refused because the username is taken, when no earlier try was
// lost, is ErrUsernameTaken with the user's ID, for the caller to explain.
func (c *Client) CreateUser(ctx context.Context, in UserInput) (string, error) {
	u, err := client.Adopt(ctx, c.http, client.Adoption[*PublicUser]{
		Object: "user", Key: fmt.Sprintf("username %q", in.Username),
		Create: func(ctx context.Context) (*PublicUser, error) {
			var out PublicUser
			if err := c.call(ctx, http.MethodPost, usersPath, nil, in, &out, false); err != nil {
				return nil, err
			}
			if out.UserID == "" {
				return nil, fmt.Errorf("SQMeeting answered POST %s without a user_id", usersPath)
			}
			out.Username = in.Username
			return &out, nil
		},
		Find: func(ctx context.Context, _ client.Window) ([]*PublicUser, error) {
			u, err := c.FindUser(ctx, in.Username)
			if err != nil || u == nil {
				return nil, err
			}
			return []*PublicUser{u}, nil
		},
		ID:     func(u *PublicUser) string { return u.UserID },
		Exists: isUsernameTaken,
	})
	if isUsernameTaken(err) {
		if other, ferr := c.FindUser(ctx, in.Username); ferr == nil && other != nil {
			return "", fmt.Errorf("%w: user ID %s (%w)", ErrUsernameTaken, other.UserID, err)
		}
		return "", fmt.Errorf("%w (%w)", ErrUsernameTaken, err)
	}
	if err != nil {
		return "", err
	}
	return u.UserID, nil
}

// isUsernameTaken reports the refusal of a create whose username another
// account has: a 409 (the emulator's 0x00003004; the document gives no code).
func isUsernameTaken(err error) bool { return client.StatusCode(err) == http.StatusConflict }

// UpdateUser changes a user (SystemAdmin only): the fields set in in; the
// password only when Secret is set. The update is a POST, and idempotent.
func (c *Client) UpdateUser(ctx context.Context, userID string, in UserInput) error {
	path, err := idPath(usersPath, userID)
	if err != nil {
		return err
	}
	in.Username = ""
	return c.call(ctx, http.MethodPost, path, nil, in, nil, true)
}

// FindUser is the user named username, or nil when there is none: the
// public search ("Find Users by Page") is the API's only read of users, and
// it gives the ID, the username and the real name.
func (c *Client) FindUser(ctx context.Context, username string) (*PublicUser, error) {
	return c.findUser(ctx, username, func(u *PublicUser) bool { return u.Username == username })
}

// GetUser reads the user userID. The search cannot filter on an ID: hint,
// the username when known, narrows it; otherwise every page is read. A user
// that is not there is a 404, as for the other objects.
func (c *Client) GetUser(ctx context.Context, userID, hint string) (*PublicUser, error) {
	u, err := c.findUser(ctx, hint, func(u *PublicUser) bool { return u.UserID == userID })
	if err == nil && u == nil {
		err = &client.APIError{Platform: platforms.SQMeeting.Name, StatusCode: http.StatusNotFound, Message: fmt.Sprintf("user %q does not exist", userID)}
	}
	return u, err
}

func (c *Client) findUser(ctx context.Context, filter string, match func(*PublicUser) bool) (*PublicUser, error) {
	all, err := c.SearchUsers(ctx, filter)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if match(&all[i]) {
			return &all[i], nil
		}
	}
	return nil, nil
}
