package client

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// CA is a bundle of certificate authorities trusted in addition to the
// system's, for a server whose certificate a private CA signed.
type CA struct {
	pool *x509.CertPool
	// Source says where the bundle came from, for messages:
	// `portsip.ca_cert_file or PORTSIP_CA_CERT_FILE ("/etc/pki/pbx-ca.pem")`.
	Source string
}

// NewCA reads a PEM bundle. The system's pool is the base, so that a bundle
// adds to what the machine trusts rather than replacing it: a proxy or a
// gateway on the way with a public certificate keeps working. PEM text with
// no certificate in it is an error that names source.
func NewCA(pem []byte, source string) (*CA, error) {
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s holds no PEM certificate: give the CA's certificate, the text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----", source)
	}
	return &CA{pool: pool, Source: source}, nil
}

// Hints name, for messages that say what to change, the settings a user
// changes: the provider and conference-export fill them from the platform's
// declaration. Empty ones are described in general terms.
type Hints struct {
	// Endpoint: "portsip.endpoint or PORTSIP_ENDPOINT".
	Endpoint string
	// CA: "portsip.ca_cert_file or portsip.ca_cert_pem (PORTSIP_CA_CERT_FILE,
	// PORTSIP_CA_CERT_PEM), or the provider's ca_cert_file or ca_cert_pem".
	CA string
}

// TLSError is a connection whose TLS handshake failed in a way that no retry
// mends: the server does not speak TLS, or its certificate is not trusted or
// not for the endpoint's host. The handshake comes before the request is
// written, so the platform never saw it and nothing changed; the client
// gives up after the first try instead of repeating it.
type TLSError struct {
	// Platform is the vendor's name: "PortSIP".
	Platform string
	// Problem completes "PortSIP ...": "does not answer over TLS", ...
	Problem string
	// Fix says what to change.
	Fix string
	Err error
}

func (e *TLSError) Error() string { return e.Err.Error() + ". " + e.Fix }
func (e *TLSError) Unwrap() error { return e.Err }

// IsTLSError reports whether err is a TLS handshake that cannot succeed on a
// retry (TLSError).
func IsTLSError(err error) bool {
	var te *TLSError
	return errors.As(err, &te)
}

// classifyTLS returns err as a TLSError when it is a handshake failure that
// a retry cannot mend, and err itself otherwise. base is the URL that was
// called, for the fixes' examples.
func (c *Client) classifyTLS(err error, base *url.URL) error {
	if tlsErr := c.tlsProblem(err, base); tlsErr != nil {
		tlsErr.Platform = c.cfg.Platform
		return tlsErr
	}
	return err
}

// tlsProblem is classifyTLS's verdict: the TLSError, or nil for a failure
// a retry may mend.
func (c *Client) tlsProblem(err error, base *url.URL) *TLSError {
	var (
		record   tls.RecordHeaderError
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
	)
	endpoint := c.cfg.Hints.Endpoint
	if endpoint == "" {
		endpoint = "the endpoint"
	}
	host := base.Host
	switch {
	case errors.Is(err, http.ErrSchemeMismatch), errors.As(err, &record):
		what := "answers plain HTTP"
		if !errors.Is(err, http.ErrSchemeMismatch) {
			what = "does not answer with TLS"
		}
		plain := *base
		plain.Scheme, plain.Path, plain.RawPath = "http", "", ""
		return &TLSError{Problem: "does not answer over TLS", Err: err,
			Fix: fmt.Sprintf("The server at %s %s: if it has no TLS, write the endpoint with http:// (%s) in %s; "+
				"if it should have TLS, check the port", host, what, plain.String(), endpoint)}
	case errors.As(err, &unknown):
		return &TLSError{Problem: "certificate is not trusted", Err: err, Fix: c.caFix(host)}
	case errors.As(err, &hostname):
		return &TLSError{Problem: "certificate does not match the endpoint", Err: err,
			Fix: fmt.Sprintf("The endpoint's host must be one that the server's certificate names (%s): "+
				"write it so in %s, or give the server a certificate for %s", certNames(hostname.Certificate), endpoint, hostname.Host)}
	case errors.As(err, &invalid):
		return &TLSError{Problem: "certificate is not valid", Err: err,
			Fix: fmt.Sprintf("The certificate of %s is expired, not yet valid, or not for a server: "+
				"renew it on the server, or check this machine's clock", host)}
	}
	return nil
}

// caFix says how to trust the CA of a certificate that is not trusted.
func (c *Client) caFix(host string) string {
	where := c.cfg.Hints.CA
	if where == "" {
		where = "a CA bundle"
	}
	if c.cfg.CA != nil {
		return fmt.Sprintf("The certificate of %s is signed by an authority that neither the system nor the bundle in %s holds: "+
			"add the certificate of the authority that signed it there (the server's chain, up to its root CA); "+
			"for a lab server only, insecure_skip_verify = true turns verification off", host, c.cfg.CA.Source)
	}
	return fmt.Sprintf("The certificate of %s is signed by an authority this machine does not trust, such as a private CA: "+
		"give that authority's certificate with %s, or in the file SSL_CERT_FILE names; "+
		"for a lab server only, insecure_skip_verify = true turns verification off", host, where)
}

// certNames lists the names a certificate is for.
func certNames(cert *x509.Certificate) string {
	if cert == nil {
		return "see the error above"
	}
	names := append([]string(nil), cert.DNSNames...)
	for _, ip := range cert.IPAddresses {
		names = append(names, ip.String())
	}
	if len(names) == 0 && cert.Subject.CommonName != "" {
		names = append(names, cert.Subject.CommonName)
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// tlsConfig is the transport's TLS configuration from cfg, or nil for Go's
// defaults (the system's certificate authorities, which SSL_CERT_FILE and
// SSL_CERT_DIR change on Linux and other Unix systems but macOS).
func tlsConfig(cfg Config) *tls.Config {
	switch {
	case cfg.InsecureSkipVerify:
		return &tls.Config{InsecureSkipVerify: true} //nolint:gosec // opt-in for lab servers with self-signed certificates
	case cfg.CA != nil:
		return &tls.Config{RootCAs: cfg.CA.pool, MinVersion: tls.VersionTLS12}
	}
	return nil
}
