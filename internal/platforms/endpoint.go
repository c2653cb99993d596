package platforms

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// BaseURL is where the platform's API is, from its endpoint as the user
// wrote it: the endpoint (see CheckEndpoint) followed by the API's own path.
func (p *Platform) BaseURL(endpoint string) (string, error) {
	e, err := p.CheckEndpoint(endpoint)
	if err != nil {
		return "", err
	}
	return e + p.APIPath, nil
}

// CheckEndpoint reads an endpoint as the user wrote it and returns it as the
// client uses it, or an error that quotes it as written, names the attribute
// and the environment variable, and says what to change. An endpoint that
// ends in the API's own path, or a leading part of it (PortSIP's /api,
// SQMeeting's /api/v1 or /api), means the server's base URL: the path is
// taken off, since the client adds it. Any other path is kept, for a server
// behind a reverse proxy that serves it under a prefix.
func (p *Platform) CheckEndpoint(raw string) (string, error) {
	if strings.TrimSpace(raw) == "" {
		return "", fmt.Errorf("the %s endpoint is empty: set %s", p.Name, p.settingNames("endpoint"))
	}
	quoted := fmt.Sprintf("The %s endpoint %q", p.Name, raw)
	if strings.TrimSpace(raw) != raw {
		return "", fmt.Errorf("%s has spaces or line breaks around it: remove them from %s", quoted, p.settingNames("endpoint"))
	}
	// url.Parse reads "pbx.example.com:8900" as the scheme
	// "pbx.example.com" with the opaque part "8900", and fails on
	// "192.0.2.1:8900": the absence of "://" is the only reliable sign that
	// the scheme was left out.
	if !strings.Contains(raw, "://") {
		return "", fmt.Errorf("%s has no scheme: write it as %q (or with http:// for a server without TLS) in %s",
			quoted, "https://"+strings.TrimLeft(raw, "/"), p.settingNames("endpoint"))
	}
	u, err := url.Parse(raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // its text repeats the value
		}
		return "", fmt.Errorf("%s is not a URL (%w): correct %s", quoted, err, p.settingNames("endpoint"))
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("%s must start with https:// (or http:// for a server without TLS), not %s://: correct %s",
			quoted, u.Scheme, p.settingNames("endpoint"))
	case u.Host == "" || u.Hostname() == "":
		return "", fmt.Errorf("%s has no host, such as https://server.example.com: correct %s", quoted, p.settingNames("endpoint"))
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return "", fmt.Errorf("%s must not have a query or a fragment (what follows ? or #): correct %s", quoted, p.settingNames("endpoint"))
	}
	u.Path = p.trimAPIPath(strings.TrimRight(u.Path, "/"))
	u.RawPath = ""
	return strings.TrimRight(u.String(), "/"), nil
}

// trimAPIPath takes the API's own path, or a leading part of it that ends
// between two segments, off the end of path.
func (p *Platform) trimAPIPath(path string) string {
	api := p.APIPath
	for api != "" {
		if strings.HasSuffix(path, api) {
			return strings.TrimSuffix(path, api)
		}
		i := strings.LastIndex(api, "/")
		if i < 0 {
			break
		}
		api = api[:i]
	}
	return path
}

// settingNames names a setting in messages: "portsip.endpoint or
// PORTSIP_ENDPOINT".
func (p *Platform) settingNames(attr string) string {
	return fmt.Sprintf("%s.%s or %s", p.Block, attr, p.Setting(attr).Env)
}
