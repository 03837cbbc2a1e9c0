package notes

import (
	"encoding/binary"
	"errors"
	"math"
	"sort"
	"unsafe"
)

// The index file is a small binary format rather than gob or JSON: it is
// read on every listing, and decoding it this way costs a few milliseconds
// for 10,000 notes, with every string a slice of one buffer.
//
//	meta:    "RKIX" version gen dir count { name size mtime inode ctime racy sha256 errline errmsg meta open done actoff actlen proboff problen }*
//	actions: "RKIA" version gen blob   (each note's actions at actoff, actlen; its problem titles at proboff, problen)
//
// Integers are varints, strings and byte blobs are length-prefixed. Any
// malformed input is rejected with errBadIndex and the index rebuilt.

var errBadIndex = errors.New("bad index")

const (
	indexMagic   = "RKIX"
	actionsMagic = "RKIA"
)

type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) strs(l []string) {
	e.uint(uint64(len(l)))
	for _, s := range l {
		e.str(s)
	}
}

// optInt writes nil as 0 and v as 1 followed by v.
func (e *encoder) optInt(p *int) {
	if p == nil {
		e.uint(0)
		return
	}
	e.uint(1)
	e.int(int64(*p))
}

func (e *encoder) bool(v bool) {
	if v {
		e.uint(1)
	} else {
		e.uint(0)
	}
}

func encodeIndex(dir string, gen uint64, m map[string]*indexed) (meta, actions []byte) {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	e := &encoder{b: make([]byte, 0, 64+len(m)*400)}
	a := &encoder{b: make([]byte, 0, 64+len(m)*300)}
	a.b = append(a.b, actionsMagic...)
	a.uint(indexVersion)
	a.uint(gen)
	blob := len(a.b)
	e.b = append(e.b, indexMagic...)
	e.uint(indexVersion)
	e.uint(gen)
	e.str(dir)
	e.uint(uint64(len(names)))
	for _, n := range names {
		c := m[n]
		e.str(n)
		e.int(c.Size)
		e.int(c.ModTime)
		e.uint(c.Inode)
		e.int(c.ChangeTime)
		e.bool(c.Racy)
		e.b = append(e.b, c.Hash[:]...)
		e.uint(uint64(max(c.ErrLine, 0)))
		e.str(c.ErrMsg)
		mt := c.Meta
		e.str(string(mt.Type))
		e.str(mt.Title)
		date, _ := mt.Date.MarshalBinary()
		e.str(string(date))
		e.str(mt.Team)
		e.str(mt.Facilitator)
		e.strs(mt.Participants)
		e.strs(mt.Tags)
		e.str(mt.Kata)
		e.optInt(mt.Score)
		e.optInt(mt.MaxScore)
		e.str(mt.Duration)
		e.uint(uint64(max(0, mt.Variant)))
		switch {
		case mt.InTime == nil:
			e.uint(0)
		case *mt.InTime:
			e.uint(2)
		default:
			e.uint(1)
		}
		if mt.ROTI == nil {
			e.uint(0)
		} else {
			e.uint(1)
			e.uint(math.Float64bits(*mt.ROTI))
		}
		e.uint(uint64(c.Open))
		e.uint(uint64(c.Done))
		e.uint(uint64(c.Dropped))
		e.uint(uint64(c.Carried))
		e.uint(uint64(len(a.b) - blob))
		e.uint(uint64(len(c.actions)))
		a.b = append(a.b, c.actions...)
		e.uint(uint64(len(a.b) - blob))
		e.uint(uint64(len(c.problems)))
		a.b = append(a.b, c.problems...)
	}
	return e.b, a.b
}

// encodeActions encodes a note's actions as one string, kept as is in the
// index and decoded only by the commands that need the items.
func encodeActions(l []Action) string {
	if len(l) == 0 {
		return ""
	}
	e := &encoder{}
	e.uint(uint64(len(l)))
	for _, a := range l {
		e.str(a.Text)
		e.str(string(a.Status))
		e.str(a.Owner)
		e.str(a.Due)
		e.str(a.From)
		e.str(a.To)
		e.str(a.On)
		e.uint(uint64(max(a.N, 0)))
		e.uint(uint64(max(a.Line, 0)))
	}
	return string(e.b)
}

func decodeActions(s string) ([]Action, error) {
	d := &decoder{s: s}
	l := make([]Action, d.count())
	for j := range l {
		a := &l[j]
		a.Text = d.str()
		a.Status = Status(d.str())
		a.Owner = d.str()
		a.Due = d.str()
		a.From = d.str()
		a.To = d.str()
		a.On = d.str()
		a.N = int(d.uint())
		a.Line = int(d.uint())
	}
	if d.err != nil || d.off != len(d.s) {
		return nil, errBadIndex
	}
	return l, nil
}

// encodeStrings encodes a list of strings as one string ("" for none).
func encodeStrings(l []string) string {
	if len(l) == 0 {
		return ""
	}
	e := &encoder{}
	e.strs(l)
	return string(e.b)
}

func decodeStrings(s string) ([]string, error) {
	d := &decoder{s: s}
	l := d.strs()
	if d.err != nil || d.off != len(d.s) {
		return nil, errBadIndex
	}
	return l, nil
}

// decoder reads what encoder wrote; after the first error every read
// returns zero values and err stays set.
type decoder struct {
	s   string // the whole file: decoded strings share its memory
	off int
	err error
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	var v uint64
	var shift uint
	for i := 0; i < binary.MaxVarintLen64; i++ {
		if d.off >= len(d.s) {
			break
		}
		c := d.s[d.off]
		d.off++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
		shift += 7
	}
	d.err = errBadIndex
	return 0
}

func (d *decoder) int() int64 {
	u := d.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

// count reads a length and checks that many items of at least one byte
// each can follow, so a corrupt length cannot make a huge allocation.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.s)-d.off) {
		d.err = errBadIndex
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.uint()
	if d.err != nil || n > uint64(len(d.s)-d.off) {
		d.err = errBadIndex
		return ""
	}
	s := d.s[d.off : d.off+int(n)]
	d.off += int(n)
	return s
}

// hash reads a fixed-size Hash.
func (d *decoder) hash(h *Hash) {
	if d.err != nil || len(d.s)-d.off < len(h) {
		d.err = errBadIndex
		return
	}
	copy(h[:], d.s[d.off:])
	d.off += len(h)
}

func (d *decoder) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	l := make([]string, n)
	for i := range l {
		l[i] = d.str()
	}
	return l
}

func (d *decoder) optInt() *int {
	if d.uint() == 0 {
		return nil
	}
	v := int(d.int())
	return &v
}

// decodeIndex reads a meta file. data must not be modified afterwards: the
// decoded strings share its memory.
func decodeIndex(data []byte, dir string) (*cache, error) {
	d := &decoder{s: unsafe.String(unsafe.SliceData(data), len(data))}
	if len(d.s) < len(indexMagic) || d.s[:len(indexMagic)] != indexMagic {
		return nil, errBadIndex
	}
	d.off = len(indexMagic)
	cc := &cache{}
	if d.uint() != indexVersion {
		return nil, errBadIndex
	}
	cc.gen = d.uint()
	if d.str() != dir {
		return nil, errBadIndex
	}
	n := d.count()
	m := make(map[string]*indexed, n)
	all := make([]indexed, n)
	for i := 0; i < n && d.err == nil; i++ {
		name := d.str()
		c := &all[i]
		*c = indexed{Size: d.int(), ModTime: d.int(), Inode: d.uint(), ChangeTime: d.int(), Racy: d.uint() == 1}
		d.hash(&c.Hash)
		c.ErrLine, c.ErrMsg = int(d.uint()), d.str()
		mt := &c.Meta
		mt.Type = Type(d.str())
		mt.Title = d.str()
		if err := mt.Date.UnmarshalBinary([]byte(d.str())); err != nil && d.err == nil {
			d.err = errBadIndex
		}
		mt.Team = d.str()
		mt.Facilitator = d.str()
		mt.Participants = d.strs()
		mt.Tags = d.strs()
		mt.Kata = d.str()
		mt.Score = d.optInt()
		mt.MaxScore = d.optInt()
		mt.Duration = d.str()
		mt.Variant = int(d.uint())
		switch d.uint() {
		case 1:
			f := false
			mt.InTime = &f
		case 2:
			t := true
			mt.InTime = &t
		}
		if d.uint() == 1 {
			v := math.Float64frombits(d.uint())
			mt.ROTI = &v
		}
		c.Open = int(d.uint())
		c.Done = int(d.uint())
		c.Dropped = int(d.uint())
		c.Carried = int(d.uint())
		c.actOff, c.actLen = d.uint(), d.uint()
		c.probOff, c.probLen = d.uint(), d.uint()
		m[name] = c
	}
	if d.err != nil || d.off != len(d.s) {
		return nil, errBadIndex
	}
	cc.notes = m
	return cc, nil
}

// decodeActionsFile attaches each note's encoded actions from an actions
// file written with the same generation as the loaded meta file.
func decodeActionsFile(data []byte, cc *cache) error {
	d := &decoder{s: unsafe.String(unsafe.SliceData(data), len(data))}
	if len(d.s) < len(actionsMagic) || d.s[:len(actionsMagic)] != actionsMagic {
		return errBadIndex
	}
	d.off = len(actionsMagic)
	if d.uint() != indexVersion || d.uint() != cc.gen || d.err != nil {
		return errBadIndex
	}
	blob := d.s[d.off:]
	for _, c := range cc.notes {
		if c.actOff > uint64(len(blob)) || c.actLen > uint64(len(blob))-c.actOff ||
			c.probOff > uint64(len(blob)) || c.probLen > uint64(len(blob))-c.probOff {
			return errBadIndex
		}
	}
	for _, c := range cc.notes {
		c.actions = blob[c.actOff : c.actOff+c.actLen]
		c.problems = blob[c.probOff : c.probOff+c.probLen]
	}
	return nil
}
