package memstore

// A damaged bbolt file must be refused before bbolt maps it: bbolt trusts
// the file, so a page count beyond the end of a truncated file faults
// (SIGBUS) on the first read, and a garbage page id sends its readers to
// an address outside the mapping or round a cycle, which no recover()
// catches, in bbolt's own goroutines too (tx.Check). preflight reads the
// file with plain reads instead: both meta pages, the file's size against
// the newest one's page count, the free list, and every page of the tree,
// so that every page id bbolt will follow is inside the file and every
// key and value inside its page.
//
// The format is bbolt's (go.etcd.io/bbolt/internal/common: page.go,
// meta.go, bucket.go), which the package does not export: in the host's
// byte order, a page starts with a 16-byte header {id u64, flags u16,
// count u16, overflow u32}; a meta page's body is {magic u32, version u32,
// pageSize u32, flags u32, root bucket {page u64, sequence u64}, freelist
// u64, pgid u64, txid u64, checksum u64}, the checksum being FNV-64a of
// the fields before it; branch elements are {pos u32, ksize u32, pgid
// u64} and leaf elements {flags u32, pos u32, ksize u32, vsize u32}, pos
// counting from the element itself; a bucket's value is {root u64,
// sequence u64}, followed by the bucket's page when root is 0 (inline).

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"math/bits"
	"os"
)

const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	pageHeaderSize = 16
	metaSize       = 64 // magic to checksum
	elementSize    = 16 // branch and leaf elements alike
	bucketHeader   = 16
	flagBranch     = 0x01
	flagLeaf       = 0x02
	flagMeta       = 0x04
	flagFreelist   = 0x10
	leafIsBucket   = 0x01
	noFreelist     = ^uint64(0)
	maxTreeDepth   = 64 // far above any real B+tree; a deeper one is a cycle
)

var ne = binary.NativeEndian

// boltMeta is one of the two meta pages, as read.
type boltMeta struct {
	page                                 int // 0 or 1
	magic, version, pageSize, flags      uint32
	root, freelist, pgid, txid, checksum uint64
	problem                              string // why it is not valid; "" when it is
	headerID                             uint64
	headerFlags                          uint16
}

// parseMeta reads the meta page at the start of b (at least
// pageHeaderSize+metaSize bytes) and validates it as bbolt's
// meta.Validate does, and a little more: what bbolt asserts when it
// writes a meta page.
func parseMeta(b []byte, page int) boltMeta {
	m := boltMeta{page: page, headerID: ne.Uint64(b[0:]), headerFlags: ne.Uint16(b[8:])}
	body := b[pageHeaderSize : pageHeaderSize+metaSize]
	m.magic = ne.Uint32(body[0:])
	m.version = ne.Uint32(body[4:])
	m.pageSize = ne.Uint32(body[8:])
	m.flags = ne.Uint32(body[12:])
	m.root = ne.Uint64(body[16:])
	m.freelist = ne.Uint64(body[32:])
	m.pgid = ne.Uint64(body[40:])
	m.txid = ne.Uint64(body[48:])
	m.checksum = ne.Uint64(body[56:])
	h := fnv.New64a()
	h.Write(body[:56])
	switch {
	case m.magic != boltMagic:
		m.problem = "not a bbolt meta page (bad magic number)"
	case m.version != boltVersion:
		m.problem = fmt.Sprintf("format version %d, not %d", m.version, boltVersion)
	case m.checksum != h.Sum64():
		m.problem = "bad checksum"
	case m.headerFlags != flagMeta || m.headerID != uint64(page):
		m.problem = "bad page header"
	case m.pageSize < 1024 || m.pageSize > 1<<24 || bits.OnesCount32(m.pageSize) != 1:
		m.problem = fmt.Sprintf("impossible page size %d", m.pageSize)
	case m.pgid < 3 || m.root < 2 || m.root >= m.pgid || (m.freelist != noFreelist && (m.freelist < 2 || m.freelist >= m.pgid)):
		m.problem = "page numbers out of range"
	}
	return m
}

func (m boltMeta) valid() bool { return m.problem == "" }

// fileState is what preflight learnt of a file.
type fileState struct {
	size     int64
	pageSize int
	meta     boltMeta // the newest valid meta page: the one bbolt will use
	// fallback: the other meta page is damaged and may have been the
	// newer one, so bbolt will go back to the transaction before it.
	fallback bool
	// olderDamaged: the other meta page is damaged but held the
	// transaction before meta's, which the next write overwrites.
	olderDamaged bool
	other        boltMeta
}

// preflight checks the file f (of the store at path) as described at the
// top of this file. Problems are *DamagedError.
func preflight(f *os.File, path string) (fileState, error) {
	damaged := func(format string, args ...any) (fileState, error) {
		return fileState{}, &DamagedError{Path: path, Problem: fmt.Sprintf(format, args...)}
	}
	fi, err := f.Stat()
	if err != nil {
		return fileState{}, fmt.Errorf("memstore: %w", err)
	}
	st := fileState{size: fi.Size()}
	if st.size == 0 {
		return damaged("the file is empty (0 bytes): it was truncated, or its creation was interrupted (if it never held data, delete it)")
	}
	const minMeta = pageHeaderSize + metaSize
	readAt := func(n int, off int64) ([]byte, bool) {
		if off < 0 || off+int64(n) > st.size {
			return nil, false
		}
		b := make([]byte, n)
		if _, err := f.ReadAt(b, off); err != nil && err != io.EOF {
			return nil, false
		}
		return b, true
	}
	var m0, m1 boltMeta
	m0.problem, m1.problem = "beyond the end of the file", "beyond the end of the file"
	if b, ok := readAt(minMeta, 0); ok {
		m0 = parseMeta(b, 0)
	}
	// The page size is in the meta pages; when page 0 is not valid, page
	// 1 is looked for at each possible page size, as bbolt does.
	if m0.valid() {
		st.pageSize = int(m0.pageSize)
		if b, ok := readAt(minMeta, int64(st.pageSize)); ok {
			m1 = parseMeta(b, 1)
		}
	} else {
		for ps := int64(1024); ps <= 1<<24; ps *= 2 {
			b, ok := readAt(minMeta, ps)
			if !ok {
				break
			}
			if m := parseMeta(b, 1); m.valid() && int64(m.pageSize) == ps {
				m1, st.pageSize = m, int(ps)
				break
			}
		}
	}
	if m0.valid() && m1.valid() && m0.pageSize != m1.pageSize {
		return damaged("its two meta pages disagree on the page size (%d and %d)", m0.pageSize, m1.pageSize)
	}
	switch {
	case !m0.valid() && !m1.valid():
		if st.size < minMeta {
			return damaged("the file is %d bytes, too short to be a store: it was truncated", st.size)
		}
		return damaged("neither copy of its meta page is valid (page 0: %s; page 1: %s)", m0.problem, m1.problem)
	case m0.valid() && m1.valid():
		st.meta, st.other = m0, m1
		if m1.txid > m0.txid {
			st.meta, st.other = m1, m0
		}
	default:
		st.meta, st.other = m0, m1
		if m1.valid() {
			st.meta, st.other = m1, m0
		}
		// The damaged page held the transaction just before the valid
		// one, or just after it; its txid field says which, unless that
		// field is the damage: then it may have been the newer.
		if st.other.magic == boltMagic && st.other.txid+1 == st.meta.txid {
			st.olderDamaged = true
		} else {
			st.fallback = true
		}
	}
	m := st.meta
	ps := int64(st.pageSize)
	if m.pgid > uint64(st.size/ps) {
		return damaged("the file is truncated: it is %d bytes, but its last transaction (#%d) uses %d pages of %d bytes (%d bytes)",
			st.size, m.txid, m.pgid, ps, int64(m.pgid)*ps)
	}
	w := pageWalker{f: f, pageSize: ps, hwm: m.pgid, seen: make([]uint64, (m.pgid+63)/64), bufs: make([][]byte, maxTreeDepth+2)}
	w.mark(0, 0)
	w.mark(1, 0)
	if m.freelist != noFreelist {
		w.freelist(m.freelist)
	}
	if w.problem == "" {
		w.page(m.root, 0, "the root bucket")
	}
	if w.problem != "" {
		return damaged("%s", w.problem)
	}
	return st, nil
}

// pageWalker reads the tree of one transaction page by page, stopping at the
// first problem.
type pageWalker struct {
	f        *os.File
	pageSize int64
	hwm      uint64   // pages in use: the meta page's pgid
	seen     []uint64 // a bit per page
	problem  string
	bufs     [][]byte // a page buffer per tree level, reused
}

func (w *pageWalker) fail(format string, args ...any) {
	if w.problem == "" {
		w.problem = fmt.Sprintf(format, args...)
	}
}

// mark records that pages id to id+overflow belong to something, which
// they must not already do.
func (w *pageWalker) mark(id uint64, overflow uint32) bool {
	if id >= w.hwm || uint64(overflow) >= w.hwm-id {
		w.fail("page %d (and %d overflow pages) is beyond the %d pages in use", id, overflow, w.hwm)
		return false
	}
	for p := id; p <= id+uint64(overflow); p++ {
		if w.seen[p/64]&(1<<(p%64)) != 0 {
			w.fail("page %d is referred to twice", p)
			return false
		}
		w.seen[p/64] |= 1 << (p % 64)
	}
	return true
}

// read returns page id, all of it (overflow pages included), once its
// header agrees with its id and its pages are in use and not yet seen.
// The page is in the buffer of tree level depth, valid until the next
// read at that level.
func (w *pageWalker) read(id uint64, depth int, what string) []byte {
	if id < 2 || id >= w.hwm {
		w.fail("%s refers to page %d, outside the pages in use (2 to %d)", what, id, w.hwm-1)
		return nil
	}
	b := w.buffer(depth, w.pageSize)
	if _, err := w.f.ReadAt(b, int64(id)*w.pageSize); err != nil {
		w.fail("page %d: %v", id, err)
		return nil
	}
	if got := ne.Uint64(b); got != id {
		w.fail("page %d (%s) is garbage: its header says page %d", id, what, got)
		return nil
	}
	overflow := ne.Uint32(b[12:])
	if !w.mark(id, overflow) {
		return nil
	}
	if overflow > 0 {
		b = w.buffer(depth, (int64(overflow)+1)*w.pageSize)
		if _, err := w.f.ReadAt(b, int64(id)*w.pageSize); err != nil {
			w.fail("page %d: %v", id, err)
			return nil
		}
	}
	return b
}

func (w *pageWalker) buffer(depth int, n int64) []byte {
	if int64(cap(w.bufs[depth])) < n {
		w.bufs[depth] = make([]byte, n)
	}
	return w.bufs[depth][:n]
}

// freelist checks the free-list page.
func (w *pageWalker) freelist(id uint64) {
	b := w.read(id, 0, "the free list")
	if b == nil {
		return
	}
	if flags := ne.Uint16(b[8:]); flags != flagFreelist {
		w.fail("page %d should be the free list but has type %#x", id, flags)
		return
	}
	first, count := uint64(0), uint64(ne.Uint16(b[10:]))
	if count == 0xFFFF { // the count is the first element
		first, count = 1, ne.Uint64(b[pageHeaderSize:])
	}
	if count > uint64(len(b)-pageHeaderSize)/8-first {
		w.fail("the free list (page %d) claims %d pages, more than it holds", id, count)
		return
	}
	for i := range count {
		if p := ne.Uint64(b[pageHeaderSize+8*(first+i):]); p < 2 || p >= w.hwm {
			w.fail("the free list (page %d) lists page %d, outside the pages in use", id, p)
			return
		}
	}
}

// page checks a branch or leaf page and what it refers to.
func (w *pageWalker) page(id uint64, depth int, what string) {
	if depth > maxTreeDepth {
		w.fail("the tree under %s is deeper than %d levels", what, maxTreeDepth)
		return
	}
	b := w.read(id, depth, what)
	if b == nil {
		return
	}
	w.elements(b, id, depth, what)
}

// elements checks the elements of page b (page id, or an inline bucket's
// page when id is 0).
func (w *pageWalker) elements(b []byte, id uint64, depth int, what string) {
	flags, count := ne.Uint16(b[8:]), int(ne.Uint16(b[10:]))
	where := fmt.Sprintf("page %d (%s)", id, what)
	if id == 0 {
		where = "the inline page of " + what
	}
	if (flags != flagBranch || id == 0) && flags != flagLeaf {
		w.fail("%s is garbage: type %#x, not a branch or leaf page", where, flags)
		return
	}
	if pageHeaderSize+count*elementSize > len(b) || (flags == flagBranch && count == 0) {
		w.fail("%s is garbage: %d elements do not fit it", where, count)
		return
	}
	for i := range count {
		off := pageHeaderSize + i*elementSize
		e := b[off : off+elementSize]
		if flags == flagBranch {
			pos, ksize := uint64(ne.Uint32(e[0:])), uint64(ne.Uint32(e[4:]))
			if uint64(off)+pos+ksize > uint64(len(b)) {
				w.fail("%s is garbage: key %d lies outside it", where, i)
				return
			}
			w.page(ne.Uint64(e[8:]), depth+1, what)
		} else {
			eflags := ne.Uint32(e[0:])
			pos, ksize, vsize := uint64(ne.Uint32(e[4:])), uint64(ne.Uint32(e[8:])), uint64(ne.Uint32(e[12:]))
			if uint64(off)+pos+ksize+vsize > uint64(len(b)) {
				w.fail("%s is garbage: record %d lies outside it", where, i)
				return
			}
			if eflags&leafIsBucket != 0 {
				k := uint64(off) + pos
				name := fmt.Sprintf("bucket %q", b[k:k+ksize])
				v := b[k+ksize : k+ksize+vsize]
				if len(v) < bucketHeader {
					w.fail("%s is garbage: %s has a short header", where, name)
					return
				}
				if root := ne.Uint64(v); root != 0 {
					w.page(root, depth+1, name)
				} else if len(v) < bucketHeader+pageHeaderSize {
					w.fail("%s is garbage: %s has no inline page", where, name)
				} else {
					w.elements(v[bucketHeader:], 0, depth+1, name)
				}
			}
		}
		if w.problem != "" {
			return
		}
	}
}
