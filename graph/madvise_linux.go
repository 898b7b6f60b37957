package graph

import (
	"os"

	"go.etcd.io/bbolt"
	"golang.org/x/sys/unix"
)

// adviseRandom tells the kernel that the bbolt file's map is read at random: no read-ahead,
// and no mapping of the neighbouring pages a read did not touch (fault-around), which the
// kernel otherwise counts in the process's resident memory. It returns the map's address, to
// advise again when bbolt has remapped the file (it does when the file outgrows the map).
// Advice is best effort: an error changes nothing but speed.
func adviseRandom(db *bbolt.DB, done uintptr) uintptr {
	info := db.Info()
	if info == nil || info.Data == done {
		return done
	}
	st, err := os.Stat(db.Path())
	if err != nil {
		return done
	}
	size := mapSize(max(st.Size(), int64(initialMmapSize)))
	if _, _, errno := unix.Syscall(unix.SYS_MADVISE, info.Data, uintptr(size), unix.MADV_RANDOM); errno != 0 {
		return done
	}
	return info.Data
}

// mapSize is the length bbolt maps a file of n bytes with (DB.mmapSize in bbolt 1.4):
// doubling from 32 KiB to 1 GiB, then whole GiBs.
func mapSize(n int64) int64 {
	for i := uint(15); i <= 30; i++ {
		if n <= 1<<i {
			return 1 << i
		}
	}
	const step = 1 << 30
	return (n + step - 1) / step * step
}
