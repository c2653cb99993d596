package acctest

import "sync"

// ReadAll calls read for each of ids from parallelism goroutines, as a
// Terraform refresh reads its resources (-parallelism, 10 by default), and
// returns when every read has returned.
func ReadAll(ids []string, parallelism int, read func(id string)) {
	next := make(chan string)
	var wg sync.WaitGroup
	for range parallelism {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range next {
				read(id)
			}
		}()
	}
	for _, id := range ids {
		next <- id
	}
	close(next)
	wg.Wait()
}
