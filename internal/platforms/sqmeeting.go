package platforms

// SQMeeting is the SQMeeting (FRTC) server REST API (../shared/api/sqmeeting-frtc.txt).
var SQMeeting = Platform{
	Key:         "sqmeeting",
	Name:        "SQMeeting",
	Block:       "sqmeeting",
	Description: "SQMeeting (FRTC) server connection. The provider signs in once with `username` and `password` and reuses the token, signing in again when it expires.",
	APIPath:     "/api/v1",
	Settings: append([]Setting{
		{Attr: "endpoint", Env: "SQMEETING_ENDPOINT", Endpoint: true,
			Description: "Base URL of the SQMeeting server without `/api/v1`, e.g. `https://meeting.example.com`."},
		// The client ID is not a credential: it names this installation,
		// not the user it acts as, and the server accepts any UUID, so it
		// falls back on its own like the endpoint.
		{Attr: "client_id", Env: "SQMEETING_CLIENT_ID", UUID: true, Label: "client ID",
			Description: "The client ID (a UUID) sent with every call, as the vendor's clients send theirs. When not set, the provider makes a random one for each run."},
		{Attr: "username", Env: "SQMEETING_USERNAME", Credential: true,
			Description: "The user to sign in as. Meetings are created on this user's behalf."},
		{Attr: "password", Env: "SQMEETING_PASSWORD", Secret: true, Credential: true,
			Description: "The password of `username`. It is never sent as it is: the sign-in carries a salted SHA-1 of it, as the vendor's clients do."},
	}, caSettings("SQMEETING_CA_CERT_FILE", "SQMEETING_CA_CERT_PEM")...),
	Requires: [][][]string{{{"endpoint"}}, {{"username"}}, {{"password"}}},
}
