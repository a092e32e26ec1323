// memory.size and memory.grow from zero pages: growth, failure beyond the limit (-1, size unchanged), fresh pages
// read as zero and keep what is written to them.
export function size(): i32 { return memory.size(); }
export function grow(pages: i32): i32 { return memory.grow(pages); }
export function touchLastPage(value: i32): i32 {
  const last = <usize>(memory.size() - 1) << 16;
  const before = load<i32>(last + 65532);
  store<i32>(last + 65532, value);
  return before;
}
// @call size()
// @call grow(0)
// @call grow(1)
// @call size()
// @call touchLastPage(6)
// @call touchLastPage(7)
// @call grow(3)
// @call size()
// @call grow(100000)
// @call grow(-1)
// @call grow(0x10000)
// @call size()
// @call grow(900)
// @call touchLastPage(8)
// @call grow(200)
// @call size()
// @only-explicit grow touchLastPage size
