//go:build !linux

package graph

// bootID is unknown outside Linux: initial loads there wait for the disk like other writes.
func bootID() (string, bool) { return "", false }
