package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/detente/detente/graph"
)

// MaxLine is the longest line a reader accepts. GDELT rows are under 2 KB;
// a longer line means the input is not line-oriented text at all.
const MaxLine = 1 << 20

// probeRows is how many leading rows decide whether a file is of its
// format: a file is refused when none of them has the format's shape, so
// that one malformed first row (a tab in a name) does not refuse a file.
const probeRows = 3

// lines reads a text file line by line, numbering lines from 1, skipping
// blank ones and dropping a trailing carriage return. The first rows can
// be read ahead (probe) and are then handed out again.
type lines struct {
	sc      *bufio.Scanner
	n       int      // number of the line last read
	pending []string // lines read ahead by probe, with their numbers
	pendNo  []int
}

func newLines(r io.Reader) *lines {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), MaxLine)
	return &lines{sc: sc}
}

// next returns the next non-blank line and its number; io.EOF at the end.
func (l *lines) next() (string, int, error) {
	if len(l.pending) > 0 {
		s, n := l.pending[0], l.pendNo[0]
		l.pending, l.pendNo = l.pending[1:], l.pendNo[1:]
		return s, n, nil
	}
	return l.read()
}

// read returns the next non-blank line of the input itself.
func (l *lines) read() (string, int, error) {
	for l.sc.Scan() {
		l.n++
		b := bytes.TrimSuffix(l.sc.Bytes(), []byte{'\r'})
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		return string(b), l.n, nil
	}
	if err := l.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return "", l.n + 1, fmt.Errorf("line %d: longer than %d bytes", l.n+1, MaxLine)
		}
		return "", l.n, err
	}
	return "", l.n, io.EOF
}

// probe reads up to k lines ahead (fewer at the end of the input), to be
// returned again by next.
func (l *lines) probe(k int) ([]string, error) {
	for len(l.pending) < k {
		s, n, err := l.read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		l.pending = append(l.pending, s)
		l.pendNo = append(l.pendNo, n)
	}
	return l.pending, nil
}

// splitTabs splits a tab-separated line into buf, reusing its storage.
func splitTabs(line string, buf []string) []string {
	buf = buf[:0]
	for {
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			return append(buf, line)
		}
		buf = append(buf, line[:i])
		line = line[i+1:]
	}
}

// checkUTF8 returns a row error naming the first column that is not valid
// UTF-8, or nil.
func checkUTF8(line string, fields []string, names []string, no int) *RowError {
	if utf8.ValidString(line) {
		return nil
	}
	for i, f := range fields {
		if !utf8.ValidString(f) {
			col := ""
			if i < len(names) {
				col = names[i]
			}
			return &RowError{Line: no, Column: col, Msg: "contains bytes that are not UTF-8"}
		}
	}
	return &RowError{Line: no, Msg: "contains bytes that are not UTF-8"}
}

// earliest is the first date any reader accepts: no event data set
// codes events before 1900 (GDELT's back file starts in 1979).
var earliest = graph.Date{Year: 1900, Month: time.January, Day: 1}

// checkDate returns a row error when d is before first or after latest
// (when latest is set).
func checkDate(d graph.Date, first, latest graph.Date, no int, col, raw string) *RowError {
	if d.Before(first) || (latest != graph.Date{} && latest.Before(d)) {
		hi := "today"
		if (latest != graph.Date{}) {
			hi = latest.String()
		}
		return &RowError{Line: no, Column: col, Msg: fmt.Sprintf("date %s is out of range (%s to %s)", graph.Quote(raw), first, hi)}
	}
	return nil
}

// parseYMD reads a YYYYMMDD date.
func parseYMD(s string) (graph.Date, bool) {
	if len(s) != 8 {
		return graph.Date{}, false
	}
	for i := 0; i < 8; i++ {
		if s[i] < '0' || s[i] > '9' {
			return graph.Date{}, false
		}
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[4:6])
	d, _ := strconv.Atoi(s[6:])
	v := graph.Date{Year: y, Month: time.Month(m), Day: d}
	return v, v.Valid()
}

// digits reports whether s is one or more ASCII digits.
func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isCountry reports whether s looks like an ISO 3166-1 alpha-3 code.
func isCountry(s string) bool {
	return len(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z'
}
