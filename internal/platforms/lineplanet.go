package platforms

// LinePlanet is the LINE Planet server API v2 (../shared/api/line-planet-meeting-id.txt).
var LinePlanet = Platform{
	Key:         "lineplanet",
	Name:        "LINE Planet",
	Block:       "line_planet",
	Description: "LINE Planet server API v2 connection.",
	APIPath:     "/tas/v2",
	Settings: append([]Setting{
		{Attr: "endpoint", Env: "LINE_PLANET_ENDPOINT", Endpoint: true,
			Description: "Base URL of the LINE Planet API without `/tas/v2`."},
		{Attr: "api_key", Env: "LINE_PLANET_API_KEY", Secret: true, Credential: true, Label: "API key",
			Description: "The API key."},
		{Attr: "api_secret", Env: "LINE_PLANET_API_SECRET", Secret: true, Credential: true, Label: "API secret",
			Description: "The API secret."},
	}, caSettings("LINE_PLANET_CA_CERT_FILE", "LINE_PLANET_CA_CERT_PEM")...),
	Requires: [][][]string{{{"endpoint"}}, {{"api_key"}}, {{"api_secret"}}},
}
