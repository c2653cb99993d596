package portsip

import "net/netip"

// SameAddress reports whether a and b are one IP address however written:
// the PBX may give back "2001:db8:0::1" as "2001:db8::1" or "2001:DB8::1".
// Values that are not addresses (an empty one, say) are the same only when
// equal. A create looks for its server with it (CreateServer), and the
// server's Read keeps the configured spelling with it (portsipmap).
func SameAddress(a, b string) bool {
	if a == b {
		return true
	}
	x, errX := netip.ParseAddr(a)
	y, errY := netip.ParseAddr(b)
	return errX == nil && errY == nil && x == y
}
