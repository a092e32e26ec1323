/**
 * Lowering of linear-memory loads and stores of every width, memory.size/grow, and the
 * bulk-memory instructions.
 *
 * Layer: per-opcode lowering. Effective address = memoryBase + pointer + offset, formed by a
 * single addressing mode with memoryBase folded into the displacement (wrapping mod 2^32).
 * There are no bounds checks: the memory region's paging is the protection (DESIGN).
 * memory.copy / memory.fill call out-of-line helpers (`codegen/helpers.ts`) that use
 * rep movsb / rep stosb; memory.size / grow call the runtime's cdecl hooks.
 */

import { type Gpr, type MemoryOperand, m8, m16, m32, m64 } from "@sawmill/x86";
import { addressMemory, addressOwned } from "../codegen/address.js";
import type { FunctionCompiler, Lowering } from "../codegen/function-compiler.js";
import type { Entry } from "../codegen/value-stack.js";
import type { Instr } from "../decoder/instructions.js";
import { op } from "../decoder/opcodes.js";
import type { ValType } from "../types.js";
import { callRoutine } from "./calls.js";
import { byteOf, freeOperands, homeReg, is16, offsetMemory, ownedReg, source32 } from "./values.js";
import { storeValue } from "./variables.js";

/** The memory operand for `pointer + offset` in linear memory; `regs` are to free after. */
function address(
  fc: FunctionCompiler,
  pointer: Entry,
  offset: number,
  size: 8 | 16 | 32 | 64,
): { mem: MemoryOperand; regs: Gpr[] } {
  const make = size === 8 ? m8 : size === 16 ? m16 : size === 32 ? m32 : m64;
  const { loc } = pointer;
  const base = fc.ctx.memoryBase + offset;
  if (loc.kind === "const") return { mem: make({ disp: wrap(base + (loc.n >>> 0)) }), regs: [] };
  if (loc.kind === "address") return { mem: addressMemory(loc, wrap(base), size), regs: addressOwned(loc) };
  if (loc.kind === "local") {
    const home = homeReg(fc, loc.index);
    if (home) return { mem: make({ base: home, disp: wrap(base) }), regs: [] };
  }
  const reg = ownedReg(fc, pointer);
  return { mem: make({ base: reg, disp: wrap(base) }), regs: [reg] };
}

const freeAll = (fc: FunctionCompiler, regs: readonly Gpr[]) => {
  for (const reg of regs) fc.s.free(reg);
};

const LOCAL_SET = op("local.set");
const LOCAL_TEE = op("local.tee");

/**
 * `load; local.set L` with L in a register: load straight into L's home (the address is read
 * before the destination is written, so it may use L itself). Other stack entries still
 * reading L are evaluated first.
 */
function loadTarget(fc: FunctionCompiler): number {
  const next = fc.peek();
  if (!next || (next.op !== LOCAL_SET && next.op !== LOCAL_TEE) || homeReg(fc, next.index) === null)
    return -1;
  fc.s.detachLocal(next.index);
  return next.index;
}

const wrap = (n: number): number => Number(BigInt.asIntN(32, BigInt(n)));

type Extension = "zero" | "sign" | null;

function load(type: ValType, bits: 8 | 16 | 32 | 64, extension: Extension): Lowering {
  return (fc, instr) => {
    const pointer = fc.s.pop();
    if (type === "f32" || type === "f64") return loadFloat(fc, pointer, instr, type);
    const { mem, regs } = address(fc, pointer, instr.offset, bits === 64 ? 32 : bits);
    const [reuse, ...others] = regs;
    if (type === "i64" && bits === 64) {
      const hi = fc.s.allocGpr();
      fc.a.mov(hi, offsetMemory(mem, 4));
      const lo = reuse ?? fc.s.allocGpr();
      fc.a.mov(lo, mem);
      freeAll(fc, others);
      fc.s.push("i64", { kind: "pair", lo, hi });
      return 0;
    }
    const local = type === "i32" ? loadTarget(fc) : -1;
    const dst = local >= 0 ? homeReg(fc, local)! : (reuse ?? fc.s.allocGpr());
    if (bits === 32) fc.a.mov(dst, mem);
    else if (extension === "sign") fc.a.movsx(dst, mem);
    else fc.a.movzx(dst, mem);
    if (local >= 0) {
      freeAll(fc, regs);
      if (fc.peek()!.op === LOCAL_TEE) fc.s.push("i32", { kind: "local", index: local });
      return 1;
    }
    freeAll(fc, others);
    if (type === "i32") {
      fc.s.push("i32", { kind: "reg", reg: dst });
      return 0;
    }
    const hi = fc.s.allocGpr();
    if (extension === "sign") {
      fc.a.mov(hi, dst);
      fc.a.sar(hi, 31);
    } else {
      fc.a.mov(hi, 0);
    }
    fc.s.push("i64", { kind: "pair", lo: dst, hi });
    return 0;
  };
}

function loadFloat(fc: FunctionCompiler, pointer: Entry, instr: Instr, type: "f32" | "f64"): number {
  const { mem, regs } = address(fc, pointer, instr.offset, type === "f32" ? 32 : 64);
  const dst = fc.s.allocXmm();
  if (type === "f32") fc.a.movss(dst, mem);
  else fc.a.movsd(dst, mem);
  freeAll(fc, regs);
  fc.s.push(type, { kind: "xmm", reg: dst });
  return 0;
}

/** i32.store / i64.store / f32.store / f64.store: full-width stores. */
function storeFull(): Lowering {
  return (fc, instr) => {
    const value = fc.s.pop();
    const pointer = fc.s.pop();
    const wide = value.type === "f64";
    const { mem, regs } = address(fc, pointer, instr.offset, wide ? 64 : 32);
    storeValue(fc, value, (half, asWide) => (asWide ? mem : offsetMemory(mem, half)));
    freeAll(fc, regs);
    return 0;
  };
}

/** Narrow stores (8/16/32 bits of an i32 or the low half of an i64). */
function storeNarrow(bits: 8 | 16 | 32): Lowering {
  return (fc, instr) => {
    const value = fc.s.pop();
    const pointer = fc.s.pop();
    const { mem, regs } = address(fc, pointer, instr.offset, bits);
    const low: Entry = value.type === "i64" ? lowHalf(value) : value;
    let src = source32(fc, low);
    if (typeof src === "number") {
      fc.a.mov(mem, bits === 8 ? src & 0xff : bits === 16 ? src & 0xffff : src);
    } else {
      if (src.kind === "mem" || (bits === 8 && byteOf(src) === null)) {
        const copy = fc.s.allocGpr({ byte: bits === 8, exclude: regs });
        fc.a.mov(copy, src);
        freeOperands(fc, src);
        src = copy;
      }
      const narrow = bits === 8 ? byteOf(src)! : bits === 16 ? is16(src) : src;
      fc.a.mov(mem, narrow);
      freeOperands(fc, src);
    }
    fc.s.release(value);
    freeAll(fc, regs);
    return 0;
  };
}

/** An i32 view of an i64 entry's low half (for wrap and narrow stores). */
export function lowHalf(value: Entry): Entry {
  const { loc } = value;
  if (loc.kind === "const")
    return { type: "i32", loc: { kind: "const", n: Number(BigInt.asIntN(32, loc.big)), big: 0n } };
  if (loc.kind === "pair") return { type: "i32", loc: { kind: "reg", reg: loc.lo } };
  return { type: "i32", loc };
}

const memorySize: Lowering = (fc) => {
  callRoutine(fc, "__wasm_memory_size", [], "i32");
  return 0;
};

const memoryGrow: Lowering = (fc) => {
  callRoutine(fc, "__wasm_memory_grow", [fc.s.pop()], "i32");
  return 0;
};

const memoryCopy: Lowering = (fc) => {
  const count = fc.s.pop();
  const source = fc.s.pop();
  const destination = fc.s.pop();
  callRoutine(fc, fc.ctx.helper("memoryCopy"), [destination, source, count], null);
  return 0;
};

const memoryFill: Lowering = (fc) => {
  const count = fc.s.pop();
  const value = fc.s.pop();
  const destination = fc.s.pop();
  callRoutine(fc, fc.ctx.helper("memoryFill"), [destination, value, count], null);
  return 0;
};

export const memoryLowerings: Record<string, Lowering> = {
  "i32.load": load("i32", 32, null),
  "i64.load": load("i64", 64, null),
  "f32.load": load("f32", 32, null),
  "f64.load": load("f64", 64, null),
  "i32.load8_s": load("i32", 8, "sign"),
  "i32.load8_u": load("i32", 8, "zero"),
  "i32.load16_s": load("i32", 16, "sign"),
  "i32.load16_u": load("i32", 16, "zero"),
  "i64.load8_s": load("i64", 8, "sign"),
  "i64.load8_u": load("i64", 8, "zero"),
  "i64.load16_s": load("i64", 16, "sign"),
  "i64.load16_u": load("i64", 16, "zero"),
  "i64.load32_s": load("i64", 32, "sign"),
  "i64.load32_u": load("i64", 32, "zero"),
  "i32.store": storeFull(),
  "i64.store": storeFull(),
  "f32.store": storeFull(),
  "f64.store": storeFull(),
  "i32.store8": storeNarrow(8),
  "i32.store16": storeNarrow(16),
  "i64.store8": storeNarrow(8),
  "i64.store16": storeNarrow(16),
  "i64.store32": storeNarrow(32),
  "memory.size": memorySize,
  "memory.grow": memoryGrow,
  "memory.copy": memoryCopy,
  "memory.fill": memoryFill,
};
