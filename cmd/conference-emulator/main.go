// Command conference-emulator serves stateful emulations of the PortSIP, LINE
// Planet, SQMeeting and Whereby REST APIs, for testing Terraform configurations
// without the real platforms.
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // -sqmeeting-timezone works on hosts without a zone database

	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "conference-emulator:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("conference-emulator", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8787", "address to listen on")
	stateFile := fs.String("state-file", "", "file to keep state in across restarts (none: state lives in memory)")
	seedFile := fs.String("seed", "", "JSON `file` of users and objects to load at start (when -state-file has no state yet) and after every reset")
	faultSeed := fs.String("fault-seed", "", "`integer` seeding the random source of fault rules that give no seed, so that a run repeats (default: random)")
	quiet := fs.Bool("quiet", false, "do not log each request")
	var platformAddrs platformListeners
	fs.Var(&platformAddrs, "platform-addr", "also serve one platform alone on its own address, as NAME=ADDR (portsip, lineplanet, sqmeeting, whereby); repeatable")
	urlFile := fs.String("url-file", "", "write the base URL to this file once listening (useful with -addr 127.0.0.1:0)")
	tlsCert := fs.String("tls-cert", os.Getenv("EMULATOR_TLS_CERT"), "PEM `file` of the certificate (and its chain) to serve HTTPS with, on every address; with -tls-key. $EMULATOR_TLS_CERT")
	tlsKey := fs.String("tls-key", os.Getenv("EMULATOR_TLS_KEY"), "PEM `file` of the private key of -tls-cert. $EMULATOR_TLS_KEY")
	psTTL := fs.Duration("portsip-token-ttl", portsip.DefaultTokenTTL, "lifetime of PortSIP access tokens")
	var psUsers userFlag
	fs.Var(&psUsers, "portsip-user", "PortSIP user besides the administrator, as `NAME=PASSWORD`; repeatable. "+
		"Given, the users replace the defaults ("+portsip.AliceUsername+"="+portsip.AlicePassword+", "+portsip.BobUsername+"="+portsip.BobPassword+"); "+
		"without the flag, $EMULATOR_PORTSIP_USERS (\"name=pass,name2=pass2\", empty for none) does")
	sqZone := fs.String("sqmeeting-timezone", envOr("EMULATOR_SQMEETING_TIMEZONE", "UTC"), "IANA time zone in which SQMeeting expands recurring meetings")
	wbURL := fs.String("whereby-public-url", whereby.DefaultPublicURL, "base of the Whereby room URLs the emulator hands out")
	wbPoints := fs.Int("whereby-points-per-minute", 0, "Whereby rate budget in points per minute (GET 1, DELETE 2, POST 3); 0 means no limit")
	creds := credentialFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	tlsCfg, err := serverTLS(*tlsCert, *tlsKey)
	if err != nil {
		return err
	}
	sqLoc, err := time.LoadLocation(*sqZone)
	if err != nil {
		return fmt.Errorf("-sqmeeting-timezone: %w", err)
	}

	users, err := psUsers.resolve(creds.get(&platforms.PortSIP, "username"))
	if err != nil {
		return err
	}
	var seed []byte
	if *seedFile != "" {
		if seed, err = os.ReadFile(*seedFile); err != nil {
			return fmt.Errorf("-seed: %w", err)
		}
	}
	var fseed *int64
	if *faultSeed != "" {
		n, err := strconv.ParseInt(*faultSeed, 10, 64)
		if err != nil {
			return fmt.Errorf("-fault-seed: want an integer, got %q", *faultSeed)
		}
		fseed = &n
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	opts := emulator.Options{
		PortSIP:     portsip.Options{Users: users, TokenTTL: *psTTL},
		SQMeeting:   sqmeeting.Options{TimeZone: sqLoc},
		Whereby:     whereby.Options{PublicURL: *wbURL, PointsPerMinute: *wbPoints},
		Credentials: creds.values(),
		StateFile:   *stateFile,
		Seed:        seed,
		FaultSeed:   fseed,
	}
	if !*quiet {
		opts.Logger = logger
	}
	emu, err := emulator.New(opts)
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: emu, ReadHeaderTimeout: 10 * time.Second, TLSConfig: tlsCfg}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	errc := make(chan error, 1+len(platformAddrs))
	go func() { errc <- serve(srv, ln) }()
	scheme := "http://"
	if tlsCfg != nil {
		scheme = "https://"
	}
	baseURL := scheme + ln.Addr().String()
	logger.Info("conference-emulator listening", "url", baseURL, "state_file", *stateFile)
	servers := []*http.Server{srv}
	for _, pa := range platformAddrs {
		h, err := emu.PlatformHandler(pa.name)
		if err != nil {
			return err
		}
		pln, err := net.Listen("tcp", pa.addr)
		if err != nil {
			return err
		}
		psrv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, TLSConfig: tlsCfg}
		servers = append(servers, psrv)
		go func() { errc <- serve(psrv, pln) }()
		logger.Info("serving one platform", "platform", pa.name, "url", scheme+pln.Addr().String())
	}
	if *urlFile != "" {
		if err := os.WriteFile(*urlFile, []byte(baseURL+"\n"), 0o600); err != nil {
			return err
		}
	}

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, s := range servers {
		if err := s.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	}
	return emu.Save()
}

// serverTLS loads -tls-cert and -tls-key, which come together; nil when
// neither is given, and the emulator serves plain HTTP.
func serverTLS(certFile, keyFile string) (*tls.Config, error) {
	switch {
	case certFile == "" && keyFile == "":
		return nil, nil
	case certFile == "" || keyFile == "":
		return nil, errors.New("-tls-cert and -tls-key come together: give both, or neither for plain HTTP")
	}
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, fmt.Errorf("-tls-cert %q, -tls-key %q: %w", certFile, keyFile, err)
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
}

// serve serves HTTPS when srv has a TLS configuration, else plain HTTP.
func serve(srv *http.Server, ln net.Listener) error {
	if srv.TLSConfig != nil {
		return srv.ServeTLS(ln, "", "")
	}
	return srv.Serve(ln)
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

type platformListener struct{ name, addr string }

// platformListeners is the repeatable -platform-addr flag.
type platformListeners []platformListener

func (p *platformListeners) String() string { return fmt.Sprint(*p) }

func (p *platformListeners) Set(v string) error {
	name, addr, ok := strings.Cut(v, "=")
	if !ok || name == "" || addr == "" {
		return fmt.Errorf("want NAME=ADDR, such as lineplanet=127.0.0.1:8788; got %q", v)
	}
	*p = append(*p, platformListener{name: name, addr: addr})
	return nil
}

// userFlag is the repeatable -portsip-user NAME=PASSWORD.
type userFlag struct{ entries []string }

func (u *userFlag) String() string { return strings.Join(u.entries, ",") }

func (u *userFlag) Set(v string) error {
	u.entries = append(u.entries, v)
	return nil
}

// resolve is the PortSIP standard users: the flags, else
// EMULATOR_PORTSIP_USERS, else nil (the emulator's defaults). admin is the
// administrator's name, which no standard user may take.
func (u *userFlag) resolve(admin string) (map[string]string, error) {
	entries, source := u.entries, "-portsip-user"
	if len(entries) == 0 {
		env, set := os.LookupEnv("EMULATOR_PORTSIP_USERS")
		if !set {
			return nil, nil
		}
		entries, source = strings.Split(env, ","), "EMULATOR_PORTSIP_USERS"
		if strings.TrimSpace(env) == "" {
			entries = nil
		}
	}
	users := map[string]string{}
	for _, e := range entries {
		name, password, ok := strings.Cut(strings.TrimSpace(e), "=")
		switch {
		case !ok || name == "" || password == "":
			return nil, fmt.Errorf("%s: want NAME=PASSWORD, such as carol=carol-password; got %q", source, e)
		case len([]rune(name)) > 64:
			// The sign-in body's username is 1 to 64 characters.
			return nil, fmt.Errorf("%s: user name %q is longer than 64 characters", source, name)
		case name == admin:
			return nil, fmt.Errorf("%s: %q is the administrator; set its password with -portsip-password", source, name)
		case users[name] != "":
			return nil, fmt.Errorf("%s: user %q is given twice", source, name)
		}
		users[name] = password
	}
	return users, nil
}
