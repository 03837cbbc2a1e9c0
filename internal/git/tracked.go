package git

import (
	"bytes"
	"context"
)

// Tracked returns those of paths that git tracks in the work tree top (in
// its index), as paths relative to top. A file deleted from the work tree
// but still in the index is tracked: committing it commits its removal.
// Paths outside top are an error, as in Commit.
func Tracked(ctx context.Context, top string, paths []string) ([]string, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	rels := make([]string, len(paths))
	for i, p := range paths {
		r, err := Rel(top, p)
		if err != nil {
			return nil, err
		}
		rels[i] = r
	}
	out, err := (call{dir: top, timeout: DefaultTimeout, read: true, args: append([]string{"ls-files", "-z", "--"}, rels...)}).run(ctx)
	if err != nil {
		return nil, err
	}
	var tracked []string
	for _, f := range bytes.Split(out, []byte{0}) {
		if len(f) > 0 {
			tracked = append(tracked, string(f))
		}
	}
	return tracked, nil
}
