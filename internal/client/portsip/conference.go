package portsip

import "context"

// The live-conference paths of rooms and meetings answer with the same
// schemas: one reader each.

func (c *Client) status(ctx context.Context, path string) (*ConferenceStatus, error) {
	var s ConferenceStatus
	if err := c.get(ctx, path, nil, &s); err != nil {
		return nil, err
	}
	return &s, nil
}

// participants reads a participant list, which the spec gives neither paging
// parameters nor a count: one GET.
func (c *Client) participants(ctx context.Context, path string) ([]Participant, error) {
	var out struct {
		Items []Participant `json:"items"`
	}
	if err := c.get(ctx, path, nil, &out); err != nil {
		return nil, err
	}
	return out.Items, nil
}
