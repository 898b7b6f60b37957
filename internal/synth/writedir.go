package synth

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
)

// PerDir is the most files WriteDir puts in one directory.
const PerDir = 1000

// DirOf is the subdirectory of WriteDir's directory that holds summary i: "000" for the
// first thousand, "001" for the next, and so on.
func DirOf(i int) string { return fmt.Sprintf("%03d", i/PerDir) }

// WriteDir writes the corpus's N summaries under dir, summary i as dir/DirOf(i)/name, name
// as Summary gives it; it creates dir and its subdirectories as needed and overwrites files
// of the same names. It works on as many goroutines as GOMAXPROCS allows and returns the
// first error met, after which it stops.
func (g *Generator) WriteDir(dir string) error {
	_, err := g.WriteDirSize(dir)
	return err
}

// WriteDirSize does what WriteDir does and returns the number of bytes it wrote.
func (g *Generator) WriteDirSize(dir string) (written int64, err error) {
	n := g.cfg.N
	for d := 0; d*PerDir < n; d++ {
		if err := os.MkdirAll(filepath.Join(dir, DirOf(d*PerDir)), 0o755); err != nil {
			return 0, err
		}
	}
	var (
		next  atomic.Int64
		total atomic.Int64
		once  sync.Once
		first error
		stop  atomic.Bool
		wg    sync.WaitGroup
	)
	fail := func(err error) {
		once.Do(func() { first = err })
		stop.Store(true)
	}
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var b bytes.Buffer
			for !stop.Load() {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				s := g.summary(i)
				b.Reset()
				g.encode(&b, s)
				if err := os.WriteFile(filepath.Join(dir, DirOf(i), s.Name), b.Bytes(), 0o644); err != nil {
					fail(err)
					return
				}
				total.Add(int64(b.Len()))
			}
		})
	}
	wg.Wait()
	return total.Load(), first
}
