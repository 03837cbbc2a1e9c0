package main

import (
	"strconv"
	"unicode/utf8"
)

// jsonAppender is implemented by the --json shapes written in bulk: a
// hand-written encoder is several times cheaper than reflection for
// 10,000 objects, and TestJSONAppendersMatchEncodingJSON keeps both in step.
type jsonAppender interface {
	appendJSON(b []byte) []byte
}

// jsonObject appends the members of one JSON object.
type jsonObject struct {
	b     []byte
	first bool
}

func startObject(b []byte) *jsonObject { return &jsonObject{b: append(b, '{'), first: true} }

func (o *jsonObject) key(k string) {
	if !o.first {
		o.b = append(o.b, ',')
	}
	o.first = false
	o.b = appendJSONString(o.b, k)
	o.b = append(o.b, ':')
}

func (o *jsonObject) str(k, v string) { o.key(k); o.b = appendJSONString(o.b, v) }

func (o *jsonObject) int(k string, v int) { o.key(k); o.b = strconv.AppendInt(o.b, int64(v), 10) }

// strPtr writes null for a nil pointer, so that a key is always there and
// `select(.error)` in jq still picks only real errors.
func (o *jsonObject) strPtr(k string, v *string) {
	if v == nil {
		o.key(k)
		o.b = append(o.b, "null"...)
		return
	}
	o.str(k, *v)
}

// intPtr writes null for a nil pointer.
func (o *jsonObject) intPtr(k string, v *int) {
	if v == nil {
		o.key(k)
		o.b = append(o.b, "null"...)
		return
	}
	o.int(k, *v)
}

// floatPtr writes a member holding v as encoding/json would, or null.
func (o *jsonObject) floatPtr(k string, v *float64) {
	if v == nil {
		o.null(k)
		return
	}
	o.key(k)
	o.b = strconv.AppendFloat(o.b, *v, 'f', -1, 64)
}

func (o *jsonObject) null(k string) { o.key(k); o.b = append(o.b, "null"...) }

func (o *jsonObject) bool(k string, v bool) { o.key(k); o.b = strconv.AppendBool(o.b, v) }

func (o *jsonObject) strs(k string, l []string) {
	o.key(k)
	o.b = append(o.b, '[')
	for i, s := range l {
		if i > 0 {
			o.b = append(o.b, ',')
		}
		o.b = appendJSONString(o.b, s)
	}
	o.b = append(o.b, ']')
}

func (o *jsonObject) end() []byte { return append(o.b, '}') }

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string. Invalid UTF-8 becomes
// U+FFFD, as with encoding/json.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func (j noteJSON) appendJSON(b []byte) []byte {
	o := startObject(b)
	o.str("path", j.Path)
	o.str("type", j.Type)
	o.str("title", j.Title)
	o.str("date", j.Date)
	o.str("team", j.Team)
	o.strs("tags", j.Tags)
	o.int("open_actions", j.OpenActions)
	o.int("done_actions", j.DoneActions)
	o.str("kata", j.Kata)
	o.intPtr("score", j.Score)
	o.intPtr("max_score", j.MaxScore)
	o.floatPtr("roti", j.ROTI)
	o.strPtr("error", j.Error)
	return o.end()
}

func (j actionJSON) appendJSON(b []byte) []byte {
	o := startObject(b)
	o.str("id", j.ID)
	o.str("status", j.Status)
	o.str("text", j.Text)
	o.bool("done", j.Done)
	o.str("owner", j.Owner)
	o.str("due", j.Due)
	o.bool("overdue", j.Overdue)
	o.str("note", j.Note)
	o.int("line", j.Line)
	o.str("team", j.Team)
	return o.end()
}

func (j retroTrendJSON) appendJSON(b []byte) []byte {
	o := startObject(b)
	o.str("path", j.Path)
	o.str("date", j.Date)
	o.str("team", j.Team)
	o.str("title", j.Title)
	o.int("agreed", j.Agreed)
	o.int("open", j.Open)
	o.int("done", j.Done)
	o.int("dropped", j.Dropped)
	o.int("carried", j.Carried)
	o.floatPtr("completion_rate", j.CompletionRate)
	o.floatPtr("roti", j.ROTI)
	o.int("problems", j.Problems)
	o.strs("tags", j.Tags)
	return o.end()
}
