package platforms

// PortSIP is the PortSIP PBX v22 REST API (../shared/api/portsip-conference.txt).
var PortSIP = Platform{
	Key:         "portsip",
	Name:        "PortSIP",
	Block:       "portsip",
	Description: "PortSIP PBX v22 connection. Authenticate with `token`, or with `username` and `password` (the provider signs in and renews the token before it expires).",
	APIPath:     "/api",
	Settings: append([]Setting{
		{Attr: "endpoint", Env: "PORTSIP_ENDPOINT", Endpoint: true,
			Description: "Base URL of the PBX's REST API without `/api`, e.g. `https://pbx.example.com:8900`."},
		{Attr: "token", Env: "PORTSIP_TOKEN", Secret: true, Credential: true, ConflictsWith: []string{"username", "password"},
			Description: "An access token. Conflicts with `username` and `password`."},
		{Attr: "username", Env: "PORTSIP_USERNAME", Credential: true,
			Description: "The user to sign in as."},
		{Attr: "password", Env: "PORTSIP_PASSWORD", Secret: true, Credential: true,
			Description: "The password of `username`."},
		// The domain is a credential: it says which tenant's user the
		// username is ("alice" is a different person in each), so it comes
		// from the same place as the username.
		{Attr: "domain", Env: "PORTSIP_DOMAIN", MaxLength: 280, Credential: true,
			Description: "The tenant's SIP domain, sent with the sign-in for multi-tenant PBXs. It counts as a credential, since it says which tenant's user `username` is."},
	}, caSettings("PORTSIP_CA_CERT_FILE", "PORTSIP_CA_CERT_PEM")...),
	Requires: [][][]string{
		{{"endpoint"}},
		{{"token"}, {"username", "password"}},
	},
}
