package export

import (
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

func TestFiltersReadKeysBlocksAndTypes(t *testing.T) {
	sel, err := selectPlatforms([]string{"line_planet", "whereby"})
	if err != nil {
		t.Fatal(err)
	}
	if !sel(&platforms.LinePlanet) || !sel(&platforms.Whereby) || sel(&platforms.PortSIP) {
		t.Error("-platform line_planet -platform whereby selects the wrong platforms")
	}
	if _, err := selectPlatforms([]string{"zoom"}); err == nil || !strings.Contains(err.Error(), "portsip, lineplanet, line_planet, sqmeeting, whereby") {
		t.Errorf("an unknown platform's error does not list the choices: %v", err)
	}
	want, err := typeFilter([]string{"portsip_room", "conference_whereby_meeting"})
	if err != nil {
		t.Fatal(err)
	}
	if !want(managed.PortSIPRoom.Name) || !want(managed.WherebyMeeting.Name) || want(managed.PortSIPServer.Name) {
		t.Error("-type selects the wrong types")
	}
	if _, err := typeFilter([]string{"conference_portsip_recording"}); err == nil || !strings.Contains(err.Error(), managed.SQMeetingRecurringMeeting.Name) {
		t.Errorf("an unknown type's error does not list the choices: %v", err)
	}
}

func TestLineRoom(t *testing.T) {
	if svc, room, err := LineRoom("ex-service/ex-room"); err != nil || svc != "ex-service" || room != "ex-room" {
		t.Errorf("LineRoom = %q, %q, %v", svc, room, err)
	}
	for _, bad := range []string{"", "ex-room", "/ex-room", "ex-service/", "a/b/c"} {
		if _, _, err := LineRoom(bad); err == nil {
			t.Errorf("LineRoom(%q) takes it", bad)
		}
	}
}
