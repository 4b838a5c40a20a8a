package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"
)

// Report is everything a run measured, printed as a table and written as
// BENCHMARKS.md.
type Report struct {
	Machine   Machine         `json:"machine"`
	Quick     bool            `json:"quick"`
	Started   time.Time       `json:"started"`
	Took      time.Duration   `json:"took_ns"`
	Commands  []string        `json:"commands"`
	Yardstick []time.Duration `json:"yardstick_ns"`
	Targets   []Target        `json:"targets"`
	Sections  []*Section      `json:"sections"`
	Problems  []string        `json:"problems"`
}

// Target is one row of the summary: a figure, what it was compared with
// in the same run, and the goal.
type Target struct {
	Item     string `json:"item"`
	What     string `json:"what"`
	Measured string `json:"measured"`
	Peer     string `json:"peer"`
	Goal     string `json:"goal"`
	Met      string `json:"met"` // yes, no, or n/a (not measured)
}

// Section is a table of details.
type Section struct {
	Title  string     `json:"title"`
	Intro  string     `json:"intro"`
	Header []string   `json:"header"`
	Rows   [][]string `json:"rows"`
	Notes  []string   `json:"notes"`
}

func (r *Report) target(item, what, measured, peer, goal string, met bool) {
	m := "no"
	if met {
		m = "yes"
	}
	r.Targets = append(r.Targets, Target{item, what, measured, peer, goal, m})
	logf("TARGET %s %s: %s (peer %s) goal %s: %s", item, what, measured, peer, goal, m)
}

func (r *Report) missing(item, what, goal, why string) {
	r.Targets = append(r.Targets, Target{item, what, "not measured", why, goal, "n/a"})
	logf("TARGET %s %s: not measured: %s", item, what, why)
}

func (r *Report) section(title, intro string, header ...string) *Section {
	s := &Section{Title: title, Intro: intro, Header: header}
	r.Sections = append(r.Sections, s)
	return s
}

func (s *Section) row(cells ...string) { s.Rows = append(s.Rows, cells) }
func (s *Section) note(format string, a ...any) {
	s.Notes = append(s.Notes, fmt.Sprintf(format, a...))
}

func (r *Report) problem(format string, a ...any) {
	p := fmt.Sprintf(format, a...)
	r.Problems = append(r.Problems, p)
	logf("PROBLEM: %s", p)
}

// Machine describes where the run happened.
type Machine struct {
	NProc     int    `json:"nproc"`
	CPU       string `json:"cpu"`
	Memory    string `json:"memory"`
	Go        string `json:"go"`
	Kernel    string `json:"kernel"`
	LoadStart string `json:"load_start"`
	LoadEnd   string `json:"load_end"`
	Python    string `json:"python"`
	Neo4j     string `json:"neo4j"`
}

func machine() Machine {
	m := Machine{NProc: runtime.NumCPU(), Go: runtime.Version()}
	if out, err := exec.Command("go", "version").Output(); err == nil {
		m.Go = strings.TrimSpace(strings.TrimPrefix(string(out), "go version "))
	}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	if f, err := os.Open("/proc/meminfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var kb int64
			if n, _ := fmt.Sscanf(sc.Text(), "MemTotal: %d kB", &kb); n == 1 {
				m.Memory = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
			}
		}
		f.Close()
	}
	if out, err := exec.Command("uname", "-sr").Output(); err == nil {
		m.Kernel = strings.TrimSpace(string(out))
	}
	m.LoadStart = loadavg()
	return m
}

func loadavg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "?"
}

// table renders rows as a Markdown table.
func mdTable(header []string, rows [][]string) string {
	var b strings.Builder
	b.WriteString("| " + strings.Join(header, " | ") + " |\n|")
	for range header {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = strings.NewReplacer("\r", "", "\n", " ", "|", "\\|").Replace(strings.TrimSpace(c))
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	return b.String()
}

func (r *Report) targetRows() [][]string {
	var rows [][]string
	for _, t := range r.Targets {
		rows = append(rows, []string{t.Item, t.What, t.Measured, t.Peer, t.Goal, t.Met})
	}
	return rows
}

var targetHeader = []string{"#", "what", "measured", "peer (same run)", "target", "met"}

// printTable writes the summary to the terminal.
func (r *Report) printTable() {
	w := tabwriter.NewWriter(os.Stdout, 2, 8, 2, ' ', 0)
	fmt.Fprintln(w, strings.Join(targetHeader, "\t"))
	for _, row := range r.targetRows() {
		fmt.Fprintln(w, strings.Join(row, "\t"))
	}
	w.Flush()
	for _, p := range r.Problems {
		fmt.Println("problem:", p)
	}
}

// markdown renders BENCHMARKS.md.
func (r *Report) markdown() string {
	var b strings.Builder
	mode := "full run"
	if r.Quick {
		mode = "quick run (BENCH_QUICK=1: the 10^4/10^5 graphs only)"
	}
	fmt.Fprintf(&b, "# detente benchmarks\n\nWritten by `make bench` (scripts/bench.sh, cmd/detente-bench) — a %s on %s, %s.\n"+
		"Do not edit by hand: run `make bench` again.\n\n", mode, r.Started.UTC().Format("2006-01-02 15:04 MST"), r.Took.Round(time.Second))
	b.WriteString("The machine is shared and noisy, so every figure is read against a peer measured in the same run " +
		"(the same request straight through the driver, the same algorithm in igraph and NetworkX, a bare net/http handler, …); " +
		"where a target is absolute, the peer column gives the same run's yardstick or lower bound to read it against.\n\n")
	b.WriteString("## Machine\n\n")
	m := r.Machine
	rows := [][]string{
		{"nproc", fmt.Sprint(m.NProc)}, {"CPU", m.CPU}, {"memory", m.Memory}, {"go", m.Go}, {"kernel", m.Kernel},
		{"load average (start → end)", m.LoadStart + " → " + m.LoadEnd},
	}
	if m.Python != "" {
		rows = append(rows, []string{"python", m.Python})
	}
	if m.Neo4j != "" {
		rows = append(rows, []string{"neo4j", m.Neo4j})
	}
	if len(r.Yardstick) == 2 {
		rows = append(rows, []string{"yardstick (SHA-256 of 64 MiB, one core; start → end)",
			ms(r.Yardstick[0]) + " → " + ms(r.Yardstick[1])})
	}
	b.WriteString(mdTable([]string{"", ""}, rows))
	b.WriteString("\n## Commands\n\n```sh\n")
	for _, c := range r.Commands {
		b.WriteString(c + "\n")
	}
	b.WriteString("```\n\n## Targets\n\n")
	b.WriteString(mdTable(targetHeader, r.targetRows()))
	if len(r.Problems) > 0 {
		b.WriteString("\nProblems during the run:\n\n")
		for _, p := range r.Problems {
			b.WriteString("- " + p + "\n")
		}
	}
	for _, s := range r.Sections {
		fmt.Fprintf(&b, "\n## %s\n\n", s.Title)
		if s.Intro != "" {
			b.WriteString(s.Intro + "\n\n")
		}
		if len(s.Rows) > 0 {
			b.WriteString(mdTable(s.Header, s.Rows))
		}
		if len(s.Notes) > 0 {
			b.WriteString("\n")
			for _, n := range s.Notes {
				b.WriteString("- " + n + "\n")
			}
		}
	}
	return b.String()
}

func (r *Report) writeJSON(path string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

func x(f float64) string { return fmt.Sprintf("%.2f×", f) }
