package platforms

import (
	"fmt"
	"os"
)

// The CA bundle settings, which every platform block has (caSettings), and
// the provider block too, for every platform without its own.
const (
	CACertFile = "ca_cert_file"
	CACertPEM  = "ca_cert_pem"
)

// caSettings declares a platform's CA bundle settings, with their
// environment variables, written out in each declaration so that each name
// is in one place.
func caSettings(fileEnv, pemEnv string) []Setting {
	const added = "The certificates are trusted in addition to the system's certificate authorities, for this platform only, " +
		"and replace the provider's own `ca_cert_file` or `ca_cert_pem` here."
	return []Setting{
		{Attr: CACertFile, Env: fileEnv, Label: "CA certificate file", ConflictsWith: []string{CACertPEM},
			Description: "Path to a PEM file with the certificate of the certificate authority (or several) that signed the server's certificate, for a server with a private CA. " +
				added + " Conflicts with `ca_cert_pem`."},
		{Attr: CACertPEM, Env: pemEnv, Label: "CA certificate PEM", ConflictsWith: []string{CACertFile},
			Description: "The certificate of the certificate authority (or several) that signed the server's certificate, PEM-encoded (`-----BEGIN CERTIFICATE-----`...), for a server with a private CA. " +
				added + " Conflicts with `ca_cert_file`."},
	}
}

// CABundle is the PEM text of the platform's CA bundle from its resolved
// settings, and where it came from for messages ("portsip.ca_cert_file
// \"/etc/pki/pbx-ca.pem\" (or PORTSIP_CA_CERT_FILE)"); nil when neither
// setting has a value. A file that cannot be read is an error that names the
// attribute, the environment variable and the path as written.
func (p *Platform) CABundle(v Values) (pem []byte, source string, err error) {
	file, text := v[CACertFile], v[CACertPEM]
	switch {
	case file != "" && text != "":
		return nil, "", fmt.Errorf("%s.%s and %s.%s are both set (in the block, or as %s and %s): set one of them",
			p.Block, CACertFile, p.Block, CACertPEM, p.Setting(CACertFile).Env, p.Setting(CACertPEM).Env)
	case file != "":
		return ReadCAFile(file, p.settingNames(CACertFile))
	case text != "":
		return []byte(text), p.settingNames(CACertPEM), nil
	}
	return nil, "", nil
}

// ReadCAFile reads the CA bundle at path for the setting named by names,
// which the messages quote: "portsip.ca_cert_file or PORTSIP_CA_CERT_FILE",
// or the provider's "ca_cert_file".
func ReadCAFile(path, names string) (pem []byte, source string, err error) {
	source = fmt.Sprintf("%s (%q)", names, path)
	pem, err = os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("cannot read the CA certificate file %q given in %s: %w", path, names, err)
	}
	return pem, source, nil
}
