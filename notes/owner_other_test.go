//go:build !unix

package notes

import "testing"

func ownerOf(*testing.T, string) (uid, gid int, ok bool) { return 0, 0, false }
