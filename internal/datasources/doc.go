// Package datasources holds the provider's data sources, one per file: singular
// lookups, plural lists with each platform's own filters, and read-only views of
// live state such as room status and participants.
package datasources
