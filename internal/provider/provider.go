// Package provider is the Terraform provider for conferencing platforms: its
// configuration schema, the clients it builds from it, and the list of resources
// and data sources.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/datasources"
	"github.com/confkit/terraform-provider-conference/internal/ephemerals"
	"github.com/confkit/terraform-provider-conference/internal/listresources"
	"github.com/confkit/terraform-provider-conference/internal/managed"
)

// TypeName is the provider's name in resource type names (conference_*).
const TypeName = "conference"

var (
	_ provider.ProviderWithEphemeralResources = (*conferenceProvider)(nil)
	_ provider.ProviderWithListResources      = (*conferenceProvider)(nil)
)

type conferenceProvider struct {
	version string
	// adjustHTTP, when set, changes the clients' HTTP settings once the
	// provider block's are applied.
	adjustHTTP func(*client.Config)
	// credentials remembers refused and checked credentials for the
	// provider's lifetime: its plugin process's (client.Registry).
	credentials *client.Registry
}

// New returns a constructor for the provider, as providerserver.Serve wants.
func New(version string) func() provider.Provider { return NewWithHTTP(version, nil) }

// NewWithHTTP is New for in-process tests that replace part of the clients'
// HTTP settings: the clock that rate budgets are kept by and the waiting
// (client.Config's Now and Sleep), say. adjust runs in Configure, after the
// provider block's settings; nil changes nothing. It is not reachable from a
// configuration.
func NewWithHTTP(version string, adjust func(*client.Config)) func() provider.Provider {
	return func() provider.Provider {
		return &conferenceProvider{version: version, adjustHTTP: adjust, credentials: client.NewRegistry()}
	}
}

func (p *conferenceProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = TypeName
	resp.Version = p.version
}

func (p *conferenceProvider) Resources(context.Context) []func() resource.Resource {
	all := managed.All()
	out := make([]func() resource.Resource, 0, len(all))
	for _, t := range all {
		out = append(out, t.Resource())
	}
	return out
}

// EphemeralResources are values kept in neither plan nor state.
func (p *conferenceProvider) EphemeralResources(context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		ephemerals.NewWherebyRecordingLink,
		ephemerals.NewWherebyTranscriptionLink,
	}
}

// ListResources are a list resource (terraform query) of every managed
// type whose objects can be listed, under its name.
func (p *conferenceProvider) ListResources(context.Context) []func() list.ListResource {
	all := managed.All()
	out := make([]func() list.ListResource, 0, len(all))
	for _, t := range all {
		if t.Listed() {
			out = append(out, listresources.New(t))
		}
	}
	return out
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
		datasources.NewPortSIPMeeting,
		datasources.NewPortSIPMeetings,
		datasources.NewPortSIPMeetingStatus,
		datasources.NewPortSIPMeetingParticipants,
		datasources.NewLineMeetingID,
		datasources.NewLineMeetings,
		datasources.NewSQMeetingMeeting,
		datasources.NewSQMeetingMeetings,
		datasources.NewSQMeetingRecurringMeeting,
		datasources.NewSQMeetingMeetingRooms,
		datasources.NewSQMeetingUsers,
		datasources.NewSQMeetingSystem,
		datasources.NewWherebyMeeting,
		datasources.NewWherebyMeetings,
		datasources.NewWherebyRoomInsights,
		datasources.NewWherebyRoomSessionInsights,
		datasources.NewWherebyParticipantInsights,
		datasources.NewWherebyParticipantInsight,
		datasources.NewWherebyRecordings,
		datasources.NewWherebyTranscriptions,
		datasources.NewWherebySummaries,
	}
}
