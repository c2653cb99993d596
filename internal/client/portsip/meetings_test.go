package portsip_test

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	emu "github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

func alice(t *testing.T, p *pbx) *portsip.Client {
	return newClientAs(t, p, emu.AliceUsername, emu.AlicePassword)
}

func bob(t *testing.T, p *pbx) *portsip.Client {
	return newClientAs(t, p, emu.BobUsername, emu.BobPassword)
}

func meetingInput(subject string) portsip.MeetingInput {
	return portsip.MeetingInput{
		Mode:            ptr("AUDIO"),
		ConferenceInput: portsip.ConferenceInput{Subject: ptr(subject), Timezone: ptr("Europe/Paris")},
	}
}

// startMeeting starts a meeting and has numbers join, behind the client's
// back: the provider never starts meetings, so the client cannot.
func (p *pbx) startMeeting(t *testing.T, user, id string, numbers ...string) {
	t.Helper()
	token, ok := p.api.IssueTokenFor(user)
	if !ok {
		t.Fatalf("no user %s", user)
	}
	post := func(path, body string) {
		req, err := http.NewRequest(http.MethodPost, p.url+"/api/user/meetings/"+id+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("POST %s: %d", path, res.StatusCode)
		}
	}
	post("/start", "")
	for _, n := range numbers {
		post("/participants/invite", `{"number":"`+n+`"}`)
	}
}

func TestMeetingLifecycle(t *testing.T) {
	p := newPBX(t)
	c := alice(t, p)
	ctx := context.Background()
	in := portsip.MeetingInput{
		Mode: ptr("VIDEO"), EnableRecording: ptr(true), CloseOnNobody: ptr(true),
		ConferenceInput: portsip.ConferenceInput{
			Subject: ptr("Planning"), Timezone: ptr("Asia/Tokyo"), Language: ptr("ja-JP"), Framerate: i64(30),
			ScheduledStartAt: ptr("2030-01-02T10:00:00+09:00"), RoomPIN: ptr("1234"),
			OutboundCallerIDs: &[]portsip.OutboundCallerID{{ProviderID: "p1", CallerID: "+81300000000"}},
		},
	}
	created, err := c.CreateMeeting(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if created.ID == "" || created.ExtensionNumber != "88000" {
		t.Fatalf("created %+v", created)
	}
	m, err := c.GetMeeting(ctx, created.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := portsip.Meeting{
		Conference: portsip.Conference{
			ID: created.ID, ExtensionNumber: "88000", Mode: "VIDEO", Control: "FREE",
			Height: i64(720), Width: i64(1280), Bitrate: i64(1024), Framerate: i64(30), Layout: "LAYOUT0",
			Subject: "Planning", Language: "ja-JP", Capacity: 9, RoomPIN: "1234", EnableRecording: true,
			EnablePrompt: true, Timezone: "Asia/Tokyo", CreatedAt: "2030-01-01T00:00:00Z",
			ScheduledStartAt: "2030-01-02T01:00:00Z", Domain: emu.DefaultDomain, SBCHost: emu.DefaultDomain,
			SBCPort: emu.DefaultSBCPort, Token: m.Token,
			OutboundCallerIDs: []portsip.OutboundCallerID{{ProviderID: "p1", CallerID: "+81300000000"}},
		},
		CloseOnNobody: true, Ownership: true,
	}
	if !reflect.DeepEqual(*m, want) {
		t.Fatalf("got  %+v\nwant %+v", *m, want)
	}

	err = c.UpdateMeeting(ctx, created.ID, portsip.MeetingInput{
		CloseOnNobody:   ptr(false),
		ConferenceInput: portsip.ConferenceInput{Subject: ptr("Replanning"), Capacity: i64(25), Language: ptr("")},
	})
	if err != nil {
		t.Fatal(err)
	}
	m, err = c.GetMeeting(ctx, created.ID)
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "Replanning" || m.Capacity != 25 || m.Language != "" || m.CloseOnNobody || m.Timezone != "Asia/Tokyo" {
		t.Errorf("after update %+v", m)
	}
	st, err := c.GetMeetingStatus(ctx, created.ID)
	if err != nil || *st != (portsip.ConferenceStatus{Status: "OFFLINE"}) {
		t.Errorf("status %+v, %v", st, err)
	}
	if err := c.DeleteMeeting(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetMeeting(ctx, created.ID); !client.IsNotFound(err) {
		t.Errorf("deleted meeting: %v", err)
	}
	if err := c.DeleteMeeting(ctx, created.ID); !client.IsNotFound(err) {
		t.Errorf("deleting twice: %v", err)
	}
}

func TestMeetingParticipantsAndStatus(t *testing.T) {
	p := newPBX(t)
	c := alice(t, p)
	ctx := context.Background()
	created, err := c.CreateMeeting(ctx, meetingInput("m"))
	if err != nil {
		t.Fatal(err)
	}
	if ps, err := c.ListMeetingParticipants(ctx, created.ID); err != nil || len(ps) != 0 {
		t.Fatalf("participants before start: %+v, %v", ps, err)
	}
	p.startMeeting(t, emu.AliceUsername, created.ID, "101", "102")
	ps, err := c.ListMeetingParticipants(ctx, created.ID)
	if err != nil || len(ps) != 2 || !ps[0].Chairman || ps[1].Position != -1 {
		t.Fatalf("participants %+v, %v", ps, err)
	}
	st, err := c.GetMeetingStatus(ctx, created.ID)
	if err != nil || st.Status != "ON_CALL" {
		t.Errorf("status %+v, %v", st, err)
	}
}

// TestMeetingsAreTheUsers: two clients signed in as two users each see and
// reach only their own meetings.
func TestMeetingsAreTheUsers(t *testing.T) {
	p := newPBX(t)
	a, b := alice(t, p), bob(t, p)
	ctx := context.Background()
	mine, err := a.CreateMeeting(ctx, meetingInput("alice's"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.CreateMeeting(ctx, meetingInput("bob's")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		c       *portsip.Client
		subject string
	}{{"alice", a, "alice's"}, {"bob", b, "bob's"}} {
		ms, err := c.c.ListMeetings(ctx, portsip.ListOptions{})
		if err != nil || len(ms) != 1 || ms[0].Subject != c.subject {
			t.Errorf("%s lists %+v, %v", c.name, ms, err)
		}
	}
	for name, call := range map[string]func() error{
		"get":          func() error { _, err := b.GetMeeting(ctx, mine.ID); return err },
		"update":       func() error { return b.UpdateMeeting(ctx, mine.ID, meetingInput("taken")) },
		"delete":       func() error { return b.DeleteMeeting(ctx, mine.ID) },
		"status":       func() error { _, err := b.GetMeetingStatus(ctx, mine.ID); return err },
		"participants": func() error { _, err := b.ListMeetingParticipants(ctx, mine.ID); return err },
	} {
		if err := call(); !client.IsNotFound(err) {
			t.Errorf("bob's %s of alice's meeting: %v", name, err)
		}
	}
	m, err := a.GetMeeting(ctx, mine.ID)
	if err != nil || m.Subject != "alice's" {
		t.Errorf("alice's meeting after bob's attempts: %+v, %v", m, err)
	}
}

func TestListMeetingsPagesThroughEveryItem(t *testing.T) {
	p := newPBX(t)
	c := alice(t, p)
	ctx := context.Background()
	for i := range 45 {
		if _, err := c.CreateMeeting(ctx, meetingInput(fmt.Sprintf("m%02d", i))); err != nil {
			t.Fatal(err)
		}
	}
	ms, err := c.ListMeetings(ctx, portsip.ListOptions{PageSize: 10, OrderBy: "extension_number desc"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 45 || ms[0].ExtensionNumber != "88044" || ms[44].ExtensionNumber != "88000" || !ms[0].Ownership {
		t.Fatalf("got %d meetings, first %+v", len(ms), ms[0])
	}
	if n := p.count("GET /api/user/meetings"); n != 5 {
		t.Fatalf("%d pages fetched for 45 items of 10, want 5", n)
	}
	filtered, err := c.ListMeetings(ctx, portsip.ListOptions{Filter: "startswith(subject,'m4')", OrderBy: "subject"})
	if err != nil || len(filtered) != 5 || filtered[0].Subject != "m40" {
		t.Fatalf("filtered: %+v, %v", filtered, err)
	}
}

func TestMeetingValidationErrors(t *testing.T) {
	p := newPBX(t)
	c := alice(t, p)
	ctx := context.Background()
	in := meetingInput("m")
	in.Capacity = i64(20)
	_, err := c.CreateMeeting(ctx, in)
	if err == nil || !strings.Contains(err.Error(), "VALIDATE_FAILED: capacity cannot be set when a meeting is created") {
		t.Fatalf("capacity on create: %v", err)
	}
	_, err = c.CreateMeeting(ctx, portsip.MeetingInput{Mode: ptr("AUDIO")})
	if err == nil || err.Error() != "VALIDATE_FAILED: subject is required; timezone is required (HTTP 400)" {
		t.Fatalf("missing fields: %v", err)
	}
	created, err := c.CreateMeeting(ctx, meetingInput("m"))
	if err != nil {
		t.Fatal(err)
	}
	err = c.UpdateMeeting(ctx, created.ID, portsip.MeetingInput{Mode: ptr("VIDEO")})
	if err == nil || !strings.Contains(err.Error(), "mode cannot be updated") {
		t.Fatalf("mode update: %v", err)
	}
}
