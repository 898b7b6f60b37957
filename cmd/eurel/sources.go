package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/eurel/eurel/ingest"
)

// input is one text to ingest: a file, a URL or standard input, read lazily.
type input struct {
	name string // as reported: the path, the URL, or "-" for standard input
	read func(ctx context.Context) ([]byte, error)
}

// expandArgs turns the command line into inputs: files as given, directories walked
// recursively in lexical order (hidden entries skipped), http(s) URLs, and "-" for stdin.
func expandArgs(args []string, stdin io.Reader) []input {
	var out []input
	for _, a := range args {
		switch {
		case a == "-":
			out = append(out, input{name: "-", read: func(context.Context) ([]byte, error) { return readLimited(stdin, -1) }})
		case strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://"):
			url := a
			out = append(out, input{name: url, read: func(ctx context.Context) ([]byte, error) { return fetch(ctx, url) }})
		default:
			files, err := walk(a)
			if err != nil {
				out = append(out, input{name: a, read: func(context.Context) ([]byte, error) { return nil, err }})
				continue
			}
			for _, f := range files {
				out = append(out, input{name: f, read: func(context.Context) ([]byte, error) { return readFile(f) }})
			}
		}
	}
	return out
}

// walk lists the regular files at path: path itself, or every file under it. A path that
// cannot be read becomes an input that fails with the reason, so the rest still goes in.
func walk(path string) ([]string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{path}, nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// readFile reads a file, refusing one larger than ingest.MaxSize without reading it.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(-1)
	if info, err := f.Stat(); err == nil {
		size = info.Size()
	}
	return readLimited(f, size)
}

// readLimited reads r up to ingest.MaxSize; past that it refuses the text. size, when known
// (≥ 0), lets it refuse at once.
func readLimited(r io.Reader, size int64) ([]byte, error) {
	if size > ingest.MaxSize {
		return nil, &ingest.Error{Reason: fmt.Sprintf("text of %d bytes exceeds the %d MiB limit", size, ingest.MaxSize>>20)}
	}
	b, err := io.ReadAll(io.LimitReader(r, ingest.MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > ingest.MaxSize {
		return nil, &ingest.Error{Reason: fmt.Sprintf("text exceeds the %d MiB limit", ingest.MaxSize>>20)}
	}
	return b, nil
}

// fetch downloads a URL with a timeout, refusing an error status or an oversized body.
func fetch(ctx context.Context, url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "eurel (+https://github.com/eurel/eurel)")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return readLimited(resp.Body, resp.ContentLength)
}
