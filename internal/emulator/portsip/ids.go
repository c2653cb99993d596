package portsip

import (
	"crypto/rand"
	"encoding/base32"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"strings"
)

// newID returns an opaque resource ID in the shape of the spec's example
// "NzAwNTUxOTA5NzczMTQ4MTYw", which is the base64 of an 18-digit decimal
// (portsip-openapi-conference.json, "Resource ID": clients treat it as opaque).
// The alphabet of such strings never includes '+' or '/', so IDs are safe in
// URL paths.
func newID() string {
	n := 100_000_000_000_000_000 + randUint64()%900_000_000_000_000_000
	return base64.StdEncoding.EncodeToString([]byte(strconv.FormatUint(n, 10)))
}

// newToken returns a bearer token like the spec's example
// "NGMZZGRMZMQTNJG4YS0ZMJY3LWI1MTUTNWZJYTDIZDA4ODAY": 48 upper-case characters.
func newToken() string {
	return base32.StdEncoding.EncodeToString(randBytes(30))
}

// newRoomToken returns a room's access token like the spec's example
// "4DFCF1D4C30B4D798ECE3AE43769F008".
func newRoomToken() string {
	return strings.ToUpper(hex.EncodeToString(randBytes(16)))
}

func randUint64() uint64 {
	return binary.BigEndian.Uint64(randBytes(8))
}

func randBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+).
	return b
}

// newBlobID returns the last segment of a recording's file_url, like the
// spec's example "/api/blobs/WexWdABcd5D4PDgzTKV3gAAAEu00WcK".
func newBlobID() string {
	return base64.RawURLEncoding.EncodeToString(randBytes(23))
}
