/**
 * Lowering of select (and its typed form select_t): a branch-free choice via cmov for
 * integers, a short branch for floats.
 *
 * Layer: per-opcode lowering. The condition is usually a flags entry left by a fused compare;
 * materializing the two operands only moves values, so the flags survive until the cmov.
 * `local.set $l (select x (local.get $l) c)` with $l in a register (asc's `if (c) l = x`) is
 * one cmov into $l's register, consuming the local.set; when x is `$l + k`, a jump over
 * `add $l, k` instead (nothing to compute when $l is kept).
 */

import { negate } from "../codegen/conditions.js";
import type { FunctionCompiler, Lowering } from "../codegen/function-compiler.js";
import type { Entry } from "../codegen/value-stack.js";
import { op } from "../decoder/opcodes.js";
import { truthCondition } from "./control.js";
import { floatSource, ownedXmm } from "./float-values.js";
import { halves, ownedPair } from "./pairs.js";
import { freeOperands, homeReg, isConst, ownedReg, readable32 } from "./values.js";

const LOCAL_SET = op("local.set");

const select: Lowering = (fc) => {
  const condition = fc.s.pop();
  const ifFalse = fc.s.pop();
  const ifTrue = fc.s.pop();
  if (isConst(condition)) {
    const [keep, drop] = condition.loc.n !== 0 ? [ifTrue, ifFalse] : [ifFalse, ifTrue];
    fc.s.release(drop);
    pushAgain(fc, keep);
    return 0;
  }
  if (ifTrue.type === "i32")
    return selectIntoLocal(fc, condition, ifTrue, ifFalse) ?? selectI32(fc, condition, ifTrue, ifFalse);
  else if (ifTrue.type === "i64") selectI64(fc, condition, ifTrue, ifFalse);
  else selectFloat(fc, condition, ifTrue, ifFalse);
  return 0;
};

/** Re-pushes a popped entry; a slot entry is first loaded (it may no longer sit at its slot). */
function pushAgain(fc: FunctionCompiler, entry: Entry): void {
  if (entry.loc.kind !== "slot" || entry.loc.index === fc.s.depth) {
    fc.s.push(entry.type, entry.loc);
    return;
  }
  if (entry.type === "i32") fc.s.push("i32", { kind: "reg", reg: ownedReg(fc, entry) });
  else if (entry.type === "i64") {
    const [lo, hi] = ownedPair(fc, entry);
    fc.s.push("i64", { kind: "pair", lo, hi });
  } else fc.s.push(entry.type, { kind: "xmm", reg: ownedXmm(fc, entry) });
}

/** `l = c ? x : l` (or `c ? l : y`) as a cmov into l's register; returns 1 (the local.set
 * consumed), or null when the next instruction does not store the select into a register
 * local that is one of its arms. */
function selectIntoLocal(
  fc: FunctionCompiler,
  condition: Entry,
  ifTrue: Entry,
  ifFalse: Entry,
): number | null {
  const next = fc.peek();
  const home = next?.op === LOCAL_SET ? homeReg(fc, next.index) : null;
  if (!next || !home) return null;
  const isLocal = (e: Entry) => e.loc.kind === "local" && e.loc.index === next.index;
  const keepWhenTrue = isLocal(ifTrue);
  if (!keepWhenTrue && !isLocal(ifFalse)) return null;
  const [kept, other] = keepWhenTrue ? [ifTrue, ifFalse] : [ifFalse, ifTrue];
  const { loc } = other;
  if (loc.kind === "address" && loc.base === home && loc.baseLocal === next.index && loc.index === null) {
    // l = c ? l + k : l — add k unless the condition says keep (one compare and jump when kept)
    fc.s.detachLocal(next.index);
    const cc = truthCondition(fc, condition);
    const skip = fc.a.newLabel();
    fc.a.jcc(keepWhenTrue ? cc : negate(cc), skip);
    fc.a.add(home, loc.disp);
    fc.a.bind(skip);
    fc.s.release(other);
    fc.s.release(kept);
    return 1;
  }
  const src = readable32(fc, other); // read before the home register changes
  fc.s.detachLocal(next.index); // only moves: the flags survive
  const cc = truthCondition(fc, condition);
  fc.a.cmovcc(keepWhenTrue ? negate(cc) : cc, home, src);
  fc.s.release(other);
  fc.s.release(kept);
  if (src !== home) freeOperands(fc, src);
  return 1;
}

function selectI32(fc: FunctionCompiler, condition: Entry, ifTrue: Entry, ifFalse: Entry): number {
  const dst = ownedReg(fc, ifTrue);
  const alternative = readable32(fc, ifFalse);
  const cc = truthCondition(fc, condition);
  fc.a.cmovcc(negate(cc), dst, alternative);
  fc.s.release(ifFalse);
  if (alternative !== dst) freeOperands(fc, alternative);
  fc.s.push("i32", { kind: "reg", reg: dst });
  return 0;
}

function selectI64(fc: FunctionCompiler, condition: Entry, ifTrue: Entry, ifFalse: Entry): void {
  // test first: frees the condition's register before the pairs need up to four more (all the
  // code below only moves values, so the flags survive)
  const cc = negate(truthCondition(fc, condition));
  const [lo, hi] = ownedPair(fc, ifTrue);
  const [altLo, altHi] = halves(fc, ifFalse);
  const regs = [altLo, altHi].map((half) => {
    if (typeof half !== "number") return half;
    const reg = fc.s.allocGpr();
    fc.a.mov(reg, half);
    return reg;
  });
  fc.a.cmovcc(cc, lo, regs[0]);
  fc.a.cmovcc(cc, hi, regs[1]);
  fc.s.release(ifFalse);
  regs.forEach((r, k) => {
    if (r !== [altLo, altHi][k]) freeOperands(fc, r);
  });
  fc.s.push("i64", { kind: "pair", lo, hi });
}

function selectFloat(fc: FunctionCompiler, condition: Entry, ifTrue: Entry, ifFalse: Entry): void {
  const dst = ownedXmm(fc, ifTrue);
  const alternative = floatSource(fc, ifFalse);
  const cc = truthCondition(fc, condition);
  const done = fc.a.newLabel();
  fc.a.jcc(cc, done);
  if (alternative.kind === "xmm") fc.a.movaps(dst, alternative);
  else if (ifTrue.type === "f32") fc.a.movss(dst, alternative);
  else fc.a.movsd(dst, alternative);
  fc.a.bind(done);
  fc.s.release(ifFalse);
  fc.s.push(ifTrue.type, { kind: "xmm", reg: dst });
}

export const selectLowerings: Record<string, Lowering> = {
  select,
  select_t: select,
};
