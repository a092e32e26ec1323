// call_indirect failures: a null entry, an index past the table, a function of another signature.
// A function reference is a pointer to a small object whose first word is the table index, so a
// forged object reaches any index.
type BinOp = (a: i32, b: i32) => i32;
type Other = (a: f64) => f64;
function plus(a: i32, b: i32): i32 { return a + b; }
function half(a: f64): f64 { return a * 0.5; }
const FORGED = memory.data(16);
let keep: Other = half;
function forge(index: u32): BinOp { store<u32>(FORGED, index); store<u32>(FORGED, 0, 4); return changetype<BinOp>(FORGED); }
export function callGood(a: i32): i32 { const f: BinOp = plus; return f(a, 1); }
export function callIndex(index: i32, a: i32): i32 { return forge(<u32>index)(a, 2); }
export function callOtherSignature(a: i32): i32 {
  const otherIndex = load<u32>(changetype<usize>(keep));
  return forge(otherIndex)(a, 3);
}
export function otherWorks(a: f64): f64 { return keep(a); }
// @call callGood(41)
// @call callIndex(0, 1)
// @call callIndex(1, 1)
// @call callIndex(2, 1)
// @call callIndex(3, 1)
// @call callIndex(1000, 1)
// @call callIndex(-1, 1)
// @call callOtherSignature(5)
// @call otherWorks(3)
// @call callGood(0)
// @only-explicit callGood callIndex callOtherSignature otherWorks
