package portsip_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	emu "github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

// A create of a server whose answer is lost finds the server it made even
// when the PBX lists its address in another spelling (2001:db8::1 for the
// 2001:db8:0::1 sent), as the server's Read keeps it (portsip.SameAddress);
// it does not make a second server.
func TestCreateServerAdoptsTheLostServerWhateverTheAddressSpelling(t *testing.T) {
	clock := platform.NewClock()
	clock.Freeze(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	api := emu.New(clock, emu.Options{})
	mux := http.NewServeMux()
	api.Register(mux)
	creates := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/api/conference_servers":
			creates++
			if creates == 1 {
				// The PBX makes the server, and its answer is lost.
				mux.ServeHTTP(httptest.NewRecorder(), r)
				w.WriteHeader(http.StatusBadGateway)
				return
			}
		case r.Method == http.MethodGet && r.URL.Path == "/api/conference_servers":
			// The PBX lists the address in its canonical spelling.
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, r)
			w.Header().Set("Content-Type", rec.Header().Get("Content-Type"))
			w.WriteHeader(rec.Code)
			_, _ = io.WriteString(w, strings.ReplaceAll(rec.Body.String(), `"2001:db8:0::1"`, `"2001:db8::1"`))
			return
		}
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := portsip.New(portsip.Config{
		Endpoint: srv.URL, Username: emu.DefaultUsername, Password: emu.DefaultPassword, Now: clock.Now,
		HTTP: client.Config{MaxRetries: 2, Sleep: func(context.Context, time.Duration) error { return nil }},
	})
	if err != nil {
		t.Fatal(err)
	}
	id, err := c.CreateServer(context.Background(), portsip.ServerCreate{Name: "edge", IPv6: "2001:db8:0::1", MaxRooms: 1, MaxParticipants: 1})
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	servers, err := c.ListServers(context.Background(), portsip.ListOptions{Filter: "name eq 'edge'"})
	if err != nil {
		t.Fatal(err)
	}
	if creates != 1 || len(servers) != 1 || servers[0].ID != id {
		t.Fatalf("%d creates sent, servers named edge %+v, adopted %q: want the lost create's server adopted, no second create", creates, servers, id)
	}
}
