// Package provider is the Terraform provider for conferencing platforms: its
// configuration schema, the clients it builds from it, and the list of resources
// and data sources.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/confkit/terraform-provider-conference/internal/datasources"
	"github.com/confkit/terraform-provider-conference/internal/resources"
)

// TypeName is the provider's name in resource type names (conference_*).
const TypeName = "conference"

var _ provider.Provider = (*conferenceProvider)(nil)

type conferenceProvider struct {
	version string
}

// New returns a constructor for the provider, as providerserver.Serve wants.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &conferenceProvider{version: version}
	}
}

func (p *conferenceProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = TypeName
	resp.Version = p.version
}

func (p *conferenceProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		resources.NewPortSIPServer,
		resources.NewPortSIPRoom,
		resources.NewLineMeetingID,
		resources.NewSQMeetingMeeting,
		resources.NewSQMeetingRecurringMeeting,
	}
}

func (p *conferenceProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		datasources.NewPortSIPServer,
		datasources.NewPortSIPServers,
		datasources.NewPortSIPServerStatus,
		datasources.NewPortSIPRoom,
		datasources.NewPortSIPRooms,
		datasources.NewPortSIPRoomStatus,
		datasources.NewPortSIPRoomParticipants,
		datasources.NewPortSIPRoomRecordings,
		datasources.NewLineMeetingID,
		datasources.NewLineMeetings,
		datasources.NewSQMeetingMeeting,
		datasources.NewSQMeetingMeetings,
		datasources.NewSQMeetingRecurringMeeting,
		datasources.NewSQMeetingMeetingRooms,
		datasources.NewSQMeetingUsers,
		datasources.NewSQMeetingSystem,
	}
}
