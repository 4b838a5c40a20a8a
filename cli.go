package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/detente/detente/graph"
)

// importFile imports a JSON batch from path ("-" for stdin).
func importFile(ctx context.Context, s graph.Store, path string, dry bool, stdout, stderr io.Writer) error {
	var r io.Reader = os.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<20))
	dec.DisallowUnknownFields()
	var b graph.Batch
	if err := dec.Decode(&b); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if dec.More() {
		return fmt.Errorf("%s: trailing data after the JSON batch", path)
	}
	res, err := s.Import(ctx, b, dry)
	if err != nil {
		if ge, ok := err.(*graph.Error); ok {
			for _, f := range ge.Fields {
				fmt.Fprintf(stderr, "  %s: %s\n", f.Path, f.Message)
			}
		}
		return err
	}
	out, _ := json.MarshalIndent(res, "", "  ")
	fmt.Fprintln(stdout, string(out))
	return nil
}

// exportTo writes the whole graph as an indented JSON batch.
func exportTo(ctx context.Context, s graph.Store, w io.Writer) error {
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
