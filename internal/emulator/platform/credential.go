package platform

// Credential is one credential an emulated API accepts, declared beside the
// API: Attr is the attribute of the provider's block that sends it (a Setting
// of the platform's declaration in internal/platforms), Default the value
// accepted unless the options say otherwise, and Option the field of the
// API's options O that holds it. The emulator derives from these tables the
// defaults, the command's flags and their environment variables, and which
// option a flag sets.
type Credential[O any] struct {
	Attr    string
	Default string
	Option  func(*O) *string
}

// FillCredentials sets each credential option of o that is empty to its
// default.
func FillCredentials[O any](o *O, creds []Credential[O]) {
	for _, c := range creds {
		if p := c.Option(o); *p == "" {
			*p = c.Default
		}
	}
}
