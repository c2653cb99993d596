package platforms

// Whereby is the Whereby REST API v1 (../shared/api/whereby-meetings.txt).
var Whereby = Platform{
	Key:         "whereby",
	Name:        "Whereby",
	Block:       "whereby",
	Description: "Whereby REST API v1 connection. The provider paces its requests to the organization's rate budget (points per minute: GET 1, DELETE 2, POST 3) and recovers from a rate limit using the wait Whereby gives.",
	APIPath:     "/v1",
	Settings: append([]Setting{
		{Attr: "endpoint", Env: "WHEREBY_ENDPOINT", Endpoint: true, Default: "https://api.whereby.dev",
			Description: "Base URL of the Whereby API without `/v1`."},
		{Attr: "api_key", Env: "WHEREBY_API_KEY", Secret: true, Credential: true, Label: "API key",
			Description: "The API key (sent as a bearer token)."},
		{Attr: "points_per_minute", Env: "WHEREBY_POINTS_PER_MINUTE", Int: true, Min: 3, Max: 1000000, Label: "points per minute",
			Description: "The organization's rate budget in points per minute, which the provider paces itself to. Defaults to 100, the smaller documented plan; raise it for a larger plan. A plan that creates or updates meetings spends one point proving the API key, once per provider process, which the pacing of another process (the apply's) does not count: set a little less than the budget to leave room for it and for other users of the key."},
	}, caSettings("WHEREBY_CA_CERT_FILE", "WHEREBY_CA_CERT_PEM")...),
	Requires: [][][]string{{{"endpoint"}}, {{"api_key"}}},
}
