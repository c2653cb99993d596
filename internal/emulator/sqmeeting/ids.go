package sqmeeting

import (
	"crypto/rand"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"math/big"
	"regexp"
)

// uuidPattern is a UUID in its canonical 8-4-4-4-12 form. The document only
// says client_id=$client_id; the vendor's clients send a UUID (FrtcUUID), and
// the emulator takes any well-formed one.
var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// newUUID returns a random (version 4) UUID, the shape of the document's
// "{user_id}" ("xxxxxxx_user_uuid") and of reservation and group IDs.
func newUUID() string {
	b := randBytes(16)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return formatUUID(b)
}

// stableID is a name-based UUID: the same kind and name always give the same
// ID, so that seeded users and rooms keep their IDs across restarts.
func stableID(kind, name string) string {
	sum := sha1.Sum([]byte("sqmeeting-emulator/" + kind + "/" + name)) //nolint:gosec // an ID, not a secret
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return formatUUID(b)
}

func formatUUID(b []byte) string {
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// newToken returns a user_token: 40 hex digits.
func newToken() string { return hex.EncodeToString(randBytes(20)) }

// digits returns n random decimal digits, for meeting passwords (the
// document's examples are six digits: "111111", "123456") and numbers.
func digits(n int) string {
	s := make([]byte, n)
	for i := range s {
		s[i] = byte('0' + randDigit(10))
	}
	return string(s)
}

// urlCode is the last segment of a meeting_url, like the document's
// "https://xxxxx/j/oP5idgfEmt0p": 12 letters and digits.
func urlCode() string {
	const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	s := make([]byte, 12)
	for i := range s {
		s[i] = alphabet[randDigit(int64(len(alphabet)))]
	}
	return string(s)
}

// newMeetingNumber returns a meeting number no meeting or room has: eight
// digits like the document's "12345678", never starting with 0 or 9 (the
// seeded rooms are 9000000N). The caller holds the write lock.
func (a *API) newMeetingNumber() string {
	for {
		n := fmt.Sprintf("%d%s", 1+randDigit(8), digits(7))
		if !a.numbers[n] {
			a.numbers[n] = true
			return n
		}
	}
}

// randDigit returns a random number in [0, n).
func randDigit(n int64) int64 {
	d, _ := rand.Int(rand.Reader, big.NewInt(n))
	return d.Int64()
}

func randBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+).
	return b
}
