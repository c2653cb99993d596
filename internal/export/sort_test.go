package export

import (
	"slices"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/managed"
)

func TestSortForFileFollowsTheSourcesThenTheNames(t *testing.T) {
	objs := []*managed.Object{
		{Type: managed.WherebyMeeting.Name, Name: "a"},
		{Type: managed.PortSIPRoom.Name, Name: "b"},
		{Type: managed.PortSIPServer.Name, Name: "z"},
		{Type: managed.PortSIPRoom.Name, Name: "a"},
	}
	sortForFile(objs)
	var got []string
	for _, o := range objs {
		got = append(got, o.Address())
	}
	want := []string{"conference_portsip_server.z", "conference_portsip_room.a", "conference_portsip_room.b", "conference_whereby_meeting.a"}
	if !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
}
