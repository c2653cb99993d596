package whereby

import (
	"bytes"
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Enums and limits of the create body (whereby-openapi.json, POST /meetings).
var (
	roomModes        = []string{"group", "normal"}
	roomNamePatterns = []string{"uuid", "human-short"}
	templateTypes    = []string{"viewerMode"}
	fieldNames       = []string{"hostRoomUrl", "viewerRoomUrl"}
	recordingTypes   = []string{"none", "local", "cloud"}
	providers        = []string{"s3", "whereby"}
	authTypes        = []string{"accessKey", "roleBased"}
	fileFormats      = []string{"mkv", "mp4"}
	// The start triggers differ per object, as the document lists them.
	recordingTriggers     = []string{"none", "prompt", "automatic", "automatic-2nd-participant"}
	transcriptionTriggers = []string{"none", "manual", "automatic", "automatic-2nd-participant"}
	streamingTriggers     = []string{"none", "prompt", "automatic"}
	// transcriptionLanguages are liveTranscription.language's enum. The
	// document writes every value with a trailing comma ("en,"), a slip of
	// its generator; the emulator takes both spellings.
	transcriptionLanguages = []string{
		"ca", "zh", "zh-TW", "cs", "da", "nl", "en", "en-US", "en-GB", "fi", "fr", "de", "de-CH",
		"el", "hi", "id", "it", "ja", "ko", "lv", "ms", "no", "pl", "pt", "pt-BR", "ro", "ru",
		"sk", "es", "sv", "th", "uk", "vi",
	}
)

// maxRoomNamePrefix is roomNamePrefix's maxLength ("39 character max").
const maxRoomNamePrefix = 39

// roomNamePrefixRE is NOTES.md's reading of the prefix: the schema says
// [a-z0-9]{0,39}, the page's example "example-prefix" has a dash, so dashes
// are accepted too. The whole (space-stripped) value must match.
var roomNamePrefixRE = regexp.MustCompile(`^[a-z0-9-]{0,39}$`)

// meetingInput is a valid create body.
type meetingInput struct {
	endDate         time.Time
	isLocked        bool
	roomMode        string
	roomNamePrefix  string
	roomNamePattern string
	templateType    string
	fields          []string
	// The recording, transcription and streaming settings are kept as sent:
	// no answer of the API shows them.
	recording, liveTranscription, streaming json.RawMessage
}

// parseMeetingInput checks a create body against every constraint of the
// document and returns the input, or the problems.
func parseMeetingInput(raw []byte, now time.Time) (meetingInput, problems) {
	var p problems
	in := meetingInput{roomMode: "normal", roomNamePattern: "uuid"}
	b := decodeObject(raw, "", &p)
	if b == nil {
		return in, p
	}
	b.allow("endDate", "startDate", "isLocked", "roomMode", "roomNamePrefix", "roomNamePattern",
		"templateType", "recording", "liveTranscription", "streaming", "fields")
	b.require("endDate")

	// "When the meeting ends. By default in UTC but a timezone can be
	// specified ... This has to be the same or after the current date." The
	// emulator reads "date" as the instant: an endDate a second ago is
	// refused, one equal to now is not.
	if s, ok := b.str("endDate"); ok {
		if t, ok := parseDate(s); !ok {
			p.add(`"endDate" must be a valid date-time, such as 2025-05-07T17:42:49-05:00`)
		} else if t.Before(now) {
			p.add(`"endDate" must be the same or after the current date (%s)`, now.Format(time.RFC3339Nano))
		} else {
			in.endDate = t
		}
	}
	// "(DEPRECATED - value is ignored)", but it is still a date-time field.
	if b.present("startDate") && !b.null("startDate") {
		if s, ok := b.str("startDate"); ok {
			if _, ok := parseDate(s); !ok {
				p.add(`"startDate" must be a valid date-time`)
			}
		}
	}
	if v, ok := b.boolean("isLocked"); ok {
		in.isLocked = v
	}
	if v, ok := b.enum("roomMode", roomModes...); ok {
		in.roomMode = v
	}
	if v, ok := b.str("roomNamePrefix"); ok {
		// "The string should be lowercase, and spaces will be automatically
		// removed. 39 character max": the length is the schema's maxLength,
		// on the value as sent; the pattern applies once spaces are gone.
		stripped := strings.ReplaceAll(v, " ", "")
		switch {
		case utf8.RuneCountInString(v) > maxRoomNamePrefix:
			p.add(`"roomNamePrefix" must be at most %d characters`, maxRoomNamePrefix)
		case !roomNamePrefixRE.MatchString(stripped):
			p.add(`"roomNamePrefix" must hold only lowercase letters, digits and dashes`)
		default:
			in.roomNamePrefix = stripped
		}
	}
	if v, ok := b.enum("roomNamePattern", roomNamePatterns...); ok {
		in.roomNamePattern = v
	}
	if v, ok := b.enum("templateType", templateTypes...); ok {
		in.templateType = v
		// "This will set up a room with properties that are needed to create
		// a viewer mode room. The room will be locked, roomMode set to
		// "group"": the template wins over isLocked and roomMode.
		in.isLocked, in.roomMode = true, "group"
	}
	in.fields = b.enumList("fields", fieldNames...)
	if o := b.object("recording"); o != nil {
		checkRecording(o)
		in.recording = compact(b.fields["recording"])
	}
	if o := b.object("liveTranscription"); o != nil {
		checkLiveTranscription(o)
		in.liveTranscription = compact(b.fields["liveTranscription"])
	}
	if o := b.object("streaming"); o != nil {
		checkStreaming(o)
		in.streaming = compact(b.fields["streaming"])
	}
	return in, p
}

// parseDate reads an RFC 3339 date-time; one without a zone is UTC ("By
// default in UTC"). It returns the time in UTC to the millisecond.
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC().Truncate(time.Millisecond), true
		}
	}
	return time.Time{}, false
}

func checkRecording(o *object) {
	o.allow("type", "destination", "startTrigger")
	o.require("type", "destination", "startTrigger")
	o.enum("type", recordingTypes...)
	// "If this is not required, or should be inherited, it should be set to
	// null."
	if !o.null("destination") {
		if d := o.object("destination"); d != nil {
			// "region" is not among recording.destination's properties,
			// but the provider's description requires it for S3 with
			// access keys, so it is accepted here too.
			d.allow("provider", "authenticationType", "bucket", "accessKeyId", "accessKeySecret", "region", "fileFormat", "oidcRoleArn")
			d.enum("fileFormat", fileFormats...)
			checkDestination(d)
		}
	}
	o.nullableEnum("startTrigger", recordingTriggers...)
}

func checkLiveTranscription(o *object) {
	o.allow("destination", "startTrigger", "language", "liveCaptions")
	o.require("destination", "startTrigger")
	if !o.null("destination") {
		if d := o.object("destination"); d != nil {
			d.allow("provider", "authenticationType", "bucket", "accessKeyId", "accessKeySecret", "region", "oidcRoleArn")
			checkDestination(d)
		}
	}
	o.nullableEnum("startTrigger", transcriptionTriggers...)
	if !o.null("language") {
		if s, ok := o.str("language"); ok {
			lang := strings.TrimSuffix(s, ",")
			if !slices.Contains(transcriptionLanguages, lang) {
				o.p.add("%s must be one of [%s]", o.name("language"), strings.Join(transcriptionLanguages, ", "))
			}
		}
	}
	o.boolean("liveCaptions")
}

// checkDestination applies the provider rules of the recording and
// transcription destinations: "s3 - ... accessKey - The bucket, region,
// accessKeyId and accessKeySecret fields are required for this option.
// roleBased - The bucket and oidcRoleArn fields are required for this
// option." An S3 destination without authenticationType uses access keys,
// the method that predates role-based access. oidcRoleArn is "Only available
// when authenticationType is set to roleBased".
func checkDestination(d *object) {
	d.require("provider")
	provider, _ := d.enum("provider", providers...)
	auth, hasAuth := d.enum("authenticationType", authTypes...)
	for _, f := range []string{"bucket", "accessKeyId", "accessKeySecret", "region", "oidcRoleArn"} {
		d.nonEmpty(f)
	}
	if d.present("oidcRoleArn") && auth != "roleBased" {
		d.p.add("%s is only available when %s is roleBased", d.name("oidcRoleArn"), d.name("authenticationType"))
	}
	if provider != "s3" || (!hasAuth && d.present("authenticationType")) {
		return
	}
	if auth == "roleBased" {
		d.require("bucket", "oidcRoleArn")
	} else {
		d.require("bucket", "region", "accessKeyId", "accessKeySecret")
	}
}

func checkStreaming(o *object) {
	o.allow("destination", "startTrigger")
	o.require("destination", "startTrigger")
	if d := o.object("destination"); d != nil {
		d.allow("url")
		d.require("url")
		// "The destination RTMP URI of the stream", e.g.
		// rtmp://a.rtmp.youtube.com/live2/<stream_key>.
		if s, ok := d.nonEmpty("url"); ok {
			u, err := url.Parse(s)
			if err != nil || (u.Scheme != "rtmp" && u.Scheme != "rtmps") || u.Host == "" {
				d.p.add("%s must be an rtmp:// or rtmps:// URI", d.name("url"))
			}
		}
	}
	o.nullableEnum("startTrigger", streamingTriggers...)
}

// compact is a validated JSON value without its insignificant spaces, for
// storage.
func compact(raw json.RawMessage) json.RawMessage {
	var buf bytes.Buffer
	if json.Compact(&buf, raw) != nil {
		return raw
	}
	return buf.Bytes()
}
