package portsip_test

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"sync"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// emulatorClient is a client of the emulated PBX with its default admin,
// as the provider makes one per command.
func emulatorClient(t *testing.T, e *acctest.Emulator) *portsip.Client {
	t.Helper()
	c, err := portsip.New(portsip.Config{
		Endpoint: e.URL,
		Username: emulator.DefaultCredential(&platforms.PortSIP, "username"),
		Password: emulator.DefaultCredential(&platforms.PortSIP, "password"),
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// createServers makes n servers named prefix-i with a client of its own
// and returns their IDs.
func createServers(t *testing.T, e *acctest.Emulator, prefix string, n int) []string {
	t.Helper()
	c := emulatorClient(t, e)
	ids := make([]string, n)
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for w := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += 10 {
				id, err := c.CreateServer(context.Background(), portsip.ServerCreate{
					Name: fmt.Sprintf("%s-%d", prefix, i), IPv4: fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255), MaxRooms: 10, MaxParticipants: 10,
				})
				if err != nil {
					errs <- err
					return
				}
				ids[i] = id
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	return ids
}

// refreshServers reads ids as a refresh does (-parallelism=10) with a new
// client, a new provider process, and returns the requests the emulator
// served for it and what the reads answered.
func refreshServers(t *testing.T, e *acctest.Emulator, ids []string) (int, map[string]*portsip.Server, map[string]error) {
	t.Helper()
	e.Admin(t, http.MethodDelete, "journal", nil)
	c := emulatorClient(t, e)
	var mu sync.Mutex
	got, errs := map[string]*portsip.Server{}, map[string]error{}
	acctest.ReadAll(ids, 10, func(id string) {
		s, err := c.GetServer(context.Background(), id)
		mu.Lock()
		got[id], errs[id] = s, err
		mu.Unlock()
	})
	journal := e.Journal(t)
	for _, j := range journal {
		if j.Method != http.MethodGet && j.Path != "/api/auth/sign_in" {
			t.Errorf("a refresh wrote: %s %s", j.Method, j.Path)
		}
	}
	return len(journal), got, errs
}

func TestAccServerRefreshByThePage_largeEstate(t *testing.T) {
	e := acctest.NewEmulator(t)
	const n = 500
	ids := createServers(t, e, "managed", n)
	requests, got, errs := refreshServers(t, e, ids)
	for i, id := range ids {
		if errs[id] != nil {
			t.Fatalf("read %s: %v", id, errs[id])
		}
		if want := fmt.Sprintf("managed-%d", i); got[id].Name != want || got[id].ID != id {
			t.Fatalf("read %s answered %+v, want the server named %s", id, got[id], want)
		}
	}
	// The sign-in, ceil(N/100) pages, and at most one GET by the first read.
	if limit := int(math.Ceil(n/100.0)) + 2; requests > limit {
		t.Errorf("refreshing %d servers sent %d requests, want at most %d", n, requests, limit)
	}
	t.Logf("refreshing %d servers alone on the PBX: %d requests", n, requests)
}

func TestAccServerRefreshByThePage_smallEstateInALargePBX(t *testing.T) {
	if testing.Short() {
		t.Skip("creates 10,000 servers")
	}
	e := acctest.NewEmulator(t)
	createServers(t, e, "other", 10_000)
	ids := createServers(t, e, "managed", 5)
	requests, _, errs := refreshServers(t, e, ids)
	for _, id := range ids {
		if errs[id] != nil {
			t.Fatalf("read %s: %v", id, errs[id])
		}
	}
	// Today: the sign-in and one GET each.
	if today := 1 + len(ids); requests > 2*today {
		t.Errorf("refreshing 5 servers among 10,000 sent %d requests, want at most %d (twice a GET each and the sign-in)", requests, 2*today)
	}
	t.Logf("refreshing 5 servers among 10,005: %d requests", requests)
}

func TestAccServerRefreshByThePage_goneAndChangedObjects(t *testing.T) {
	e := acctest.NewEmulator(t)
	ids := createServers(t, e, "managed", 150)
	e.PortSIP(t, http.MethodPost, "/conference_servers/"+ids[7]+"/destroy", nil, http.StatusNoContent, http.StatusOK)
	_, _, errs := refreshServers(t, e, ids)
	if !client.IsNotFound(errs[ids[7]]) {
		t.Fatalf("read of a deleted server answered %v, want a 404", errs[ids[7]])
	}

	// A change made after a run's listing is seen by the next run.
	c := emulatorClient(t, e)
	for _, id := range ids[10:12] {
		if _, err := c.GetServer(context.Background(), id); err != nil {
			t.Fatal(err)
		}
	}
	e.PortSIP(t, http.MethodPost, "/conference_servers/"+ids[20], map[string]any{"max_rooms": 99}, http.StatusOK, http.StatusNoContent)
	_, got, _ := refreshServers(t, e, ids[20:21])
	if got[ids[20]].MaxRooms != 99 {
		t.Errorf("the next run read max_rooms %d, want the change behind its back, 99", got[ids[20]].MaxRooms)
	}
}

func TestAccServerRefreshByThePage_readBackAfterAWriteGETs(t *testing.T) {
	e := acctest.NewEmulator(t)
	ids := createServers(t, e, "managed", 120)
	c := emulatorClient(t, e)
	ctx := context.Background()
	for _, id := range ids[:3] {
		if _, err := c.GetServer(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.UpdateServer(ctx, ids[100], portsip.ServerUpdate{MaxRooms: new(int64(42))}); err != nil {
		t.Fatal(err)
	}
	e.Admin(t, http.MethodDelete, "journal", nil)
	s, err := c.GetServer(ctx, ids[100])
	if err != nil {
		t.Fatal(err)
	}
	if s.MaxRooms != 42 {
		t.Errorf("the read-back after an update read max_rooms %d, want 42", s.MaxRooms)
	}
	j := e.Journal(t)
	if len(j) != 1 || j[0].Path != "/api/conference_servers/"+ids[100] {
		t.Errorf("the read-back sent %+v, want one GET of the server", j)
	}
}
