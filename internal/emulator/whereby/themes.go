package whereby

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// Room themes (whereby-openapi.json, /rooms/{roomName}/theme/...): four PUTs
// that set a room's colors, logo, background and knock page background, and
// no call that reads a theme back. The emulator keeps each room's theme so
// that tests (and the state file) can see what the API was told. Its
// decisions where the document is silent:
//   - {roomName} is the room name as the API gives it ("/room-prefix-..."),
//     its "/" percent-encoded as a path parameter's must be ("%2Froom-..."); a
//     name without the leading "/" means the same room;
//   - the room must exist: a room that is not (or no longer) there answers
//     404 NotFoundError, which the document declares for its other
//     operations on a missing object; a room's theme goes with the room;
//   - a color's pattern "#[a-fA-F0-9]{6}" must match the whole value (it is
//     "The HEX color code");
//   - "tokensPreset" custom uses the colors given, and the organization's
//     default for each color left out; default (or none) uses the
//     organization's defaults for all, whatever colors are sent;
//   - an upload is multipart/form-data with one part, "image", holding an
//     image (its content sniffed as PNG, JPEG, GIF, WebP, BMP, ICO or SVG);
//     a background is at most 600 kB ("max 600 kb"), read as 600,000 bytes,
//     the stricter of the two readings; the document gives the logo no
//     limit, the emulator takes up to maxUpload;
//   - a JSON body of the logo resets it with {"theme":"default"}; one of a
//     background sets the fields it gives (palette, theme), and a theme
//     replaces an uploaded image with Whereby's;
//   - every PUT costs a write's 3 points of the budget.

// Limits of the uploads.
const (
	// MaxBackgroundBytes is a background's limit: "max 600 kb".
	MaxBackgroundBytes = 600_000
	// maxUpload bounds an upload's body (the image and the multipart
	// framing); the document gives a logo no limit.
	maxUpload = 10 << 20
)

// Enums of the theme bodies.
var (
	tokensPresets      = []string{"custom", "default"}
	logoThemes         = []string{"default"}
	backgroundPalettes = []string{"default", "grey", "purple", "burgund"}
	backgroundThemes   = []string{"default", "mountains", "characters", "rocks"}
	colorNames         = []string{"primary", "secondary", "focus"}
)

// colorRE is the document's pattern for a color, matching the whole value.
var colorRE = regexp.MustCompile(`^#[a-fA-F0-9]{6}$`)

// Theme is a room's theme as the emulator keeps it (and the state file
// holds it). The zero value (bar its room) is Whereby's default theme.
type Theme struct {
	RoomName string `json:"roomName"`
	// Colors are the custom colors by name (primary, secondary, focus);
	// none when the room uses the organization's.
	Colors map[string]string `json:"colors,omitempty"`
	// Logo is the uploaded logo; nil is the default.
	Logo *Image `json:"logo,omitempty"`
	// RoomBackground and KnockPageBackground are the two backgrounds.
	RoomBackground      Background `json:"roomBackground"`
	KnockPageBackground Background `json:"knockPageBackground"`
}

// Background is a background: an uploaded image, or Whereby's palette and
// theme ("" meaning "default").
type Background struct {
	Image   *Image `json:"image,omitempty"`
	Palette string `json:"palette,omitempty"`
	Theme   string `json:"theme,omitempty"`
}

// Image is an uploaded image: what identifies its content, not the bytes.
type Image struct {
	SHA256      string `json:"sha256"`
	Size        int    `json:"size"`
	ContentType string `json:"contentType"`
	Filename    string `json:"filename,omitempty"`
}

func (b Background) isDefault() bool {
	return b.Image == nil && (b.Palette == "" || b.Palette == "default") && (b.Theme == "" || b.Theme == "default")
}

// IsDefault reports whether t is Whereby's default theme.
func (t *Theme) IsDefault() bool {
	return len(t.Colors) == 0 && t.Logo == nil && t.RoomBackground.isDefault() && t.KnockPageBackground.isDefault()
}

// themeRoom finds the live room the request names: its name, or a 404.
func (a *API) themeRoom(req *request) (string, reply, bool) {
	name := req.PathValue("roomName")
	if !strings.HasPrefix(name, "/") {
		name = "/" + name
	}
	if !a.roomExists(name) {
		return "", notFound("room %q", name), false
	}
	return name, reply{}, true
}

// roomExists reports whether a live room has the name.
func (a *API) roomExists(name string) bool {
	now := a.now()
	for _, m := range a.meetings {
		if m.RoomName == name && m.alive(now) {
			return true
		}
	}
	return false
}

// theme is the room's theme, made (default) when it has none yet.
func (a *API) theme(room string) *Theme {
	t := a.themes[room]
	if t == nil {
		t = &Theme{RoomName: room}
		a.themes[room] = t
	}
	return t
}

// keep drops the room's theme once it is the default again: the state
// holds only the rooms whose theme differs.
func (a *API) keep(room string) {
	if t := a.themes[room]; t != nil && t.IsDefault() {
		delete(a.themes, room)
	}
}

// setTokens is PUT /rooms/{roomName}/theme/tokens: 204.
func (a *API) setTokens(req *request) reply {
	if ct := req.Header.Get("Content-Type"); !isJSON(ct) {
		return badRequest("Content-Type must be application/json")
	}
	room, rep, ok := a.themeRoom(req)
	if !ok {
		return rep
	}
	var p problems
	b := decodeObject(req.Body, "", &p)
	if b == nil {
		return p.reply()
	}
	b.allow("tokens", "tokensPreset")
	preset := "default"
	if v, ok := b.enum("tokensPreset", tokensPresets...); ok {
		preset = v
	}
	colors := map[string]string{}
	if tokens := b.object("tokens"); tokens != nil {
		tokens.allow("colors")
		if c := tokens.object("colors"); c != nil {
			c.allow(colorNames...)
			for _, name := range colorNames {
				if v, ok := c.str(name); ok {
					if !colorRE.MatchString(v) {
						p.add("%s must be a HEX color code matching #[a-fA-F0-9]{6}, such as #1a2b3c", c.name(name))
						continue
					}
					colors[name] = strings.ToLower(v)
				}
			}
		}
	}
	if len(p) > 0 {
		return p.reply()
	}
	t := a.theme(room)
	if preset == "custom" {
		t.Colors = colors
	} else {
		t.Colors = nil
	}
	a.keep(room)
	return platform204()
}

// setLogo is PUT /rooms/{roomName}/theme/logo: an upload, or a reset with
// {"theme":"default"}; 204.
func (a *API) setLogo(req *request) reply {
	return a.setImage(req, 0, func(t *Theme, img *Image) { t.Logo = img }, func(b *object, t *Theme) {
		b.allow("theme")
		if _, ok := b.enum("theme", logoThemes...); ok {
			t.Logo = nil
		}
	})
}

// setBackground is PUT /rooms/{roomName}/theme/room-background or
// .../room-knock-page-background (which of t's backgrounds bg picks): an
// upload, or Whereby's palette and theme; 204.
func (a *API) setBackground(bg func(*Theme) *Background) handlerFunc {
	return func(req *request) reply {
		return a.setImage(req, MaxBackgroundBytes, func(t *Theme, img *Image) { bg(t).Image = img }, func(b *object, t *Theme) {
			b.allow("palette", "theme")
			palette, okPalette := b.enum("palette", backgroundPalettes...)
			theme, okTheme := b.enum("theme", backgroundThemes...)
			if len(*b.p) > 0 {
				return
			}
			if okPalette {
				bg(t).Palette = palette
			}
			if okTheme {
				bg(t).Theme, bg(t).Image = theme, nil
			}
		})
	}
}

// setImage serves an image PUT: multipart/form-data uploads (upload), JSON
// sets Whereby's own (preset, which reports problems in the object's
// problems and changes t only when there are none); anything else is the
// document's InvalidContentTypeError. limit is the image's size limit, 0 for
// none.
func (a *API) setImage(req *request, limit int, upload func(*Theme, *Image), preset func(*object, *Theme)) reply {
	mt, params, err := mime.ParseMediaType(req.Header.Get("Content-Type"))
	if err != nil || (mt != "multipart/form-data" && mt != "application/json") {
		return badRequest("Content-Type must be multipart/form-data or application/json")
	}
	room, rep, ok := a.themeRoom(req)
	if !ok {
		return rep
	}
	if mt == "application/json" {
		var p problems
		b := decodeObject(req.Body, "", &p)
		if b == nil {
			return p.reply()
		}
		// A scratch copy takes the changes until the body proves valid.
		t := *a.theme(room)
		preset(b, &t)
		if len(p) > 0 {
			a.keep(room)
			return p.reply()
		}
		*a.themes[room] = t
		a.keep(room)
		return platform204()
	}
	img, msg := readImage(req.Body, params["boundary"], limit)
	if msg != "" {
		a.keep(room)
		return badRequest("%s", msg)
	}
	upload(a.theme(room), img)
	return platform204()
}

// readImage reads the one part "image" of a multipart/form-data body, or
// says what is wrong with it.
func readImage(body []byte, boundary string, limit int) (*Image, string) {
	if boundary == "" {
		return nil, "the multipart/form-data Content-Type has no boundary"
	}
	r := multipart.NewReader(bytes.NewReader(body), boundary)
	var img *Image
	for {
		part, err := r.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, "the multipart/form-data body could not be read: " + err.Error()
		}
		name := part.FormName()
		if name != "image" {
			return nil, `"` + name + `" is not allowed: the only part is "image"`
		}
		if img != nil {
			return nil, `"image" is given more than once`
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return nil, "the multipart/form-data body could not be read: " + err.Error()
		}
		if len(data) == 0 {
			return nil, `"image" is empty`
		}
		if limit > 0 && len(data) > limit {
			return nil, `"image" must be at most 600 kb (` + strconv.Itoa(limit) + ` bytes); it has ` + strconv.Itoa(len(data))
		}
		ct := SniffImage(data)
		if ct == "" {
			return nil, `"image" must be an image (PNG, JPEG, GIF, WebP, BMP, ICO or SVG)`
		}
		sum := sha256.Sum256(data)
		img = &Image{SHA256: hex.EncodeToString(sum[:]), Size: len(data), ContentType: ct, Filename: part.FileName()}
	}
	if img == nil {
		return nil, `"image" is required`
	}
	return img, ""
}

// SniffImage is the image type of data by its content ("" when it is no
// image): net/http's sniffing, and an SVG document, which it calls text.
func SniffImage(data []byte) string {
	if ct := http.DetectContentType(data); strings.HasPrefix(ct, "image/") {
		return ct
	}
	head := bytes.ToLower(data[:min(len(data), 512)])
	if bytes.Contains(head, []byte("<svg")) {
		return "image/svg+xml"
	}
	return ""
}

// dropTheme forgets the theme of a room that is gone.
func (a *API) dropTheme(room string) { delete(a.themes, room) }

// Themes returns a copy of every room's theme that is not the default, by
// room name: for tests, which cannot read one through the API.
func (a *API) Themes() map[string]Theme {
	a.mu.RLock()
	defer a.mu.RUnlock()
	out := make(map[string]Theme, len(a.themes))
	for room, t := range a.themes {
		out[room] = *t
	}
	return out
}

// sortedThemes are the themes in room name order, for the state file.
func (a *API) sortedThemes() []*Theme {
	out := make([]*Theme, 0, len(a.themes))
	for _, t := range a.themes {
		out = append(out, t)
	}
	slices.SortFunc(out, func(x, y *Theme) int { return strings.Compare(x.RoomName, y.RoomName) })
	return out
}

func platform204() reply { return platform.Empty(http.StatusNoContent) }
