package recurrence

import (
	"fmt"
	"time"
)

// LoadZone loads an IANA time zone, refusing "" and "Local", which
// time.LoadLocation reads as UTC and as the machine's zone.
func LoadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("%q is not an IANA time zone", name)
	}
	return time.LoadLocation(name)
}
