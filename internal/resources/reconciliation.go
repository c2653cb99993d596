package resources

import "fmt"

// reconciliation is the sentence of a resource's description that says how
// a create whose answer was lost is settled (client.Adopt, and the natural
// key the platform's client looks for): object is what is created, key
// what it is known by.
func reconciliation(object, key string) string {
	return fmt.Sprintf("Reconciliation: when the answer to a create is lost (a 5xx, a dropped connection, no answer in time), "+
		"the provider does not create blindly again; it looks for the %s by %s, and adopts it. "+
		"If none is there it creates it, and if several match it fails and names them.", object, key)
}
