package validators

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func run(v validator.String, value types.String) string {
	req := validator.StringRequest{Path: path.Root("attr"), ConfigValue: value}
	var resp validator.StringResponse
	v.ValidateString(context.Background(), req, &resp)
	if !resp.Diagnostics.HasError() {
		return ""
	}
	return resp.Diagnostics[0].Detail()
}

func TestValidators(t *testing.T) {
	tests := []struct {
		name    string
		v       validator.String
		value   string
		wantErr string // substring; "" means valid
	}{
		{"pin ok", DigitsOnly(3, 6), "1234", ""},
		{"pin short", DigitsOnly(3, 6), "12", "attr must be 3 to 6 digits (0-9); it has 2"},
		{"pin long", DigitsOnly(3, 6), "1234567", "it has 7"},
		{"pin letters", DigitsOnly(3, 6), "12a4", "not a digit"},
		{"pin unicode digit", DigitsOnly(3, 6), "١٢٣", "not a digit"},
		{"passcode exact", DigitsOnly(6, 6), "12345", "exactly 6 digits"},
		{"utf16 ascii at limit", UTF16LengthAtMost(4), "abcd", ""},
		{"utf16 emoji counts two", UTF16LengthAtMost(4), "abc😀", "at most 4 UTF-16 code units long; it has 5"},
		{"utf16 BMP CJK counts one", UTF16LengthAtMost(2), "会議", ""},
		{"characters ok", Characters(1, 4), "会議室A", ""},
		{"characters count code points", Characters(1, 3), "会議室A", "must be 1 to 3 characters; it has 4"},
		{"characters empty", Characters(1, 3), "", "it has 0"},
		{"characters blank", Characters(1, 3), "  ", "only white space"},
		{"date ok", Date(), "2030-02-28", ""},
		{"date impossible", Date(), "2030-02-30", "YYYY-MM-DD"},
		{"date with time", Date(), "2030-02-28T00:00:00Z", "YYYY-MM-DD"},
		{"bcp47 ok", BCP47(), "en-US", ""},
		{"bcp47 script", BCP47(), "zh-Hans-CN", ""},
		{"bcp47 bad", BCP47(), "english_US", "BCP 47"},
		{"tz ok", IANATimezone(), "Asia/Shanghai", ""},
		{"tz utc", IANATimezone(), "UTC", ""},
		{"tz bad", IANATimezone(), "Mars/Olympus", "IANA time zone"},
		{"tz ok, known from before", IANATimezone(), "Asia/Shanghai", ""},
		{"tz bad, still bad", IANATimezone(), "Mars/Olympus", "IANA time zone"},
		{"tz local", IANATimezone(), "Local", "IANA time zone"},
		{"duration ok", Duration(), "45s", ""},
		{"duration zero", Duration(), "0s", "positive duration"},
		{"duration bad", Duration(), "forever", "positive duration"},
		{"rtmp ok", RTMPURL(), "rtmp://a.rtmp.youtube.com/live2/key", ""},
		{"rtmps ok", RTMPURL(), "rtmps://live.example.com:443/app/key", ""},
		{"rtmp given https", RTMPURL(), "https://a.rtmp.youtube.com/live2/key", "rtmp:// or rtmps://"},
		{"rtmp no host", RTMPURL(), "rtmp:///live2/key", "with a host"},
		{"ipv4 ok", IPv4(), "192.0.2.10", ""},
		{"ipv4 given v6", IPv4(), "2001:db8::1", "IPv4 address"},
		{"ipv6 ok", IPv6(), "2001:db8::10", ""},
		{"ipv6 given v4", IPv6(), "192.0.2.1", "IPv6 address"},
		{"ipv6 v4-mapped", IPv6(), "::ffff:192.0.2.1", "IPv6 address"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := run(tc.v, types.StringValue(tc.value))
			if tc.wantErr == "" && got != "" {
				t.Fatalf("unexpected error: %s", got)
			}
			if tc.wantErr != "" && !strings.Contains(got, tc.wantErr) {
				t.Fatalf("error %q does not contain %q", got, tc.wantErr)
			}
		})
	}
}

func TestSecretsNeverEchoed(t *testing.T) {
	got := run(DigitsOnly(3, 6), types.StringValue("98x765"))
	if strings.Contains(got, "98x765") {
		t.Fatalf("the PIN appears in the message: %s", got)
	}
	got = run(RTMPURL(), types.StringValue("http://live.example.com/stream-key-123"))
	if got == "" || strings.Contains(got, "stream-key-123") {
		t.Fatalf("the stream key appears in the message: %s", got)
	}
}

func TestNullAndUnknownSkipped(t *testing.T) {
	for _, v := range []types.String{types.StringNull(), types.StringUnknown()} {
		if got := run(DigitsOnly(3, 6), v); got != "" {
			t.Fatalf("%v: %s", v, got)
		}
	}
}
