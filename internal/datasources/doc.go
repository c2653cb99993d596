// Package datasources holds the provider's data sources, one per file: singular
// lookups, plural lists with each platform's own filters, and read-only views of
// live state such as room status and participants. base.go is what every data
// source shares; shared_*.go are implementations that several data sources
// share (a PortSIP room's and a meeting's lookup, list, status and
// participants), named so that no one takes them for data sources.
package datasources
