package graph

import (
	"os"
	"strings"
)

// bootID is the kernel's ID of the current boot, which changes when the machine restarts.
func bootID() (string, bool) {
	b, err := os.ReadFile("/proc/sys/kernel/random/boot_id")
	id := strings.TrimSpace(string(b))
	return id, err == nil && id != ""
}
