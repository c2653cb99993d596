package sqmeeting

import (
	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// FromSettings builds a client from the provider block's values
// (platforms.SQMeeting).
func FromSettings(v platforms.Values, hc client.Config) (*Client, error) {
	hc, err := client.ForPlatform(&platforms.SQMeeting, v, hc)
	if err != nil {
		return nil, err
	}
	return New(Config{Endpoint: v["endpoint"], ClientID: v["client_id"], Username: v["username"], Password: v["password"], HTTP: hc})
}
