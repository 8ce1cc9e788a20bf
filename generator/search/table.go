package search

// keyTable maps term keys to int32 values by open addressing. Building the
// index looks a term key up some thirty million times (ten thousand
// documents), and Go's map spent most of the build there: a table of plain
// slices, probed linearly from a multiplicative hash, needs no per-entry
// hashing of the key's bytes and is emptied by clearing only the slots it
// used. Keys made by indexKeys are never 0, which marks an empty slot.
type keyTable struct {
	keys  []uint64
	vals  []int32
	used  []int32 // slots in the order they were filled: iteration and reset
	shift uint    // 64 - log2(len(keys))
}

func newKeyTable(logSize uint) *keyTable {
	return &keyTable{keys: make([]uint64, 1<<logSize), vals: make([]int32, 1<<logSize), shift: 64 - logSize}
}

// slot returns the slot of k, filling an empty one (value 0) if k is not
// there yet. The pointer is valid until the next call.
func (t *keyTable) slot(k uint64) *int32 {
	if 2*len(t.used) >= len(t.keys) {
		t.grow()
	}
	mask := uint64(len(t.keys) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> t.shift; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return &t.vals[i]
		case 0:
			t.keys[i] = k
			t.used = append(t.used, int32(i))
			return &t.vals[i]
		}
	}
}

func (t *keyTable) grow() {
	old := *t
	*t = *newKeyTable(65 - old.shift)
	t.used = make([]int32, 0, 2*len(old.used))
	for _, i := range old.used {
		*t.slot(old.keys[i]) = old.vals[i]
	}
}

// reset empties the table, keeping its size.
func (t *keyTable) reset() {
	if 8*len(t.used) > len(t.keys) {
		clear(t.keys)
	} else {
		for _, i := range t.used {
			t.keys[i] = 0
		}
	}
	for _, i := range t.used {
		t.vals[i] = 0
	}
	t.used = t.used[:0]
}

// each calls f for every key and value, in the order the keys were added.
func (t *keyTable) each(f func(k uint64, v int32)) {
	for _, i := range t.used {
		f(t.keys[i], t.vals[i])
	}
}
