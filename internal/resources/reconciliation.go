package resources

import "fmt"

// reconciliation is the sentence that ends a resource's description and
// points to how a create whose answer was lost is settled (client.Adopt, and
// the natural key the platform's client looks for, which the guide's table
// gives for each resource): object is what is created.
func reconciliation(object string) string {
	return fmt.Sprintf("If the answer to a create is lost (a 5xx, a dropped connection, no answer in time), "+
		"the provider looks for the %s it may have made instead of creating a second one: "+
		"see the guide [Coming through a bad network](../guides/bad-networks#a-create-whose-answer-is-lost).", object)
}
