package main

import (
	"encoding/json"
	"reflect"
	"testing"
)

// The hand-written encoders must give what encoding/json gives for the
// same struct: the struct tags are the documented contract.
func TestJSONAppendersMatchEncodingJSON(t *testing.T) {
	three, five := 3, 5
	broken := "b.md:3: quote \" backslash \\ nl \n tab \t cr \r bell \a nul \x00 html <&> ls \u2028 ps \u2029 bad \xff\xfe wide 日本 😀"
	odd := "quote \" backslash \\ nl \n tab \t cr \r bell \a nul \x00 html <&> ls \u2028 ps \u2029 bad \xff\xfe wide 日本 😀"
	roti, whole, third := 4.2, 3.0, 1.0/3
	values := []jsonAppender{
		noteJSON{Path: "/n/a.md", Tags: []string{}},
		noteJSON{Path: odd, Type: "kata", Title: odd, Date: "2026-11-23T14:00:00Z", Team: odd,
			Tags: []string{"a", odd}, OpenActions: 2, DoneActions: 1, Kata: "k", Score: &three, MaxScore: &five},
		noteJSON{Path: "/n/b.md", Tags: []string{}, Error: &broken},
		noteJSON{Path: "/n/r.md", Type: "retro", Tags: []string{}, ROTI: &roti},
		noteJSON{Path: "/n/s.md", Type: "retro", Tags: []string{}, ROTI: &whole},
		retroTrendJSON{Tags: []string{}},
		retroTrendJSON{Path: odd, Date: "2026-11-23T14:00:00Z", Team: odd, Title: odd, Agreed: 3, Open: 1, Done: 1, Dropped: 1,
			CompletionRate: &third, ROTI: &roti, Problems: 2, Tags: []string{odd}},
		actionJSON{},
		actionJSON{Text: odd, Done: true, Owner: "bob", Due: "2026-12-01", Overdue: true, Note: odd, Line: 42, Team: odd},
	}
	for i, v := range values {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got := v.appendJSON(nil)
		var g, w any
		if err := json.Unmarshal(got, &g); err != nil {
			t.Fatalf("%d: invalid JSON %s: %v", i, got, err)
		}
		if err := json.Unmarshal(want, &w); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%d:\n got %s\nwant %s", i, got, want)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	f.Add("plain")
	f.Add("\x00\x1f\"\\\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		var got string
		if err := json.Unmarshal(appendJSONString(nil, s), &got); err != nil {
			t.Fatalf("invalid JSON for %q: %v", s, err)
		}
		var want string
		b, _ := json.Marshal(s)
		_ = json.Unmarshal(b, &want)
		if got != want {
			t.Fatalf("%q: got %q want %q", s, got, want)
		}
	})
}
