package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/retrokata/retrokata/notes"
)

// runCLI runs the command tree in-process with the given arguments and
// environment and returns stdout, stderr and the exit code.
func runCLI(t *testing.T, vars map[string]string, argv ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runCLIWith(t, func(e *env) {
		e.getenv = func(k string) string { return vars[k] }
	}, argv...)
}

// runCLIWith is runCLI with a hook to adjust the environment first. XDG
// directories point at empty temp dirs unless the hook says otherwise.
func runCLIWith(t testing.TB, adjust func(*env), argv ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{
		stdin:  strings.NewReader(""),
		stdout: &out,
		stderr: &errOut,
		getenv: func(string) string { return "" },
		now:    func() time.Time { return time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC) },
		wd:     t.TempDir(),
		args:   argv,
		xdg: notes.XDG{
			DataHome: t.TempDir(), StateHome: t.TempDir(), ConfigHome: t.TempDir(), CacheHome: t.TempDir(),
		},
	}
	if adjust != nil {
		adjust(e)
	}
	code = run(context.Background(), e)
	return out.String(), errOut.String(), code
}

func TestExitCodesAndErrors(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		code       int
		stdoutHas  string
		stderrLine string // exact first line of stderr, when set
	}{
		{"help", []string{"--help"}, 0, "retrokata", ""},
		{"help lists every command", []string{"--help"}, 0, "content", ""},
		{"version", []string{"--version"}, 0, "retrokata version dev", ""},
		{"completion", []string{"completion", "bash"}, 0, "bash completion", ""},
		{"unknown command", []string{"nosuch"}, 2, "", `retrokata: unknown command "nosuch" for "retrokata"`},
		{"unknown flag", []string{"--nosuch"}, 2, "", "retrokata: unknown flag: --nosuch"},
		{"too many args", []string{"tips", "1", "2"}, 2, "", "retrokata: tips: accepts at most 1 arg(s), received 2"},
		{"unknown content subcommand", []string{"content", "nosuch"}, 2, "", `retrokata: unknown command "nosuch" for "retrokata content"`},
		{"home without a terminal", nil, 2, "", "retrokata: the home screen needs an interactive terminal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, nil, tt.args...)
			if code != tt.code {
				t.Fatalf("exit code = %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			if tt.stdoutHas != "" && !strings.Contains(stdout, tt.stdoutHas) {
				t.Errorf("stdout does not contain %q:\n%s", tt.stdoutHas, stdout)
			}
			if tt.stderrLine != "" {
				first, _, _ := strings.Cut(stderr, "\n")
				if first != tt.stderrLine {
					t.Errorf("stderr first line = %q, want %q", first, tt.stderrLine)
				}
			}
			if tt.code == 0 && stderr != "" {
				t.Errorf("unexpected stderr: %s", stderr)
			}
		})
	}
}
