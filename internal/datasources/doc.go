// Package datasources holds the provider's data sources, one per file:
// singular lookups, plural lists with each platform's own filters, and
// read-only views of live state such as room status and participants.
//
// base.go is what every data source shares. Most data sources are not
// types of their own but declarations of one of two generic ones: lookup
// (lookup.go: one object read by its id into the mapper's model) and
// listing (listing.go: every object a query matches, as a list of the
// mapper's models). A declaration names the type, its description, its
// arguments and the client's call; the constructor the provider registers
// returns it. shared_*.go and whereby_collection.go declare families of
// them (a PortSIP room's and a meeting's lookup, list, status and
// participants; Whereby's collections), named so that no one takes them
// for data sources. A data source whose read fits neither (LINE Planet's
// meeting ID, SQMeeting's system) embeds base and writes its own Schema
// and Read.
package datasources
