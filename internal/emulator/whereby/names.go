package whereby

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
)

// humanShortAlphabet are the "six distinguishable characters" of a
// human-short room name: lowercase letters and digits without the ones that
// read alike (0/o, 1/l/i).
const humanShortAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// newUUID returns a random (version 4) UUID in the usual 8-4-4-4-12 form:
// meeting IDs look like the document's "9cf691bf-f2d5-4420-bda9-ee8607bb558b",
// and uuid room names follow "the usual 8-4-4-4-12 pattern".
func newUUID() string {
	b := randBytes(16)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// newRoomName returns "/" + prefix + a random part in pattern, like the
// document's "/room-prefix-793e9ec1-c686-423d-9043-9b7a10c553fd". The
// prefix is put in front as it is (the document: "used as the prefix for the
// room name"), with no separator added: that example reads as the prefix
// "room-prefix-", and a user who wants a dash writes one, as NOTES.md allows.
func newRoomName(prefix, pattern string) string {
	if pattern == "human-short" {
		b := randBytes(6)
		for i := range b {
			b[i] = humanShortAlphabet[int(b[i])%len(humanShortAlphabet)]
		}
		return "/" + prefix + string(b)
	}
	return "/" + prefix + newUUID()
}

// newKey returns the secret that makes a room URL a host's or a viewer's.
func newKey() string { return hex.EncodeToString(randBytes(16)) }

func randBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+).
	return b
}
