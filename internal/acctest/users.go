package acctest

import (
	"maps"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/confkit/terraform-provider-conference/internal/provider"
)

// Signing in as several users in one test.
//
// In-process, plugin-testing serves each provider name from one provider
// instance, which every configuration of that provider shares, each alias
// included: the configuration applied last wins, and the other aliases'
// resources would act as its user. A real run starts a plugin process per
// provider configuration, so a provider alias per user works there (make demo
// shows it). A test that signs in as several users at once therefore serves
// each user a provider of its own name and instance, the way google-beta
// serves google_* resources: UserProvider, TestAsUsers, PortSIPUserProvider.

// UserProvider is the name under which TestAsUsers serves user's provider:
// "conference-alice". Resources select it with `provider = conference-alice`.
func UserProvider(user string) string { return provider.TypeName + "-" + user }

// TestAsUsers is Test with, besides the provider, one provider per user
// named UserProvider(user), each an instance of its own.
func TestAsUsers(t *testing.T, users []string, steps ...resource.TestStep) {
	t.Helper()
	factories := maps.Clone(ProtoV6ProviderFactories)
	for _, u := range users {
		factories[UserProvider(u)] = serve(provider.New("test"))
	}
	test(t, factories, steps)
}
