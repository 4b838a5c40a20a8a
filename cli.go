package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph"
	"github.com/detente/detente/ingest"
)

// importFile imports a JSON batch from path ("-" for stdin) with the rules
// of POST /api/v1/import. On a terminal it shows a progress bar while the
// file is read and the stage it is at after that; the import itself is
// all or nothing (on Neo4j a large batch spans several transactions, see
// README "Large imports on Neo4j", but the store reports no progress).
func importFile(ctx context.Context, s *graph.Store, path string, dry bool, stdout, stderr io.Writer) error {
	var (
		r    io.Reader = os.Stdin
		size int64     = -1
	)
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil {
			size = st.Size()
		}
		r = f
	}
	tty := false
	if f, ok := stderr.(*os.File); ok {
		tty = isatty.IsTerminal(f.Fd())
	}
	stage := func(string) {}
	var buf bytes.Buffer
	if size > 0 {
		buf.Grow(int(size))
	}
	if tty {
		bar := progressbar.DefaultBytes(size, "reading "+path)
		r = io.TeeReader(r, bar)
		start := time.Now()
		stage = func(what string) { fmt.Fprintf(stderr, "%s… (%.1fs)\n", what, time.Since(start).Seconds()) }
	}
	if _, err := buf.ReadFrom(r); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	stage("\nchecking the batch")
	reg, err := s.RelationshipTypes(ctx)
	if err != nil {
		return err
	}
	b, err := api.DecodeBatch(buf.Bytes(), reg)
	if err == nil {
		stage(fmt.Sprintf("importing %d actors and %d relationships", len(b.Actors), len(b.Relationships)))
		var res graph.ImportResult
		if res, err = s.Import(ctx, b, dry); err == nil {
			stage("done")
			out, _ := json.MarshalIndent(res, "", "  ")
			fmt.Fprintln(stdout, string(out))
			return nil
		}
	}
	var ge *graph.Error
	if !errors.As(err, &ge) || ge.Code != graph.EINVALID {
		return err
	}
	fields := ge.Fields
	// As over HTTP: the checks of the batch as a whole (missing endpoints,
	// duplicate ids) are the store's; a dry run adds them to the report.
	if _, derr := s.Import(ctx, b, true); errors.As(derr, &ge) && ge.Code == graph.EINVALID {
		seen := map[string]bool{}
		for _, f := range fields {
			seen[f.Path+f.Message] = true
		}
		for _, f := range ge.Fields {
			if !seen[f.Path+f.Message] {
				fields = append(fields, f)
			}
		}
	}
	for _, f := range fields {
		fmt.Fprintf(stderr, "  %s: %s\n", f.Path, f.Message)
	}
	return fmt.Errorf("%s: %d problems; nothing was written", path, len(fields))
}

// exportTo writes the whole graph as an indented JSON batch.
func exportTo(ctx context.Context, s *graph.Store, w io.Writer) error {
	b, err := s.Export(ctx)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return err
	}
	return bw.Flush()
}

// ingestFiles runs ingest.Run over the named files ("-" for stdin; .gz
// and single-file .zip archives are read decompressed), printing progress
// to stderr — rows read and their rate, at most once a second, on one
// line on a terminal — and the summary as JSON to stdout.
func ingestFiles(ctx context.Context, s *graph.Store, paths []string, o ingest.Options, stdout, stderr io.Writer) error {
	var inputs []ingest.Input
	for _, p := range paths {
		r, closeFn, err := openEventFile(p)
		if err != nil {
			return err
		}
		defer closeFn()
		inputs = append(inputs, ingest.Input{Name: p, R: r})
	}
	tty := false
	if f, ok := stderr.(*os.File); ok {
		tty = isatty.IsTerminal(f.Fd())
	}
	var last time.Duration
	o.Progress = func(p ingest.Progress) {
		if !p.Done && p.Elapsed-last < time.Second {
			return
		}
		last = p.Elapsed
		rate := float64(p.Rows) / max(p.Elapsed.Seconds(), 1e-3)
		msg := fmt.Sprintf("ingest: %s: %d rows read, %.0f rows/s", p.Input, p.Rows, rate)
		if p.Done {
			msg += ", done"
		}
		if tty {
			fmt.Fprintf(stderr, "\r%-78s", msg)
			if p.Done {
				fmt.Fprintln(stderr)
			}
		} else {
			fmt.Fprintln(stderr, msg)
		}
	}
	sum, err := ingest.Run(ctx, s, inputs, o)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "ingest: %d events, %d relationships created, %d updated, %d unchanged\n",
		sum.Events, sum.Relationships.Created, sum.Relationships.Updated, sum.Relationships.Unchanged)
	out, _ := json.MarshalIndent(sum, "", "  ")
	_, err = fmt.Fprintln(stdout, string(out))
	return err
}

// openEventFile opens an event file for reading, decompressing a .gz file
// or the single file of a .zip archive.
func openEventFile(path string) (io.Reader, func() error, error) {
	if path == "-" {
		return os.Stdin, func() error { return nil }, nil
	}
	if strings.HasSuffix(strings.ToLower(path), ".zip") {
		z, err := zip.OpenReader(path)
		if err != nil {
			return nil, nil, err
		}
		if len(z.File) != 1 {
			z.Close()
			return nil, nil, fmt.Errorf("%s: the archive holds %d files; ingest reads archives of one", path, len(z.File))
		}
		rc, err := z.File[0].Open()
		if err != nil {
			z.Close()
			return nil, nil, err
		}
		return rc, func() error { rc.Close(); return z.Close() }, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		return gz, f.Close, nil
	}
	return f, f.Close, nil
}
