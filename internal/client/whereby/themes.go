package whereby

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/client"
)

// A room's theme (whereby-openapi.json, /rooms/{roomName}/theme/...): four
// PUTs, each answering 204, and no call that reads a theme back. A PUT sets
// the whole of its part, so sending it again is harmless: the core retries
// them as it retries any PUT, and a create of a theme needs no adoption.

// ThemeColors are a room's colors: "#" and six hex digits each; "" leaves
// a color to the organization's default.
type ThemeColors struct {
	Primary   string `json:"primary,omitempty"`
	Secondary string `json:"secondary,omitempty"`
	Focus     string `json:"focus,omitempty"`
}

// tokensBody is PUT .../theme/tokens' body: "Use the given primary or
// secondary colors when custom. Use organization defaults when default".
type tokensBody struct {
	Tokens *struct {
		Colors ThemeColors `json:"colors"`
	} `json:"tokens,omitempty"`
	TokensPreset string `json:"tokensPreset"`
}

// ThemeImage is one of a theme's images, by its path.
type ThemeImage string

// The theme's images.
const (
	ThemeLogo                ThemeImage = "logo"
	ThemeRoomBackground      ThemeImage = "room-background"
	ThemeKnockPageBackground ThemeImage = "room-knock-page-background"
)

// ThemeImages are the theme's images, in the order they are set.
var ThemeImages = []ThemeImage{ThemeLogo, ThemeRoomBackground, ThemeKnockPageBackground}

// SetRoomColors sets the room's colors: PUT .../theme/tokens with
// tokensPreset custom and the colors given, or default (the organization's
// colors) when none is.
func (c *Client) SetRoomColors(ctx context.Context, roomName string, colors ThemeColors) error {
	p, err := themePath(roomName, "tokens")
	if err != nil {
		return err
	}
	body := tokensBody{TokensPreset: "default"}
	if colors != (ThemeColors{}) {
		body.TokensPreset = "custom"
		body.Tokens = &struct {
			Colors ThemeColors `json:"colors"`
		}{colors}
	}
	return c.do(ctx, client.Request{Method: http.MethodPut, Path: p, PathEscaped: true, Body: body}, nil)
}

// UploadThemeImage sets one of the room's images to content: PUT with a
// multipart/form-data body whose one part, "image", is the file.
func (c *Client) UploadThemeImage(ctx context.Context, roomName string, image ThemeImage, filename string, content []byte) error {
	p, err := themePath(roomName, string(image))
	if err != nil {
		return err
	}
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="image"; filename=%q`, filename))
	h.Set("Content-Type", http.DetectContentType(content))
	part, err := w.CreatePart(h)
	if err == nil {
		_, err = part.Write(content)
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		return fmt.Errorf("building the Whereby %s upload: %w", image, err)
	}
	return c.do(ctx, client.Request{
		Method: http.MethodPut, Path: p, PathEscaped: true, RawBody: body.Bytes(), ContentType: w.FormDataContentType(),
	}, nil)
}

// ResetThemeImage sets one of the room's images back to Whereby's default:
// the logo with {"theme":"default"}, a background with its default palette
// and image.
func (c *Client) ResetThemeImage(ctx context.Context, roomName string, image ThemeImage) error {
	p, err := themePath(roomName, string(image))
	if err != nil {
		return err
	}
	body := map[string]string{"theme": "default"}
	if image != ThemeLogo {
		body["palette"] = "default"
	}
	return c.do(ctx, client.Request{Method: http.MethodPut, Path: p, PathEscaped: true, Body: body}, nil)
}

// FindRoomMeeting is the live meeting whose room is roomName, from the list
// of meetings; nil when there is none: the room was deleted, or is not one
// the API made (a room made in Whereby's dashboard, which the API does not
// list).
func (c *Client) FindRoomMeeting(ctx context.Context, roomName string) (*Meeting, error) {
	var found *Meeting
	err := c.ListMeetingPages(ctx, func(page []Meeting) bool {
		for i := range page {
			if page[i].RoomName == roomName {
				found = &page[i]
				return false
			}
		}
		return true
	})
	return found, err
}

// themePath is /rooms/{roomName}/theme/{part}, escaped: the room name's "/"
// travels as %2F, as a path parameter's value must.
func themePath(roomName, part string) (string, error) {
	if !strings.HasPrefix(roomName, "/") || len(roomName) < 2 {
		return "", errors.New(`the Whereby room name must start with "/", such as "/room-prefix-793e9ec1"`)
	}
	return "/rooms/" + url.PathEscape(roomName) + "/theme/" + part, nil
}
