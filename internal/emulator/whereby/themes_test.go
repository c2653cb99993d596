package whereby_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/openapitest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

// pngHeader starts every PNG file: enough for the content to sniff as one.
var pngHeader = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x90\x00\x00\x00\x10\x08\x06\x00\x00\x00")

// themePath is the theme path of room, its "/" percent-encoded.
func themePath(room, part string) string {
	return "/v1/rooms/" + url.PathEscape(room) + "/theme/" + part
}

// upload sends image as the multipart part name ("image") to path.
func (h *harness) upload(path, name string, image []byte) openapitest.Answer {
	h.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	part, err := w.CreateFormFile(name, "logo.png")
	if err != nil {
		h.t.Fatal(err)
	}
	_, _ = part.Write(image)
	_ = w.Close()
	req, err := http.NewRequest(http.MethodPut, h.srv.URL+path, &body)
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+h.key)
	return h.send(req)
}

func TestThemes(t *testing.T) {
	h := newHarness(t)
	room := h.create(meetingEnding(t0.Add(time.Hour))).RoomName
	themes := func() whereby.Theme { return h.api.Themes()[room] }

	h.ok(204, "PUT", themePath(room, "tokens"), map[string]any{
		"tokensPreset": "custom", "tokens": map[string]any{"colors": map[string]any{"primary": "#A1B2C3", "focus": "#000000"}},
	}, nil)
	if got := themes().Colors; got["primary"] != "#a1b2c3" || got["focus"] != "#000000" || len(got) != 2 {
		t.Errorf("colors after the PUT: %v", got)
	}
	// The room name without its "/" names the same room.
	h.ok(204, "PUT", "/v1/rooms/"+strings.TrimPrefix(room, "/")+"/theme/tokens", map[string]any{
		"tokensPreset": "custom", "tokens": map[string]any{"colors": map[string]any{"secondary": "#111111"}},
	}, nil)
	if got := themes().Colors; got["secondary"] != "#111111" || len(got) != 1 {
		t.Errorf("colors after the second PUT: %v", got)
	}

	img := append(append([]byte{}, pngHeader...), make([]byte, 100)...)
	if r := h.upload(themePath(room, "logo"), "image", img); r.Status != 204 {
		t.Fatalf("logo upload: %d %s", r.Status, r.Body)
	}
	if l := themes().Logo; l == nil || l.Size != len(img) || l.ContentType != "image/png" {
		t.Errorf("logo: %+v", l)
	}
	if r := h.upload(themePath(room, "room-background"), "image", img); r.Status != 204 {
		t.Fatalf("background upload: %d %s", r.Status, r.Body)
	}
	h.ok(204, "PUT", themePath(room, "room-knock-page-background"), map[string]any{"palette": "grey", "theme": "rocks"}, nil)
	if k := themes().KnockPageBackground; k.Palette != "grey" || k.Theme != "rocks" || k.Image != nil {
		t.Errorf("knock page background: %+v", k)
	}

	// The state file keeps the themes.
	snap, err := h.api.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	again := whereby.New(nil, whereby.Options{})
	if err := again.Restore(snap); err != nil {
		t.Fatal(err)
	}
	if got := again.Themes()[room]; got.Logo == nil || got.Logo.SHA256 != themes().Logo.SHA256 {
		t.Errorf("restored theme: %+v", got)
	}

	// Each reset, and the theme is the default one: no longer kept.
	h.ok(204, "PUT", themePath(room, "tokens"), map[string]any{"tokensPreset": "default"}, nil)
	h.ok(204, "PUT", themePath(room, "logo"), map[string]any{"theme": "default"}, nil)
	h.ok(204, "PUT", themePath(room, "room-background"), map[string]any{"palette": "default", "theme": "default"}, nil)
	h.ok(204, "PUT", themePath(room, "room-knock-page-background"), map[string]any{"palette": "default", "theme": "default"}, nil)
	if got, ok := h.api.Themes()[room]; ok {
		t.Errorf("after the resets the room still has %+v", got)
	}

	// A room's theme goes with the room.
	h.ok(204, "PUT", themePath(room, "tokens"), map[string]any{"tokensPreset": "custom", "tokens": map[string]any{"colors": map[string]any{"primary": "#123456"}}}, nil)
	h.clock.Advance(2 * time.Hour)
	h.fails(404, "PUT", themePath(room, "tokens"), map[string]any{"tokensPreset": "default"})
	h.create(meetingEnding(t0.Add(3 * time.Hour))) // a write purges the expired room
	if _, ok := h.api.Themes()[room]; ok {
		t.Error("the theme of a room gone is kept")
	}
}

func TestThemeErrors(t *testing.T) {
	h := newHarness(t)
	room := h.create(meetingEnding(t0.Add(time.Hour))).RoomName
	big := append(append([]byte{}, pngHeader...), make([]byte, whereby.MaxBackgroundBytes)...)
	for name, c := range map[string]struct {
		run  func() openapitest.Answer
		want string
	}{
		"unknown room": {func() openapitest.Answer {
			return h.do("PUT", themePath("/nope", "tokens"), map[string]any{"tokensPreset": "default"})
		}, `room "/nope"`},
		"color pattern": {func() openapitest.Answer {
			return h.do("PUT", themePath(room, "tokens"), map[string]any{"tokensPreset": "custom", "tokens": map[string]any{"colors": map[string]any{"primary": "#12345", "focus": "red"}}})
		}, `"tokens.colors.primary" must be a HEX color code matching #[a-fA-F0-9]{6}`},
		"color partly matching": {func() openapitest.Answer {
			return h.do("PUT", themePath(room, "tokens"), map[string]any{"tokensPreset": "custom", "tokens": map[string]any{"colors": map[string]any{"focus": "x#1234567"}}})
		}, `"tokens.colors.focus" must be a HEX color code`},
		"preset": {func() openapitest.Answer {
			return h.do("PUT", themePath(room, "tokens"), map[string]any{"tokensPreset": "mine"})
		}, `"tokensPreset" must be one of [custom, default]`},
		"unknown color": {func() openapitest.Answer {
			return h.do("PUT", themePath(room, "tokens"), map[string]any{"tokens": map[string]any{"colors": map[string]any{"tertiary": "#000000"}}})
		}, `"tokens.colors.tertiary" is not allowed`},
		"logo theme": {func() openapitest.Answer {
			return h.do("PUT", themePath(room, "logo"), map[string]any{"theme": "mountains"})
		}, `"theme" must be one of [default]`},
		"palette": {func() openapitest.Answer {
			return h.do("PUT", themePath(room, "room-background"), map[string]any{"palette": "pink"})
		}, `"palette" must be one of [default, grey, purple, burgund]`},
		"content type": {func() openapitest.Answer {
			req, _ := http.NewRequest(http.MethodPut, h.srv.URL+themePath(room, "logo"), strings.NewReader("x"))
			req.Header.Set("Content-Type", "image/png")
			req.Header.Set("Authorization", "Bearer "+h.key)
			return h.send(req)
		}, "Content-Type must be multipart/form-data or application/json"},
		"no image part": {func() openapitest.Answer {
			return h.upload(themePath(room, "logo"), "file", pngHeader)
		}, `"file" is not allowed`},
		"not an image": {func() openapitest.Answer {
			return h.upload(themePath(room, "logo"), "image", []byte("hello, world"))
		}, `"image" must be an image`},
		"background too large": {func() openapitest.Answer {
			return h.upload(themePath(room, "room-knock-page-background"), "image", big)
		}, `"image" must be at most 600 kb (600000 bytes)`},
	} {
		t.Run(name, func(t *testing.T) {
			r := c.run()
			status := 400
			if name == "unknown room" {
				status = 404
			}
			if msg := expectError(t, r, status); !strings.Contains(msg, c.want) {
				t.Errorf("message %q, want it to contain %q", msg, c.want)
			}
		})
	}
	if got, ok := h.api.Themes()[room]; ok {
		t.Errorf("refused requests changed the theme: %+v", got)
	}
	// A logo has no documented limit: one as large as the refused
	// background is taken.
	if r := h.upload(themePath(room, "logo"), "image", big); r.Status != 204 {
		t.Errorf("a large logo: %d %s", r.Status, r.Body)
	}
	var env whereby.Error
	_ = json.Unmarshal(h.do("GET", themePath(room, "logo"), nil).Body, &env)
	if !strings.Contains(env.Error, "GET is not supported") {
		t.Errorf("GET of a theme: %q, want 405's message", env.Error)
	}
}

// TestThemeResponsesMatchOpenAPISpec answers every declared response of the
// four theme operations and checks each against the document.
func TestThemeResponsesMatchOpenAPISpec(t *testing.T) {
	spec := openapitest.Require(t, specFile, "/v1", "every answer of the room theme operations against its schema")
	h := newHarness(t, func(o *whereby.Options) { o.PointsPerMinute = 27 })
	room := h.create(meetingEnding(t0.Add(time.Hour))).RoomName // 3 points
	parts := []string{"tokens", "logo", "room-background", "room-knock-page-background"}
	for _, part := range parts { // 4 x (3 + 3) = 24 points (a 401 costs none)
		body := map[string]any{"theme": "default"}
		if part == "tokens" {
			body = map[string]any{"tokensPreset": "default"}
		}
		h.ok(204, "PUT", themePath(room, part), body, nil)
		h.fails(400, "PUT", themePath(room, part), "not json")
		expectError(t, h.doWith("PUT", themePath(room, part), "Bearer nope", body), 401)
	}
	for _, part := range parts { // over the budget
		expectError(t, h.do("PUT", themePath(room, part), map[string]any{}), 429)
	}
	var missing []string
	for _, route := range spec.Routes() {
		if !strings.HasPrefix(route.Template, "/rooms/") {
			continue
		}
		for method, op := range route.Operations {
			responses, _ := op["responses"].(map[string]any)
			for status := range responses {
				key := strings.ToUpper(method) + " " + route.Template + " " + status
				if !h.spec.Covered(key) {
					missing = append(missing, key)
				}
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("declared responses never answered:\n  %s", strings.Join(missing, "\n  "))
	}
}
