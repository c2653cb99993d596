package whereby_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	emu "github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

// The theme calls reach the emulated room, its name's "/" as %2F, the
// upload as multipart/form-data, and the resets leave the default theme.
func TestRoomTheme(t *testing.T) {
	clock := platform.NewClock()
	clock.Freeze(t0)
	api := emu.New(clock, emu.Options{})
	mux := http.NewServeMux()
	api.Register(mux)
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.EscapedPath())
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := whereby.New(whereby.Config{Endpoint: srv.URL, APIKey: emu.DefaultAPIKey, PointsPerMinute: -1,
		HTTP: client.Config{Now: clock.Now}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	m, err := c.CreateMeeting(ctx, whereby.CreateMeetingInput{EndDate: t0.Add(time.Hour), RoomNamePrefix: "brand-"})
	if err != nil {
		t.Fatal(err)
	}
	room := m.RoomName
	if err := c.SetRoomColors(ctx, room, whereby.ThemeColors{Primary: "#112233"}); err != nil {
		t.Fatal(err)
	}
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x90")
	if err := c.UploadThemeImage(ctx, room, whereby.ThemeRoomBackground, "bg.png", png); err != nil {
		t.Fatal(err)
	}
	got := api.Themes()[room]
	if got.Colors["primary"] != "#112233" || got.RoomBackground.Image == nil || got.RoomBackground.Image.Size != len(png) ||
		got.RoomBackground.Image.Filename != "bg.png" {
		t.Fatalf("theme: %+v", got)
	}
	if want := "/v1/rooms/%2F" + room[1:] + "/theme/tokens"; paths[len(paths)-2] != want {
		t.Errorf("path %s, want %s", paths[len(paths)-2], want)
	}
	if err := c.SetRoomColors(ctx, room, whereby.ThemeColors{}); err != nil {
		t.Fatal(err)
	}
	for _, img := range whereby.ThemeImages {
		if err := c.ResetThemeImage(ctx, room, img); err != nil {
			t.Fatal(err)
		}
	}
	if th, ok := api.Themes()[room]; ok {
		t.Errorf("after the resets: %+v", th)
	}
	if found, err := c.FindRoomMeeting(ctx, room); err != nil || found == nil || found.MeetingID != m.MeetingID {
		t.Errorf("FindRoomMeeting: %v, %v", found, err)
	}
	if err := c.SetRoomColors(ctx, "/gone", whereby.ThemeColors{}); !client.IsNotFound(err) {
		t.Errorf("a room that is not there: %v, want a 404", err)
	}
	if err := c.SetRoomColors(ctx, "no-slash", whereby.ThemeColors{}); err == nil {
		t.Error("a room name without its slash is sent")
	}
}
