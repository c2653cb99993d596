// Command conference-export writes an import block for every object of the
// conferencing platforms the environment configures, so that an existing
// estate comes under Terraform or OpenTofu management in three commands:
//
//	conference-export -out imports.tf
//	terraform plan -generate-config-out=generated.tf
//	terraform apply
//
// It reads the provider's environment variables (PORTSIP_*, LINE_PLANET_*,
// SQMEETING_*, WHEREBY_*); a platform with none set is skipped. See the guide
// "Bringing an existing estate under management".
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	_ "time/tzdata" // -sqmeeting-timezone works on hosts without a zone database

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/export"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
)

// version is set at build time: -ldflags "-X main.version=1.2.3" (goreleaser does).
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, export.NewProgress(os.Stderr))
	stop()
	os.Exit(code)
}

// list is a flag that may be given more than once.
type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

// run is the command: its exit code is 0 on success, 1 when the export
// failed and 2 for a usage error.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, progress *export.Progress) int {
	fs := flag.NewFlagSet("conference-export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		out, name, zone   string
		plats, types, lrs list
		insecure, showVer bool
	)
	fs.StringVar(&out, "out", "", "the file to write the import blocks to, e.g. imports.tf (- for standard output)")
	fs.Var(&plats, "platform", "export this platform only: portsip, lineplanet (or line_planet), sqmeeting, whereby; may be repeated")
	fs.Var(&types, "type", "export this resource type only, e.g. conference_portsip_room; may be repeated")
	fs.StringVar(&name, "name", "", "export only the objects whose resource name or label (subject, name) this regular expression matches")
	fs.Var(&lrs, "line-room", "a LINE Planet room to export the meeting IDs of, as ROOM_SERVICE_ID/ROOM_ID (LINE Planet cannot list rooms); may be repeated")
	fs.StringVar(&zone, "sqmeeting-timezone", sqmeetingmap.DefaultTimezone, "the IANA time zone SQMeeting recurring meetings are imported with (SQMeeting does not store it)")
	fs.BoolVar(&insecure, "insecure-skip-verify", false, "do not verify the platforms' TLS certificates, as the provider's insecure_skip_verify")
	fs.BoolVar(&showVer, "version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: conference-export -out imports.tf [-platform NAME]... [-type TYPE]... [-name REGEX] [-line-room SVC/ROOM]...\n\n"+
			"Writes an import block for every object of the platforms the provider's environment variables configure.\n"+
			"Then: terraform plan -generate-config-out=generated.tf, and terraform apply.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if showVer {
		fmt.Fprintln(stdout, "conference-export", version)
		return 0
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "conference-export: "+format+"\n", a...)
		return 2
	}
	if fs.NArg() > 0 {
		return usage("unexpected argument %q; every setting is a flag", fs.Arg(0))
	}
	if out == "" {
		return usage("-out is required: the file to write the import blocks to, such as imports.tf")
	}
	opts := export.Options{
		Platforms: plats, Types: types, LineRooms: lrs, SQMeetingTimezone: zone, Progress: progress,
		HTTP: client.Config{UserAgent: "conference-export/" + version, InsecureSkipVerify: insecure},
	}
	if name != "" {
		re, err := regexp.Compile(name)
		if err != nil {
			return usage("-name: %v", err)
		}
		opts.Name = re
	}
	for _, r := range lrs {
		if _, _, err := export.LineRoom(r); err != nil {
			return usage("%v", err)
		}
	}

	res, err := export.Run(ctx, opts)
	if err != nil {
		fmt.Fprintf(stderr, "conference-export: %v\n", err)
		return 1
	}
	var buf bytes.Buffer
	if err := export.Write(&buf, res); err != nil {
		fmt.Fprintf(stderr, "conference-export: %v\n", err)
		return 1
	}
	if out == "-" {
		_, err = stdout.Write(buf.Bytes())
	} else {
		err = replaceFile(out, buf.Bytes())
	}
	if err != nil {
		fmt.Fprintf(stderr, "conference-export: %v\n", err)
		return 1
	}
	for _, n := range res.Notes {
		fmt.Fprintf(stderr, "%s\n", n)
	}
	fmt.Fprintf(stderr, "Wrote %s.\n", summary(res, out))
	return 0
}

// summary is "12 import blocks to imports.tf (conference_portsip_room 3, ...)".
func summary(res *export.Result, out string) string {
	where := out
	if out == "-" {
		where = "standard output"
	}
	counts := map[string]int{}
	for _, o := range res.Objects {
		counts[o.Type]++
	}
	var parts []string
	for _, t := range export.Types() {
		if counts[t] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", t, counts[t]))
		}
	}
	s := fmt.Sprintf("%d import blocks to %s", len(res.Objects), where)
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	return s
}

// replaceFile replaces path in one step, so that an interrupted run never
// leaves half a file for the next plan to read.
func replaceFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after the rename, there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
