//go:build !unix

package profiling

// peakRSS is not measured where getrusage does not exist.
func peakRSS() (int64, bool) { return 0, false }
