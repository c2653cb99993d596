// Command load drives an in-process conference-emulator over loopback with
// concurrent clients that create, read, list and delete objects on every
// platform, reports requests per second and latency percentiles, and checks
// at the end that the emulator holds exactly the objects the clients did not
// delete: none lost, none duplicated.
//
//	go run ./bench/load -clients 64 -requests 200000 -duration 30s
//
// The run is bounded in count (-requests) and time (-duration), whichever
// comes first. GOMAXPROCS (the environment variable) sets the cores, which
// the emulator and the clients share. It exits 1 on a failed request or a
// failed check; speed is reported, never asserted (see -min-rps and -max-p99
// for a run that should fail below a target).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/emulator/lineplanet"
)

func main() {
	cfg, err := parseFlags()
	if err == nil {
		err = load(cfg, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

type config struct {
	clients  int
	requests int64
	duration time.Duration
	maxLive  int
	minRPS   float64
	maxP99   time.Duration
	profile  string
}

func parseFlags() (config, error) {
	var cfg config
	flag.IntVar(&cfg.clients, "clients", 64, "concurrent clients, spread over the four platforms")
	flag.Int64Var(&cfg.requests, "requests", 200_000, "stop after this many requests")
	flag.DurationVar(&cfg.duration, "duration", 30*time.Second, "stop after this long")
	flag.IntVar(&cfg.maxLive, "max-live", 8, "objects a client keeps at most; it deletes beyond")
	flag.Float64Var(&cfg.minRPS, "min-rps", 0, "fail below this many requests per second (0: report only)")
	flag.DurationVar(&cfg.maxP99, "max-p99", 0, "fail above this 99th percentile latency (0: report only)")
	flag.StringVar(&cfg.profile, "cpuprofile", "", "write a CPU profile of the run (emulator and clients) to this `file`")
	flag.Parse()
	if cfg.clients < 1 || cfg.requests < 1 || cfg.maxLive < 1 {
		return cfg, errors.New("-clients, -requests and -max-live must be positive")
	}
	return cfg, nil
}

// load runs the load against a new emulator and writes the report to out.
func load(cfg config, out io.Writer) error {
	// LINE Planet's documented limit (100 requests per second per service)
	// would measure the limiter, not the emulator: it is off here.
	emu, err := emulator.New(emulator.Options{LinePlanet: lineplanet.Options{RequestsPerSecond: -1}})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: emu, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	c := &client{
		base: "http://" + ln.Addr().String(),
		http: &http.Client{Transport: &http.Transport{MaxIdleConns: 4 * cfg.clients, MaxIdleConnsPerHost: 4 * cfg.clients}},
	}
	targets, err := newTargets(c)
	if err != nil {
		return err
	}
	if cfg.profile != "" {
		f, err := os.Create(cfg.profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	ctx, cancel := context.WithTimeout(context.Background(), cfg.duration)
	defer cancel()
	var budget atomic.Int64
	budget.Store(cfg.requests)
	workers := make([]*worker, cfg.clients)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range workers {
		w := &worker{id: i, c: c, t: targets[i%len(targets)], rng: rand.New(rand.NewPCG(uint64(i), 1)), maxLive: cfg.maxLive}
		workers[i] = w
		wg.Go(func() { w.loop(ctx, &budget) })
	}
	wg.Wait()
	elapsed := time.Since(start)

	var lat []time.Duration
	var errs []error
	for _, w := range workers {
		lat = append(lat, w.latencies...)
		errs = append(errs, w.errs...)
	}
	slices.Sort(lat)
	rps := float64(len(lat)) / elapsed.Seconds()
	p50, p99 := percentile(lat, 0.50), percentile(lat, 0.99)
	fmt.Fprintf(out, "clients %d, GOMAXPROCS %d: %d requests in %s: %.0f requests/s, p50 %s, p99 %s, max %s\n",
		cfg.clients, runtime.GOMAXPROCS(0), len(lat), elapsed.Round(time.Millisecond), rps,
		p50.Round(time.Microsecond), p99.Round(time.Microsecond), percentile(lat, 1).Round(time.Microsecond))
	for _, t := range targets {
		fmt.Fprintf(out, "  %-10s %s\n", t.name(), t.counts())
	}

	if len(errs) > 0 {
		return fmt.Errorf("%d requests failed; the first: %w", len(errs), errs[0])
	}
	if err := check(targets, workers); err != nil {
		return err
	}
	fmt.Fprintln(out, "every object the clients kept is there, once; nothing else is")
	switch {
	case cfg.minRPS > 0 && rps < cfg.minRPS:
		return fmt.Errorf("%.0f requests/s is below -min-rps %.0f", rps, cfg.minRPS)
	case cfg.maxP99 > 0 && p99 > cfg.maxP99:
		return fmt.Errorf("p99 %s is above -max-p99 %s", p99, cfg.maxP99)
	}
	return nil
}

func percentile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(q*float64(len(sorted))))]
}

// check lists every platform's objects through its API and compares them
// with what the clients created and did not delete.
func check(targets []target, workers []*worker) error {
	for _, t := range targets {
		want := map[string]bool{}
		for _, w := range workers {
			if w.t == t {
				for _, id := range w.live {
					want[id] = true
				}
			}
		}
		got, err := t.all()
		if err != nil {
			return fmt.Errorf("%s: listing: %w", t.name(), err)
		}
		seen := map[string]bool{}
		for _, id := range got {
			switch {
			case seen[id]:
				return fmt.Errorf("%s: object %s is listed twice", t.name(), id)
			case !want[id] && !t.fixture(id):
				return fmt.Errorf("%s: object %s was deleted or never created, and is there", t.name(), id)
			}
			seen[id] = true
		}
		for id := range want {
			if !seen[id] {
				return fmt.Errorf("%s: object %s was created and not deleted, and is gone", t.name(), id)
			}
		}
	}
	return nil
}

// worker is one client: it keeps the IDs of the objects it created on its
// platform and has not deleted.
type worker struct {
	id        int
	c         *client
	t         target
	rng       *rand.Rand
	maxLive   int
	live      []string
	seq       int
	latencies []time.Duration
	errs      []error
}

func (w *worker) loop(ctx context.Context, budget *atomic.Int64) {
	for ctx.Err() == nil && budget.Add(-1) >= 0 {
		begin := time.Now()
		err := w.step()
		w.latencies = append(w.latencies, time.Since(begin))
		if err != nil {
			w.errs = append(w.errs, fmt.Errorf("%s client %d: %w", w.t.name(), w.id, err))
			if len(w.errs) > 10 {
				return
			}
		}
	}
}

// step is one request: create 30%, read 35%, list 15%, delete 20%, with a
// create when the client has nothing and a delete when it has its fill.
func (w *worker) step() error {
	op := w.rng.IntN(100)
	switch {
	case len(w.live) == 0 || (op < 30 && len(w.live) < w.maxLive):
		w.seq++
		id, err := w.t.create(w.id, w.seq)
		if err != nil {
			return err
		}
		w.live = append(w.live, id)
		return nil
	case op < 30 || op >= 80:
		i := w.rng.IntN(len(w.live))
		if err := w.t.delete(w.live[i]); err != nil {
			return err
		}
		w.live = slices.Delete(w.live, i, i+1)
		return nil
	case op < 65:
		return w.t.read(w.live[w.rng.IntN(len(w.live))])
	default:
		return w.t.list(w.id)
	}
}
