/**
 * Lowering of i64 operations on 32-bit register pairs.
 *
 * Layer: per-opcode lowering. add/sub carry through adc/sbb; mul is three 32-bit multiplies;
 * shifts and rotates use shld/shrd, with counts >= 32 handled by swapping halves (constant
 * counts are specialised); ordered compares subtract the pairs (cmp lo; sbb hi) and read the
 * flags, so they fuse with br_if/if/select like i32 compares; div/rem call the out-of-line
 * helpers (`codegen/helpers.ts`) that implement wasm's trap rules.
 */

import { cl, eax, ecx, edx, type Gpr } from "@sawmill/x86";
import type { Cond } from "../codegen/conditions.js";
import type { FunctionCompiler, Lowering } from "../codegen/function-compiler.js";
import type { HelperName } from "../codegen/helpers.js";
import type { Entry } from "../codegen/value-stack.js";
import { callRoutine } from "./calls.js";
import { emitPopcount, pushCondition } from "./i32.js";
import { lowHalf } from "./memory.js";
import { moveToGpr, moveToPair, relocate } from "./moves.js";
import { halves, ownedPair } from "./pairs.js";
import { isConst, ownedReg } from "./values.js";

type Fold = (x: bigint, y: bigint) => bigint;

const i64 = (value: bigint): bigint => BigInt.asIntN(64, value);
const u64 = (value: bigint): bigint => BigInt.asUintN(64, value);

function pushConst(fc: FunctionCompiler, value: bigint): void {
  const big = i64(value);
  fc.s.push("i64", { kind: "const", n: Number(BigInt.asIntN(32, big)), big });
}

function pushPair(fc: FunctionCompiler, lo: Gpr, hi: Gpr): void {
  fc.s.push("i64", { kind: "pair", lo, hi });
}

/** Pops two operands, folding constants; returns null when folded. */
function popBinary(fc: FunctionCompiler, fold: Fold): [Entry, Entry] | null {
  const rhs = fc.s.pop();
  const lhs = fc.s.pop();
  if (isConst(lhs) && isConst(rhs)) {
    pushConst(fc, fold(lhs.loc.big, rhs.loc.big));
    return null;
  }
  return [lhs, rhs];
}

function pairAlu(
  low: "add" | "sub" | "and" | "or" | "xor",
  high: "adc" | "sbb" | "and" | "or" | "xor",
  fold: Fold,
  commutative: boolean,
): Lowering {
  return (fc) => {
    const operands = popBinary(fc, fold);
    if (!operands) return 0;
    let [lhs, rhs] = operands;
    if (commutative && lhs.loc.kind !== "pair" && rhs.loc.kind === "pair") [lhs, rhs] = [rhs, lhs];
    const [lo, hi] = ownedPair(fc, lhs);
    const [rlo, rhi] = halves(fc, rhs);
    fc.a[low](lo, rlo);
    fc.a[high](hi, rhi);
    fc.s.release(rhs);
    pushPair(fc, lo, hi);
    return 0;
  };
}

/**
 * 64-bit multiply: the left operand goes to edx:eax; the cross products a_hi*b_lo and
 * a_lo*b_hi accumulate in one register, then `mul` forms a_lo*b_lo and the cross sum is
 * added to its high half. At most four general registers are live.
 */
const mul: Lowering = (fc) => {
  const operands = popBinary(fc, (x, y) => x * y);
  if (!operands) return 0;
  const pinned = (e: Entry) => fc.s.owned(e.loc).some((r) => r === eax || r === edx);
  // multiplication commutes: let the operand already in eax/edx be the one moved there
  const [left, right] = pinned(operands[1]) && !pinned(operands[0]) ? [operands[1], operands[0]] : operands;
  const rhs = relocate(fc, right, [eax, edx]);
  moveToPair(fc, left, eax, edx);
  const [blo, bhi] = halves(fc, rhs);
  // cross = a_lo * b_hi, in b_hi's own register when the right operand is an owned pair
  const cross = rhs.loc.kind === "pair" ? rhs.loc.hi : fc.s.allocGpr();
  if (typeof bhi === "number") fc.a.imul(cross, eax, bhi);
  else {
    if (cross !== bhi) fc.a.mov(cross, bhi);
    fc.a.imul(cross, eax);
  }
  // cross += a_hi * b_lo
  if (typeof blo === "number") fc.a.imul(edx, edx, blo);
  else fc.a.imul(edx, blo);
  fc.a.add(cross, edx);
  if (typeof blo === "number") {
    fc.a.mov(edx, blo);
    fc.a.mul(edx);
  } else {
    fc.a.mul(blo);
  }
  fc.a.add(edx, cross);
  fc.s.release(rhs);
  fc.s.free(cross);
  pushPair(fc, eax, edx);
  return 0;
};

function division(helper: HelperName, fold: Fold): Lowering {
  return (fc) => {
    const rhs = fc.s.peek(0);
    const lhs = fc.s.peek(1);
    if (isConst(lhs) && isConst(rhs) && rhs.loc.big !== 0n) {
      const folded = foldDivision(helper, lhs.loc.big, rhs.loc.big, fold);
      if (folded !== null) {
        fc.s.pop();
        fc.s.pop();
        pushConst(fc, folded);
        return 0;
      }
    }
    const b = fc.s.pop();
    const a = fc.s.pop();
    callRoutine(fc, fc.ctx.helper(helper), [a, b], "i64");
    return 0;
  };
}

function foldDivision(helper: HelperName, x: bigint, y: bigint, fold: Fold): bigint | null {
  const signed = helper === "i64DivS" || helper === "i64RemS";
  if (signed && helper === "i64DivS" && x === -(1n << 63n) && y === -1n) return null; // traps at run time
  return signed ? fold(i64(x), i64(y)) : fold(u64(x), u64(y));
}

type ShiftKind = "shl" | "shr_s" | "shr_u" | "rotl" | "rotr";

function shiftByConstant(fc: FunctionCompiler, kind: ShiftKind, lo: Gpr, hi: Gpr, count: number): void {
  const a = fc.a;
  let c = count & 63;
  if (kind === "rotl" || kind === "rotr") {
    if (c >= 32) {
      a.xchg(lo, hi);
      c -= 32;
    }
    if (c !== 0) rotatePairWithinHalf(fc, kind, lo, hi, c);
    return;
  }
  if (c === 0) return;
  if (kind === "shl") {
    if (c < 32) {
      a.shld(hi, lo, c);
      a.shl(lo, c);
    } else {
      a.mov(hi, lo);
      if (c > 32) a.shl(hi, c - 32);
      a.mov(lo, 0);
    }
    return;
  }
  if (c < 32) {
    a.shrd(lo, hi, c);
    if (kind === "shr_s") a.sar(hi, c);
    else a.shr(hi, c);
    return;
  }
  a.mov(lo, hi);
  if (kind === "shr_s") {
    if (c > 32) a.sar(lo, c - 32);
    a.sar(hi, 31);
  } else {
    if (c > 32) a.shr(lo, c - 32);
    a.mov(hi, 0);
  }
}

/** Rotates hi:lo by `count` mod 32 (a constant or cl): two double shifts through a scratch register. */
function rotatePairWithinHalf(
  fc: FunctionCompiler,
  kind: "rotl" | "rotr",
  lo: Gpr,
  hi: Gpr,
  count: number | typeof cl,
): void {
  const a = fc.a;
  const t = fc.s.allocGpr();
  if (kind === "rotl") {
    a.mov(t, hi);
    a.shld(hi, lo, count);
    a.shld(lo, t, count);
  } else {
    a.mov(t, lo);
    a.shrd(lo, hi, count);
    a.shrd(hi, t, count);
  }
  fc.s.free(t);
}

function shiftByCl(fc: FunctionCompiler, kind: ShiftKind, lo: Gpr, hi: Gpr): void {
  const a = fc.a;
  const small = a.newLabel();
  if (kind === "rotl" || kind === "rotr") {
    a.test(ecx, 32);
    a.jcc("e", small);
    a.xchg(lo, hi);
    a.bind(small);
    rotatePairWithinHalf(fc, kind, lo, hi, cl);
    return;
  }
  if (kind === "shl") {
    a.shld(hi, lo, cl);
    a.shl(lo, cl);
  } else {
    a.shrd(lo, hi, cl);
    if (kind === "shr_s") a.sar(hi, cl);
    else a.shr(hi, cl);
  }
  a.test(ecx, 32);
  a.jcc("e", small);
  if (kind === "shl") {
    a.mov(hi, lo);
    a.mov(lo, 0);
  } else if (kind === "shr_s") {
    a.mov(lo, hi);
    a.sar(hi, 31);
  } else {
    a.mov(lo, hi);
    a.mov(hi, 0);
  }
  a.bind(small);
}

const SHIFT_FOLDS: Record<ShiftKind, Fold> = {
  shl: (x, y) => x << (y & 63n),
  shr_s: (x, y) => i64(x) >> (y & 63n),
  shr_u: (x, y) => u64(x) >> (y & 63n),
  rotl: (x, y) => (u64(x) << (y & 63n)) | (u64(x) >> ((64n - (y & 63n)) & 63n)),
  rotr: (x, y) => (u64(x) >> (y & 63n)) | (u64(x) << ((64n - (y & 63n)) & 63n)),
};

function shift(kind: ShiftKind): Lowering {
  return (fc) => {
    const count = fc.s.peek(0);
    if (isConst(count)) {
      const operands = popBinary(fc, SHIFT_FOLDS[kind]);
      if (!operands) return 0;
      const [lo, hi] = ownedPair(fc, operands[0]);
      shiftByConstant(fc, kind, lo, hi, Number(count.loc.big & 63n));
      pushPair(fc, lo, hi);
      return 0;
    }
    const countEntry = relocate(fc, fc.s.pop(), [ecx]);
    const value = relocate(fc, fc.s.pop(), [ecx]);
    moveToGpr(fc, lowHalf(countEntry), ecx);
    fc.s.release(countEntry);
    const [lo, hi] = ownedPair(fc, value);
    shiftByCl(fc, kind, lo, hi);
    fc.s.free(ecx);
    pushPair(fc, lo, hi);
    return 0;
  };
}

/** Emits `x - y` over both halves (in x's own registers), leaving flags valid for l/ge/b/ae. */
function subtractForFlags(fc: FunctionCompiler, x: Entry, y: Entry): void {
  const [lo, hi] = ownedPair(fc, x);
  const [ylo, yhi] = halves(fc, y);
  fc.a.cmp(lo, ylo);
  fc.a.sbb(hi, yhi);
  fc.s.free(lo);
  fc.s.free(hi);
}

function ordered(
  cc: Cond,
  swap: boolean,
  fold: (x: bigint, y: bigint) => boolean,
  signed: boolean,
): Lowering {
  return (fc) => {
    const rhs = fc.s.pop();
    const lhs = fc.s.pop();
    if (isConst(lhs) && isConst(rhs)) {
      const [x, y] = signed ? [i64(lhs.loc.big), i64(rhs.loc.big)] : [u64(lhs.loc.big), u64(rhs.loc.big)];
      fc.s.push("i32", { kind: "const", n: fold(x, y) ? 1 : 0, big: 0n });
      return 0;
    }
    const [x, y] = swap ? [rhs, lhs] : [lhs, rhs];
    subtractForFlags(fc, x, y);
    fc.s.release(lhs);
    fc.s.release(rhs);
    pushCondition(fc, cc);
    return 0;
  };
}

/** eq/ne: (xlo ^ ylo) | (xhi ^ yhi) sets ZF exactly when equal. */
function equality(cc: "e" | "ne"): Lowering {
  return (fc) => {
    const rhs = fc.s.pop();
    const lhs = fc.s.pop();
    if (isConst(lhs) && isConst(rhs)) {
      const same = u64(lhs.loc.big) === u64(rhs.loc.big);
      fc.s.push("i32", { kind: "const", n: same === (cc === "e") ? 1 : 0, big: 0n });
      return 0;
    }
    const [x, y] = lhs.loc.kind !== "pair" && rhs.loc.kind === "pair" ? [rhs, lhs] : [lhs, rhs];
    const [lo, hi] = ownedPair(fc, x);
    const [ylo, yhi] = halves(fc, y);
    fc.a.xor(lo, ylo);
    fc.a.xor(hi, yhi);
    fc.a.or(lo, hi);
    fc.s.free(lo);
    fc.s.free(hi);
    fc.s.release(y);
    pushCondition(fc, cc);
    return 0;
  };
}

const eqz: Lowering = (fc) => {
  const value = fc.s.pop();
  if (isConst(value)) {
    fc.s.push("i32", { kind: "const", n: value.loc.big === 0n ? 1 : 0, big: 0n });
    return 0;
  }
  const [lo, hi] = halves(fc, value);
  const t = value.loc.kind === "pair" ? value.loc.lo : fc.s.allocGpr();
  if (t !== lo) fc.a.mov(t, lo);
  fc.a.or(t, hi);
  fc.s.free(t);
  fc.s.release(value);
  pushCondition(fc, "e");
  return 0;
};

/** Unary bit counts: result in lo, hi = 0. */
function bitCount(emit: (fc: FunctionCompiler, lo: Gpr, hi: Gpr) => void): Lowering {
  return (fc) => {
    const [lo, hi] = ownedPair(fc, fc.s.pop());
    emit(fc, lo, hi);
    fc.a.mov(hi, 0);
    pushPair(fc, lo, hi);
    return 0;
  };
}

const clz = bitCount((fc, lo, hi) => {
  const a = fc.a;
  const lowPart = a.newLabel();
  const found = a.newLabel();
  const done = a.newLabel();
  a.test(hi, hi);
  a.jcc("e", lowPart);
  a.bsr(lo, hi);
  a.xor(lo, 31);
  a.jmp(done);
  a.bind(lowPart);
  a.bsr(lo, lo);
  a.jcc("ne", found);
  a.mov(lo, 63); // (63 ^ 31) + 32 = 64 for a zero input
  a.bind(found);
  a.xor(lo, 31);
  a.add(lo, 32);
  a.bind(done);
});

const ctz = bitCount((fc, lo, hi) => {
  const a = fc.a;
  const done = a.newLabel();
  const highPart = a.newLabel();
  a.bsf(lo, lo);
  a.jcc("ne", done);
  a.bsf(lo, hi);
  a.jcc("ne", highPart);
  a.mov(lo, 32); // + 32 = 64 for a zero input
  a.bind(highPart);
  a.add(lo, 32);
  a.bind(done);
});

const popcnt = bitCount((fc, lo, hi) => {
  emitPopcount(fc, lo);
  emitPopcount(fc, hi);
  fc.a.add(lo, hi);
});

function extendI32(signed: boolean): Lowering {
  return (fc) => {
    const value = fc.s.pop();
    if (isConst(value)) {
      pushConst(fc, signed ? BigInt(value.loc.n) : BigInt(value.loc.n >>> 0));
      return 0;
    }
    const lo = ownedReg(fc, value);
    const hi = fc.s.allocGpr();
    if (signed) {
      fc.a.mov(hi, lo);
      fc.a.sar(hi, 31);
    } else {
      fc.a.mov(hi, 0);
    }
    pushPair(fc, lo, hi);
    return 0;
  };
}

function extendLow(bits: 8 | 16 | 32): Lowering {
  return (fc) => {
    const value = fc.s.pop();
    if (isConst(value)) {
      pushConst(fc, BigInt.asIntN(bits, value.loc.big));
      return 0;
    }
    const [lo, hi] = ownedPair(fc, value);
    if (bits < 32) {
      fc.a.shl(lo, 32 - bits);
      fc.a.sar(lo, 32 - bits);
    }
    fc.a.mov(hi, lo);
    fc.a.sar(hi, 31);
    pushPair(fc, lo, hi);
    return 0;
  };
}

const wrap: Lowering = (fc) => {
  const value = fc.s.pop();
  const { loc } = value;
  if (loc.kind === "const") {
    fc.s.push("i32", { kind: "const", n: Number(BigInt.asIntN(32, loc.big)), big: 0n });
  } else if (loc.kind === "pair") {
    fc.s.free(loc.hi);
    fc.s.push("i32", { kind: "reg", reg: loc.lo });
  } else {
    fc.s.push("i32", { kind: "reg", reg: ownedReg(fc, lowHalf(value)) });
  }
  return 0;
};

export const i64Lowerings: Record<string, Lowering> = {
  "i64.const": (fc, instr) => {
    pushConst(fc, instr.i64);
    return 0;
  },
  "i64.add": pairAlu("add", "adc", (x, y) => x + y, true),
  "i64.sub": pairAlu("sub", "sbb", (x, y) => x - y, false),
  "i64.and": pairAlu("and", "and", (x, y) => x & y, true),
  "i64.or": pairAlu("or", "or", (x, y) => x | y, true),
  "i64.xor": pairAlu("xor", "xor", (x, y) => x ^ y, true),
  "i64.mul": mul,
  "i64.div_s": division("i64DivS", (x, y) => x / y),
  "i64.div_u": division("i64DivU", (x, y) => x / y),
  "i64.rem_s": division("i64RemS", (x, y) => x % y),
  "i64.rem_u": division("i64RemU", (x, y) => x % y),
  "i64.shl": shift("shl"),
  "i64.shr_s": shift("shr_s"),
  "i64.shr_u": shift("shr_u"),
  "i64.rotl": shift("rotl"),
  "i64.rotr": shift("rotr"),
  "i64.eqz": eqz,
  "i64.eq": equality("e"),
  "i64.ne": equality("ne"),
  "i64.lt_s": ordered("l", false, (x, y) => x < y, true),
  "i64.lt_u": ordered("b", false, (x, y) => x < y, false),
  "i64.gt_s": ordered("l", true, (x, y) => x > y, true),
  "i64.gt_u": ordered("b", true, (x, y) => x > y, false),
  "i64.le_s": ordered("ge", true, (x, y) => x <= y, true),
  "i64.le_u": ordered("ae", true, (x, y) => x <= y, false),
  "i64.ge_s": ordered("ge", false, (x, y) => x >= y, true),
  "i64.ge_u": ordered("ae", false, (x, y) => x >= y, false),
  "i64.clz": clz,
  "i64.ctz": ctz,
  "i64.popcnt": popcnt,
  "i64.extend_i32_s": extendI32(true),
  "i64.extend_i32_u": extendI32(false),
  "i64.extend8_s": extendLow(8),
  "i64.extend16_s": extendLow(16),
  "i64.extend32_s": extendLow(32),
  "i32.wrap_i64": wrap,
};
