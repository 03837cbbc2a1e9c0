package frontmatter

import (
	"errors"
	"strings"
	"testing"
)

type meta struct {
	Title string   `yaml:"title"`
	N     int      `yaml:"n"`
	Tags  []string `yaml:"tags"`
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		yaml     string
		body     string
		bodyLine int
		err      string
	}{
		{"plain", "---\ntitle: x\n---\n# Hi\n", "title: x\n", "# Hi\n", 4, ""},
		{"crlf and bom", "\xef\xbb\xbf---\r\ntitle: x\r\n---\r\nbody\r\n", "title: x\n", "body\n", 4, ""},
		{"empty front matter", "---\n---\nbody", "", "body", 3, ""},
		{"no body", "---\ntitle: x\n---", "title: x\n", "", 4, ""},
		{"dots close", "---\ntitle: x\n...\nbody", "title: x\n", "body", 4, ""},
		{"trailing spaces on fences", "--- \ntitle: x\n---\t\nb", "title: x\n", "b", 4, ""},
		{"missing", "# Just markdown\n", "", "", 0, "no front matter"},
		{"not closed", "---\ntitle: x\nbody\n", "", "", 0, "line 1: front matter is not closed"},
		{"empty file", "", "", "", 0, "no front matter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Split([]byte(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(d.YAML) != tt.yaml || string(d.Body) != tt.body || d.BodyLine != tt.bodyLine {
				t.Errorf("got yaml %q body %q line %d, want %q %q %d", d.YAML, d.Body, d.BodyLine, tt.yaml, tt.body, tt.bodyLine)
			}
		})
	}
}

func TestSplitRefusesHugeFrontMatter(t *testing.T) {
	in := "---\n" + strings.Repeat("a: b\n", MaxSize) + "---\n"
	if _, err := Split([]byte(in)); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("err = %v, want a size error", err)
	}
}

func TestDecodeErrorsNameTheFileLine(t *testing.T) {
	tests := []struct {
		name string
		in   string
		line int
		msg  string
	}{
		{"unknown field", "---\ntitle: x\nfoo: 1\n---\n", 3, `unknown field "foo"`},
		{"wrong type", "---\ntitle: x\nn: abc\n---\n", 3, "cannot unmarshal"},
		{"syntax", "---\ntitle: x\n\tn: 2\n---\n", 3, "tab character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Split([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var m meta
			err = d.Decode(&m)
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v, want *Error", err)
			}
			if fe.Line != tt.line || !strings.Contains(fe.Msg, tt.msg) {
				t.Errorf("got line %d %q, want line %d containing %q", fe.Line, fe.Msg, tt.line, tt.msg)
			}
		})
	}
}

func TestDecodeRefusesAliasBomb(t *testing.T) {
	bomb := "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n" +
		"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n" +
		"g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n---\n"
	d, err := Split([]byte(bomb))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := d.Decode(&v); err == nil {
		t.Fatal("an alias bomb decoded without error")
	}
}

func TestNodeGivesKeyLines(t *testing.T) {
	d, err := Split([]byte("---\ntitle: x\n\ntags: [a]\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	n, err := d.Node()
	if err != nil {
		t.Fatal(err)
	}
	if got := d.FileLine(n.Content[2].Line); got != 4 {
		t.Errorf("tags key on file line %d, want 4", got)
	}
}

func FuzzSplitDecode(f *testing.F) {
	f.Add([]byte("---\ntitle: x\nn: 3\ntags: [a, b]\n---\nbody"))
	f.Add([]byte("\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n"))
	f.Add([]byte("---\na: &a [1]\nb: *a\n---\n"))
	f.Add([]byte("---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Split(data)
		if err != nil {
			return
		}
		if d.BodyLine < 2 {
			t.Fatalf("body line %d", d.BodyLine)
		}
		var m meta
		_ = d.Decode(&m)
		_, _ = d.Node()
	})
}
