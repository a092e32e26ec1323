/**
 * i64 operands on register pairs: loading, owning and reading the two 32-bit halves.
 *
 * Layer: lowering support for `i64.ts`. A pair is (lo, hi); in memory the low half is at the
 * lower address (little-endian), as in cdecl argument lists.
 */

import type { Gpr, MemoryOperand } from "@sawmill/x86";
import type { FunctionCompiler } from "../codegen/function-compiler.js";
import type { Entry } from "../codegen/value-stack.js";

export type Half = Gpr | MemoryOperand | number;

export function constHalves(big: bigint): [number, number] {
  const bits = BigInt.asUintN(64, big);
  return [Number(bits & 0xffffffffn) | 0, Number(bits >> 32n) | 0];
}

/** Loads an i64 entry (not a pair) into lo:hi. */
export function loadPair(fc: FunctionCompiler, value: Entry, lo: Gpr, hi: Gpr): void {
  const { loc } = value;
  if (loc.kind === "const") {
    const [l, h] = constHalves(loc.big);
    fc.a.mov(lo, l);
    fc.a.mov(hi, h);
  } else if (loc.kind === "pair") {
    if (loc.lo === hi) throw new Error("loadPair: overlapping pair, use moveToPair");
    if (loc.lo !== lo) fc.a.mov(lo, loc.lo);
    if (loc.hi !== hi) fc.a.mov(hi, loc.hi);
  } else {
    fc.a.mov(lo, fc.s.memoryOf(value, 0));
    fc.a.mov(hi, fc.s.memoryOf(value, 4));
  }
}

/** The halves of an i64 entry as readable operands (no registers allocated). */
export function halves(fc: FunctionCompiler, value: Entry): [Half, Half] {
  const { loc } = value;
  if (loc.kind === "const") return constHalves(loc.big);
  if (loc.kind === "pair") return [loc.lo, loc.hi];
  return [fc.s.memoryOf(value, 0), fc.s.memoryOf(value, 4)];
}

/** The value in a register pair the caller owns (reusing the entry's pair). */
export function ownedPair(fc: FunctionCompiler, value: Entry): [Gpr, Gpr] {
  const { loc } = value;
  if (loc.kind === "pair") return [loc.lo, loc.hi];
  const lo = fc.s.allocGpr();
  const hi = fc.s.allocGpr();
  loadPair(fc, value, lo, hi);
  return [lo, hi];
}
