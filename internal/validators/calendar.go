package validators

import (
	"fmt"
	"strconv"
	"time"
)

// ExplainDate says why the YYYY-MM-DD that s starts with is not a day of the
// calendar ("February 2027 has 28 days, so 2027-02-30 does not exist"), or
// returns "" when it is one or when s does not start with digits in that
// shape: then the format is what is wrong, and the caller says so. time.Parse
// reports both as a parse error, and a user who wrote the 30th of February
// would go looking for a mistake in the format.
func ExplainDate(s string) string {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return ""
	}
	year, errY := strconv.Atoi(s[0:4])
	month, errM := strconv.Atoi(s[5:7])
	day, errD := strconv.Atoi(s[8:10])
	if errY != nil || errM != nil || errD != nil || !digits(s[0:4]+s[5:7]+s[8:10]) {
		return ""
	}
	if month < 1 || month > 12 {
		return fmt.Sprintf("%s does not exist: there is no month %02d (months are 01 to 12)", s[0:10], month)
	}
	last := daysIn(year, time.Month(month))
	if day < 1 || day > last {
		return fmt.Sprintf("%s does not exist: %s %d has %d days", s[0:10], time.Month(month), year, last)
	}
	return ""
}

// ExplainClock says why the hh:mm:ss that follows the date and "T" in an RFC
// 3339 time is not a time of day ("hour 24 does not exist"), or returns "".
func ExplainClock(s string) string {
	if len(s) < 19 || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':' || !digits(s[11:13]+s[14:16]+s[17:19]) {
		return ""
	}
	h, _ := strconv.Atoi(s[11:13])
	m, _ := strconv.Atoi(s[14:16])
	sec, _ := strconv.Atoi(s[17:19])
	switch {
	case h > 23:
		return fmt.Sprintf("%s is not a time of day: hours are 00 to 23", s[11:19])
	case m > 59:
		return fmt.Sprintf("%s is not a time of day: minutes are 00 to 59", s[11:19])
	case sec > 59:
		return fmt.Sprintf("%s is not a time of day: seconds are 00 to 59", s[11:19])
	}
	return ""
}

func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// ExplainRFC3339 says why s, an RFC 3339 time that time.Parse refused, names
// a day or a time of day that does not exist ("2027-02-30 does not exist:
// February 2027 has 28 days"), or returns "" when s would still be refused
// with a real day and time of day in their places: then the format is wrong.
func ExplainRFC3339(s string) string {
	if why := ExplainDate(s); why != "" {
		if _, err := time.Parse(time.RFC3339, "2000-01-01"+s[10:]); err == nil {
			return why
		}
		return ""
	}
	if why := ExplainClock(s); why != "" {
		if _, err := time.Parse(time.RFC3339, s[:11]+"00:00:00"+s[19:]); err == nil {
			return why
		}
	}
	return ""
}
