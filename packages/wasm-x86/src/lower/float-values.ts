/**
 * f32/f64 operands in xmm registers: loading constants and memory, owning registers.
 *
 * Layer: lowering support for `float.ts`. Scalar SSE/SSE2 only (no x87): f32 uses the *ss
 * forms, f64 the *sd forms. Constants other than +0 come from deduplicated rodata.
 */

import { type MemoryOperand, m32, m64, type Xmm } from "@sawmill/x86";
import type { FunctionCompiler } from "../codegen/function-compiler.js";
import type { Entry } from "../codegen/value-stack.js";
import { constHalves } from "./pairs.js";

export const isF32 = (entry: Entry): boolean => entry.type === "f32";

/** Little-endian bytes of a float constant entry. */
function constantBytes(entry: Entry & { loc: { kind: "const" } }): number[] {
  const words = entry.type === "f32" ? [entry.loc.n] : constHalves(entry.loc.big);
  return words.flatMap((w) => [w & 0xff, (w >>> 8) & 0xff, (w >>> 16) & 0xff, (w >>> 24) & 0xff]);
}

/** A memory or register operand for reading the float (constants come from rodata). */
export function floatSource(fc: FunctionCompiler, entry: Entry): Xmm | MemoryOperand {
  const { loc } = entry;
  if (loc.kind === "xmm") return loc.reg;
  if (loc.kind === "const") {
    const label = fc.ctx.constant(constantBytes(entry as Entry & { loc: { kind: "const" } }));
    return isF32(entry) ? m32({ label }) : m64({ label });
  }
  return fc.s.memoryOf(entry, 0, !isF32(entry));
}

/** Loads a float entry into `reg` (flags untouched). */
export function loadFloat(fc: FunctionCompiler, entry: Entry, reg: Xmm): void {
  const src = floatSource(fc, entry);
  if (src.kind === "xmm") {
    if (src !== reg) fc.a.movaps(reg, src);
  } else if (isF32(entry)) {
    fc.a.movss(reg, src);
  } else {
    fc.a.movsd(reg, src);
  }
}

/** The value in an xmm register the caller owns (reusing the entry's register). */
export function ownedXmm(fc: FunctionCompiler, entry: Entry): Xmm {
  if (entry.loc.kind === "xmm") return entry.loc.reg;
  const reg = fc.s.allocXmm();
  loadFloat(fc, entry, reg);
  return reg;
}
