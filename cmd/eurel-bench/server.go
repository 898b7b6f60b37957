package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// moduleRoot is the directory of the go.mod of the working directory's module.
func moduleRoot(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("not inside a Go module: run eurel-bench from the eurel repository")
	}
	return filepath.Dir(mod), nil
}

// buildEurel builds the eurel command of the module into dir and returns the binary's path.
func buildEurel(ctx context.Context, dir string) (string, error) {
	root, err := moduleRoot(ctx)
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "eurel")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/eurel")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/eurel: %w\n%s", err, out)
	}
	return bin, nil
}

// ingestResult is what `eurel ingest --json DIR` did.
type ingestResult struct {
	Took     time.Duration  `json:"took_ns"`
	Texts    int            `json:"texts"`
	Statuses map[string]int `json:"statuses"`
	Quads    int            `json:"quads"`
	Errors   []string       `json:"errors,omitempty"` // the first few refusals
	Summary  string         `json:"summary"`          // the command's own summary line
}

func (r ingestResult) docsPerSecond() float64  { return float64(r.Texts) / r.Took.Seconds() }
func (r ingestResult) quadsPerSecond() float64 { return float64(r.Quads) / r.Took.Seconds() }

// runIngest runs `eurel ingest --store STORE --json CORPUS`, the command's bulk path, and
// times it from exec to exit.
func runIngest(ctx context.Context, bin, store, corpus string) (ingestResult, error) {
	res := ingestResult{Statuses: map[string]int{}}
	cmd := exec.CommandContext(ctx, bin, "ingest", "--store", store, "--json", corpus)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return res, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return res, err
	}
	dec := json.NewDecoder(bufio.NewReaderSize(stdout, 1<<20))
	for {
		var line struct {
			Status string `json:"status"`
			File   string `json:"file"`
			Error  string `json:"error"`
			Counts *struct {
				Quads int `json:"quads"`
			} `json:"counts"`
		}
		if err := dec.Decode(&line); err == io.EOF {
			break
		} else if err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			return res, fmt.Errorf("reading eurel ingest's output: %w", err)
		}
		res.Texts++
		res.Statuses[line.Status]++
		if line.Counts != nil {
			res.Quads += line.Counts.Quads
		}
		if line.Error != "" && len(res.Errors) < 5 {
			res.Errors = append(res.Errors, line.File+": "+line.Error)
		}
	}
	err = cmd.Wait()
	res.Took = time.Since(start)
	res.Summary = strings.TrimSpace(lastLine(stderr.String()))
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 1 && res.Texts > 0 {
		err = nil // some texts were refused: the others are in the store, and the result says which
	}
	if err != nil {
		return res, fmt.Errorf("eurel ingest: %w\n%s", err, stderr.String())
	}
	return res, nil
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// server is a running `eurel serve` child process.
type server struct {
	cmd    *exec.Cmd
	base   string // http://127.0.0.1:PORT
	log    string // the file its stderr goes to
	exited chan struct{}
	err    error // its exit status, once exited is closed
	client *http.Client
}

// startServer execs `eurel serve` on a free loopback port and waits for its first successful
// GET /healthz; it returns the time from exec to that answer.
func startServer(ctx context.Context, bin, store, logFile string, timeout time.Duration, extra ...string) (*server, time.Duration, error) {
	port, err := freePort()
	if err != nil {
		return nil, 0, err
	}
	logf, err := os.Create(logFile)
	if err != nil {
		return nil, 0, err
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	s := &server{
		base: "http://" + addr, log: logFile, exited: make(chan struct{}),
		client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4, DisableCompression: true}},
	}
	s.cmd = exec.Command(bin, append([]string{"serve", "--addr", addr, "--store", store}, extra...)...)
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	start := time.Now()
	if err := s.cmd.Start(); err != nil {
		logf.Close()
		return nil, 0, err
	}
	go func() {
		s.err = s.cmd.Wait()
		logf.Close()
		close(s.exited)
	}()
	deadline := time.Now().Add(timeout)
	probe := &http.Client{Timeout: time.Second}
	for {
		resp, err := probe.Get(s.base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, time.Since(start), nil
			}
		}
		select {
		case <-s.exited:
			return nil, 0, fmt.Errorf("eurel serve exited before serving (%v); its log: %s", s.err, tail(logFile))
		case <-ctx.Done():
			s.stop()
			return nil, 0, ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, 0, fmt.Errorf("eurel serve did not answer /healthz within %v; its log: %s", timeout, tail(logFile))
		}
	}
}

// freePort asks the kernel for a loopback port nobody listens on.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// tail is the end of a log file, for error messages.
func tail(file string) string {
	b, _ := os.ReadFile(file)
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

// memory is the child's resident set size now and at its peak, and what the resident set
// holds now: anonymous memory (the Go heap) and file pages (bbolt maps its file: those pages
// count in VmRSS but the kernel can drop them).
type memory struct {
	RSS  int64 `json:"vmrss_bytes"`
	HWM  int64 `json:"vmhwm_bytes"`
	Anon int64 `json:"rssanon_bytes"`
	File int64 `json:"rssfile_bytes"`
}

// memory reads VmRSS, VmHWM, RssAnon and RssFile from /proc/PID/status.
func (s *server) memory() (memory, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return memory{}, err
	}
	var m memory
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		f := strings.Fields(v) // "1234 kB"
		if len(f) != 2 || f[1] != "kB" {
			continue
		}
		kb, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			continue
		}
		switch k {
		case "VmRSS":
			m.RSS = kb << 10
		case "VmHWM":
			m.HWM = kb << 10
		case "RssAnon":
			m.Anon = kb << 10
		case "RssFile":
			m.File = kb << 10
		}
	}
	if m.RSS == 0 {
		return m, fmt.Errorf("no VmRSS in /proc/%d/status", s.cmd.Process.Pid)
	}
	return m, nil
}

// stop sends SIGTERM and waits for the server to drain and close the store (killing it after
// a minute).
func (s *server) stop() error {
	select {
	case <-s.exited:
		return nil
	default:
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(time.Minute):
		s.cmd.Process.Kill()
		<-s.exited
	}
	var exit *exec.ExitError
	if errors.As(s.err, &exit) {
		return fmt.Errorf("eurel serve: %w; its log: %s", s.err, tail(s.log))
	}
	return nil
}

// gqlError is an error a GraphQL answer carries.
type gqlError struct {
	Message string `json:"message"`
	Code    string `json:"code"`
}

func (e *gqlError) Error() string {
	if e.Code != "" {
		return e.Code + ": " + e.Message
	}
	return e.Message
}

// graphql posts one request and returns its data, its size in bytes and the time from
// sending it to having read the whole answer. An answer with errors is an error (a
// *gqlError with the first one).
func graphql(ctx context.Context, client *http.Client, endpoint, query string, vars map[string]any) (json.RawMessage, int, time.Duration, error) {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return nil, 0, 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, 0, 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return nil, 0, 0, err
	}
	raw, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	took := time.Since(start)
	if err != nil {
		return nil, 0, took, err
	}
	var answer struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message    string `json:"message"`
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(raw, &answer); err != nil {
		return nil, len(raw), took, fmt.Errorf("HTTP %d, not JSON: %.200s", resp.StatusCode, raw)
	}
	if len(answer.Errors) > 0 {
		return answer.Data, len(raw), took, &gqlError{Message: answer.Errors[0].Message, Code: answer.Errors[0].Extensions.Code}
	}
	return answer.Data, len(raw), took, nil
}
