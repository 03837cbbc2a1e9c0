//go:build !unix

package notes

import (
	"io/fs"
	"os"
)

// keepOwner has nothing to do where files have no unix owner: the new file
// inherits the directory's permissions.
func keepOwner(*os.File, fs.FileInfo) error { return nil }
