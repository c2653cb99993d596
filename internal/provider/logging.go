package provider

import (
	"os"
	"strings"
)

// The SDK loggers (terraform-plugin-log, as terraform-plugin-go and the
// framework set them up) default to TRACE when their own variables are unset:
// tfsdklog.NewRootSDKLogger and NewRootProviderLogger take hclog.NoLevel as
// Trace, and a subsystem (sdk.proto, sdk.framework) without its variable
// inherits the root's level. So a provider run with no logging asked for
// JSON-encodes every framework trace line (several per attribute and request)
// and writes it to a CLI that parses it and throws it away: with the room's
// two dozen validators and plan modifiers, most of the provider's CPU in a
// no-op plan. The CLI shows provider logs only when TF_LOG or TF_LOG_PROVIDER
// is set, so without any of the variables below nobody can read them.

// logLevelEnv are the variables that ask for the provider's logs: the CLI's
// (TF_LOG, TF_LOG_PROVIDER), the SDK's and this provider's own, and
// TF_ACC_LOG_PATH, with which the acceptance-test harness logs at TRACE.
func logLevelEnv() []string {
	return append([]string{"TF_LOG", "TF_LOG_PROVIDER", "TF_ACC_LOG_PATH"}, loggerEnv()...)
}

// loggerEnv are the variables that set the levels of the loggers this process
// runs: the SDK's root, its framework and protocol subsystems, and the
// provider's root logger (TF_LOG_PROVIDER_CONFERENCE, named after the
// provider's type by terraform-plugin-go).
func loggerEnv() []string {
	return []string{"TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO", "TF_LOG_PROVIDER_" + strings.ToUpper(TypeName)}
}

// QuietLogsUnlessAsked turns the SDK's and the provider's loggers off when
// none of the variables that ask for logs is set, before the server starts
// (main calls it). With any of them set, nothing changes: the logs, their
// levels and their redaction are what they always were.
//
// Each logger gets its own variable: the subsystems do not only inherit the
// root's level, they also skip building a line at all when their own
// variable says OFF (tfsdklog's subsystemWouldLog).
func QuietLogsUnlessAsked() {
	for _, name := range logLevelEnv() {
		if os.Getenv(name) != "" {
			return
		}
	}
	for _, name := range loggerEnv() {
		// Setenv fails only on a malformed name or value; these are fixed.
		_ = os.Setenv(name, "OFF")
	}
}
