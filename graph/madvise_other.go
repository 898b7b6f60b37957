//go:build !linux

package graph

import "go.etcd.io/bbolt"

// adviseRandom does nothing outside Linux (see madvise_linux.go).
func adviseRandom(_ *bbolt.DB, done uintptr) uintptr { return done }
