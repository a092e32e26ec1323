/**
 * Widening of the byte-copy loop: `for (i; i < N; i++) dst[i] = src[i]` moves four bytes per
 * trip while at least four remain, then the loop itself copies the rest byte by byte.
 *
 * Layer: lowering, called by the `loop` lowering before it binds the loop header. Interface: `widenCopyLoop(fc)` emits
 * the dword prelude when the loop at `fc.pc` has exactly the shape asc -O3 gives such a loop,
 * and does nothing otherwise:
 *
 *   loop $L
 *     (if (i32.lt_u (local.get $i) (i32.const N))
 *       (then (i32.store8 offset=o2 (i32.add (local.get $i) (i32.const C2))
 *                                   (i32.load8_u/_s offset=o1 (i32.add (local.get $i) (i32.const C1))))
 *             (local.set $i (i32.add (local.get $i) (i32.const 1)))
 *             (br $L)))
 *   end
 *
 * Why it is exact: a dword load then store of bytes i..i+3 equals the four byte copies unless
 * a byte stored is read later in the same group, i.e. unless the destination starts 1-3 bytes
 * after the source (then the loop is left alone). `i <u N - 3` keeps i..i+3 below N, so the
 * prelude reads and writes only bytes the byte loop would; the loop then finishes from the i
 * the prelude leaves, with its own test. Addresses wrap mod 2^32 like the byte accesses do.
 */

import { type Gpr, m32 } from "@sawmill/x86";
import type { FunctionCompiler } from "../codegen/function-compiler.js";
import type { Instr } from "../decoder/instructions.js";
import { op } from "../decoder/opcodes.js";
import { homeReg } from "./values.js";

interface CopyLoop {
  readonly counter: Gpr;
  readonly local: number;
  readonly limit: number;
  /** Source and destination byte offsets from the counter (address addend plus memarg offset). */
  readonly source: number;
  readonly destination: number;
}

const EMPTY_BLOCK = (instr: Instr | null): boolean =>
  instr !== null && instr.block !== null && "result" in instr.block && instr.block.result === null;

/** Matches `local.get $i [i32.const C; i32.add]` at `k`; returns C and the length, or null. */
function counterPlus(fc: FunctionCompiler, k: number, local: number): { add: number; length: number } | null {
  const get = fc.peek(k);
  if (get?.op !== op("local.get") || get.index !== local) return null;
  const c = fc.peek(k + 1);
  const add = fc.peek(k + 2);
  if (c?.op === op("i32.const") && add?.op === op("i32.add")) return { add: c.i32, length: 3 };
  return { add: 0, length: 1 };
}

/** The copy loop starting at the current `loop`, or null if the shape differs in any way. */
function matchCopyLoop(fc: FunctionCompiler): CopyLoop | null {
  const at = (k: number, name: string): Instr | null => {
    const instr = fc.peek(k);
    return instr?.op === op(name) ? instr : null;
  };
  if (!EMPTY_BLOCK(fc.peek(0))) return null;
  const get = at(1, "local.get");
  const limit = at(2, "i32.const");
  if (!get || !limit || !at(3, "i32.lt_u") || !at(4, "if") || !EMPTY_BLOCK(fc.peek(4))) return null;
  const local = get.index;
  const counter = homeReg(fc, local);
  if (!counter || fc.frame.localType(local) !== "i32" || limit.i32 >>> 0 < 4) return null;
  const store = counterPlus(fc, 5, local);
  if (!store) return null;
  const load = counterPlus(fc, 5 + store.length, local);
  if (!load) return null;
  let k = 5 + store.length + load.length;
  const loadInstr = fc.peek(k);
  if (loadInstr?.op !== op("i32.load8_u") && loadInstr?.op !== op("i32.load8_s")) return null;
  const storeInstr = at(k + 1, "i32.store8");
  if (!storeInstr) return null;
  k += 2;
  const step = counterPlus(fc, k, local);
  if (step?.length !== 3 || step.add !== 1) return null;
  k += 3;
  const set = at(k, "local.set");
  const br = at(k + 1, "br");
  if (set?.index !== local || br?.index !== 1 || !at(k + 2, "end") || !at(k + 3, "end")) return null;
  const source = (load.add + loadInstr.offset) | 0;
  const destination = (store.add + storeInstr.offset) | 0;
  const gap = (destination - source) >>> 0;
  if (gap >= 1 && gap <= 3) return null;
  return { counter, local, limit: limit.i32 >>> 0, source, destination };
}

/** Emits the dword prelude in front of a matching copy loop (nothing for any other loop).
 * Called after the loop entry spilled the value stack: no lazy read of $i and no pending
 * flags condition is left for the prelude to disturb. */
export function widenCopyLoop(fc: FunctionCompiler): void {
  if (!fc.reachable) return;
  const loop = matchCopyLoop(fc);
  if (!loop) return;
  const { counter } = loop;
  const base = fc.ctx.memoryBase;
  const bound = (loop.limit - 3) | 0;
  const scratch = fc.s.allocGpr();
  const top = fc.a.newLabel();
  const done = fc.a.newLabel();
  fc.a.cmp(counter, bound);
  fc.a.jcc("ae", done);
  fc.a.bind(top);
  fc.a.mov(scratch, m32({ base: counter, disp: (base + loop.source) | 0 }));
  fc.a.mov(m32({ base: counter, disp: (base + loop.destination) | 0 }), scratch);
  fc.a.add(counter, 4);
  fc.a.cmp(counter, bound);
  fc.a.jcc("b", top);
  fc.a.bind(done);
  fc.s.free(scratch);
}
