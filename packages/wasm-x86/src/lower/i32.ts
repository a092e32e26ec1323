/**
 * Lowering of i32 arithmetic, comparisons and bit operations.
 *
 * Layer: per-opcode lowering. Peepholes that make register-allocated code tight:
 * - constants fold into immediates (and two constants fold at compile time);
 * - `x + c` / `x - c` stay lazy as register+displacement, so loads/stores fold them into the
 *   addressing mode and anything else gets one `lea`;
 * - `op; local.set L` computes straight into L's register (`add ebx, 1` for `i += 1`);
 * - a compare (or `and`, `eqz`) followed by br_if/if/select/eqz leaves a flags condition.
 * Division traps (divide by zero, INT_MIN / -1) and `rem_s x, -1 = 0` follow wasm exactly.
 */

import { cl, eax, ecx, edx, type Gpr, type MemoryOperand, type Scale } from "@sawmill/x86";
import { type AddressLoc, address, addressReads } from "../codegen/address.js";
import { type Cond, negate, swapOperands } from "../codegen/conditions.js";
import type { FunctionCompiler, Lowering } from "../codegen/function-compiler.js";
import { type Entry, i32Const } from "../codegen/value-stack.js";
import { op } from "../decoder/opcodes.js";
import { TrapKind } from "../types.js";
import { moveToGpr, relocate } from "./moves.js";
import {
  freeOperands,
  homeReg,
  isConst,
  nextTakesCondition,
  ownedReg,
  readable32,
  source32,
} from "./values.js";

type Src = Gpr | MemoryOperand | number;
type Emit = (fc: FunctionCompiler, dst: Gpr, src: Src) => void;

const LOCAL_SET = op("local.set");
const LOCAL_TEE = op("local.tee");

/** Whether the entry reads local `index` (directly or as the base of a lazy address). */
function refersTo(entry: Entry, index: number): boolean {
  const { loc } = entry;
  return (
    (loc.kind === "local" && loc.index === index) || (loc.kind === "address" && addressReads(loc, index))
  );
}

/**
 * If the next instruction stores into a register local that the right operand does not
 * read, returns that local's index: the operation can compute into its home directly.
 */
function fusedLocalTarget(fc: FunctionCompiler, rhs: Entry): number {
  const next = fc.peek();
  if (!next || (next.op !== LOCAL_SET && next.op !== LOCAL_TEE)) return -1;
  if (homeReg(fc, next.index) === null || refersTo(rhs, next.index)) return -1;
  return next.index;
}

/** Pushes a register result, or finishes the fused local.set/tee; returns instructions consumed. */
function finish(fc: FunctionCompiler, dst: Gpr, local: number): number {
  if (local < 0) {
    fc.s.push("i32", { kind: "reg", reg: dst });
    return 0;
  }
  if (fc.peek()!.op === LOCAL_TEE) fc.s.push("i32", { kind: "local", index: local });
  return 1;
}

/** `local.get L; <rhs>; op; local.set L` with L in the frame: one read-modify-write instruction. */
type EmitToMemory = (fc: FunctionCompiler, dst: MemoryOperand, src: Gpr | number) => void;

function fusedMemoryLocal(fc: FunctionCompiler, lhs: Entry): number {
  const next = fc.peek();
  if (!next || (next.op !== LOCAL_SET && next.op !== LOCAL_TEE)) return -1;
  const reads = lhs.loc.kind === "local" && lhs.loc.index === next.index;
  return reads && homeReg(fc, next.index) === null ? next.index : -1;
}

function binaryInMemory(fc: FunctionCompiler, emit: EmitToMemory, local: number, rhs: Entry): number {
  fc.s.detachLocal(local);
  const operand = source32(fc, rhs);
  const src = typeof operand === "object" && operand.kind === "mem" ? ownedReg(fc, rhs) : operand;
  emit(fc, fc.frame.localMemory(local), src as Gpr | number);
  fc.s.release(rhs);
  freeOperands(fc, src);
  if (fc.peek()!.op === LOCAL_TEE) fc.s.push("i32", { kind: "local", index: local });
  return 1;
}

/** The generic two-operand i32 operation `dst = lhs op rhs`. */
function binary(fc: FunctionCompiler, emit: Emit, commutative: boolean, toMemory?: EmitToMemory): number {
  let rhs = fc.s.pop();
  let lhs = fc.s.pop();
  const memoryLocal = toMemory ? fusedMemoryLocal(fc, lhs) : -1;
  if (memoryLocal >= 0) return binaryInMemory(fc, toMemory!, memoryLocal, rhs);
  const local = fusedLocalTarget(fc, rhs);
  if (local >= 0) {
    const home = homeReg(fc, local)!;
    fc.s.detachLocal(local);
    // lhs is the local itself (in place), or anything else — a lazy address reading the
    // local included — evaluated into the home first (reads happen before the write)
    if (!(lhs.loc.kind === "local" && lhs.loc.index === local)) {
      fc.s.loadI32(home, lhs);
      fc.s.release(lhs);
    }
    const src = source32(fc, rhs);
    emit(fc, home, src);
    fc.s.release(rhs);
    if (src !== home) freeOperands(fc, src);
    return finish(fc, home, local);
  }
  const lhsOwned = lhs.loc.kind === "reg";
  if (commutative && !lhsOwned && (rhs.loc.kind === "reg" || isConst(lhs))) [lhs, rhs] = [rhs, lhs];
  const dst = ownedReg(fc, lhs);
  const src = source32(fc, rhs);
  emit(fc, dst, src);
  fc.s.release(rhs);
  if (src !== dst) freeOperands(fc, src);
  return finish(fc, dst, -1);
}

type AluName = "add" | "sub" | "and" | "or" | "xor";

function alu(name: AluName): Emit & EmitToMemory {
  return (fc: FunctionCompiler, dst: Gpr | MemoryOperand, src: Src) => fc.a[name](dst, src);
}

const imul: Emit = (fc, dst, src) => {
  if (typeof src === "number") fc.a.imul(dst, dst, src);
  else fc.a.imul(dst, src);
};

type Fold = (x: number, y: number) => number;

/** Constant folding, then the lazy `reg + c` form, then the generic operation. */
function arithmetic(
  emit: Emit,
  commutative: boolean,
  fold: Fold,
  lazyDisp?: (c: number) => number,
  toMemory?: EmitToMemory,
): Lowering {
  return (fc) => {
    const rhs = fc.s.peek(0);
    const lhs = fc.s.peek(1);
    if (isConst(lhs) && isConst(rhs)) {
      fc.s.pop();
      fc.s.pop();
      fc.s.push("i32", i32Const(fold(lhs.loc.n, rhs.loc.n)).loc);
      return 0;
    }
    const lazy = lazyDisp
      ? (x: AddressLoc, y: Entry) => {
          if (isConst(y)) return displaced(x, lazyDisp(y.loc.n));
          const other = lazyDisp(1) === 1 ? asAddress(fc, y) : null; // only + sums two addresses
          return other ? summed(x, other) : null;
        }
      : null;
    if (lazy && lazyAddress(fc, lazy)) return 0;
    return binary(fc, emit, commutative, toMemory);
  };
}

/** add/sub/and/or/xor: arithmetic that can also update a frame-resident local in place. */
function aluArithmetic(
  name: AluName,
  commutative: boolean,
  fold: Fold,
  lazyDisp?: (c: number) => number,
): Lowering {
  return arithmetic(alu(name), commutative, fold, lazyDisp, alu(name));
}

/** An i32 entry as a lazy address, if it is a register, a register local or already lazy. */
function asAddress(fc: FunctionCompiler, entry: Entry): AddressLoc | null {
  const { loc } = entry;
  if (loc.kind === "address") return loc;
  if (loc.kind === "reg") return address({ base: loc.reg });
  const home = loc.kind === "local" ? homeReg(fc, loc.index) : null;
  return home && loc.kind === "local" ? address({ base: home, baseLocal: loc.index }) : null;
}

/** `x + c`: the displacement grows. */
function displaced(a: AddressLoc, c: number): AddressLoc {
  return { ...a, disp: (a.disp + c) | 0 };
}

/** `x + y` of two addresses, when the sum is still one addressing mode. */
function summed(x: AddressLoc, y: AddressLoc): AddressLoc | null {
  const disp = (x.disp + y.disp) | 0;
  if (x.index === null && y.index === null && x.base && y.base) {
    return address({ base: x.base, baseLocal: x.baseLocal, index: y.base, indexLocal: y.baseLocal, disp });
  }
  const [plain, scaled] = x.index === null ? [x, y] : [y, x];
  if (plain.index !== null || scaled.base !== null || !plain.base) return null;
  return { ...scaled, base: plain.base, baseLocal: plain.baseLocal, disp };
}

/** `x << k` (k = 1..3) of a base-only address: an index with a scale. */
function scaled(a: AddressLoc, k: number): AddressLoc | null {
  if (k < 1 || k > 3 || a.index !== null || !a.base) return null;
  const scale = (1 << k) as Scale;
  return address({ index: a.base, indexLocal: a.baseLocal, scale, disp: a.disp * scale });
}

/**
 * Keeps `x + c`, `x + y` and `x << k` lazy when the result is still one addressing mode (a
 * following local.set evaluates it with one `lea`, as cheap as computing in place).
 */
function lazyAddress(fc: FunctionCompiler, combine: (x: AddressLoc, y: Entry) => AddressLoc | null): boolean {
  const rhs = fc.s.peek(0);
  const lhs = fc.s.peek(1);
  const x = asAddress(fc, lhs);
  const result = x ? combine(x, rhs) : null;
  if (!result) return false;
  fc.s.pop();
  fc.s.pop();
  fc.s.push("i32", result);
  return true;
}

/** Shifts and rotates: constant counts become immediates, others go through cl. */
function shift(name: "shl" | "sar" | "shr" | "rol" | "ror", fold: Fold): Lowering {
  return (fc) => {
    const count = fc.s.peek(0);
    if (isConst(count)) {
      const value = fc.s.peek(1);
      if (isConst(value)) {
        fc.s.pop();
        fc.s.pop();
        fc.s.push("i32", i32Const(fold(value.loc.n, count.loc.n)).loc);
        return 0;
      }
      const k = count.loc.n & 31;
      if (name === "shl" && lazyAddress(fc, (x) => scaled(x, k))) return 0;
      const emit: Emit = (f, dst) => f.a[name](dst, k);
      return binary(fc, emit, false);
    }
    const countEntry = fc.s.pop();
    const value = fc.s.pop();
    const dst = ownedReg(fc, value, [ecx]);
    moveToGpr(fc, countEntry, ecx);
    fc.a[name](dst, cl);
    fc.s.free(ecx);
    fc.s.push("i32", { kind: "reg", reg: dst });
    return 0;
  };
}

/** Pushes a flags condition if the next instruction consumes one, else a 0/1 register. */
export function pushCondition(fc: FunctionCompiler, cc: Cond): void {
  if (nextTakesCondition(fc)) {
    fc.s.push("i32", { kind: "cond", cc });
    return;
  }
  const reg = fc.s.allocGpr({ byte: true });
  fc.s.loadI32(reg, { type: "i32", loc: { kind: "cond", cc } });
  fc.s.push("i32", { kind: "reg", reg });
}

function compare(cc: Cond, fold: (x: number, y: number) => boolean): Lowering {
  return (fc) => {
    let rhs = fc.s.pop();
    let lhs = fc.s.pop();
    if (isConst(lhs) && isConst(rhs)) {
      fc.s.push("i32", i32Const(fold(lhs.loc.n, rhs.loc.n) ? 1 : 0).loc);
      return 0;
    }
    let condition = cc;
    if (isConst(lhs)) {
      [lhs, rhs] = [rhs, lhs];
      condition = swapOperands(cc);
    }
    let left = source32(fc, lhs);
    const right = source32(fc, rhs);
    if (
      typeof left === "object" &&
      left.kind === "mem" &&
      typeof right === "object" &&
      right.kind === "mem"
    ) {
      left = ownedReg(fc, lhs);
    }
    fc.a.cmp(left as Gpr | MemoryOperand, right);
    fc.s.release(lhs);
    fc.s.release(rhs);
    freeOperands(fc, left, right);
    pushCondition(fc, condition);
    return 0;
  };
}

const eqz: Lowering = (fc) => {
  const value = fc.s.pop();
  if (value.loc.kind === "cond") {
    pushCondition(fc, negate(value.loc.cc));
  } else if (isConst(value)) {
    fc.s.push("i32", i32Const(value.loc.n === 0 ? 1 : 0).loc);
  } else {
    const operand = readable32(fc, value);
    if (operand.kind === "gpr") fc.a.test(operand, operand);
    else fc.a.cmp(operand, 0);
    fc.s.release(value);
    freeOperands(fc, operand);
    pushCondition(fc, "e");
  }
  return 0;
};

/** `and` feeding a branch becomes `test`, leaving the flags. */
const and: Lowering = (fc, instr) => {
  const rhs = fc.s.peek(0);
  const lhs = fc.s.peek(1);
  if (!nextTakesCondition(fc) || (isConst(lhs) && isConst(rhs))) {
    return aluArithmetic("and", true, (x, y) => x & y)(fc, instr);
  }
  fc.s.pop();
  fc.s.pop();
  const [a, b] = isConst(lhs) ? [rhs, lhs] : [lhs, rhs];
  const left = readable32(fc, a);
  let right = source32(fc, b);
  if (typeof right === "object" && right.kind === "mem" && left.kind === "mem") right = ownedReg(fc, b);
  fc.a.test(left, right as Gpr | number);
  for (const e of [a, b]) fc.s.release(e);
  freeOperands(fc, left, right);
  pushCondition(fc, "ne");
  return 0;
};

/** Division and remainder through edx:eax with wasm's trap rules. */
function division(signed: boolean, remainder: boolean): Lowering {
  return (fc) => {
    const divisorEntry = relocate(fc, fc.s.pop(), [eax, edx]);
    const dividend = fc.s.pop();
    if (isConst(divisorEntry) && !signed && isPowerOfTwo(divisorEntry.loc.n)) {
      return unsignedByPowerOfTwo(fc, dividend, divisorEntry.loc.n >>> 0, remainder);
    }
    moveToGpr(fc, dividend, eax);
    fc.s.evict(edx);
    fc.s.claim(edx);
    let divisor: Gpr | MemoryOperand;
    const known = isConst(divisorEntry) ? divisorEntry.loc.n : null;
    if (known !== null) {
      divisor = ownedReg(fc, divisorEntry, [eax, edx]);
    } else {
      divisor = readable32(fc, divisorEntry);
      if (divisor.kind === "gpr" && (divisor === eax || divisor === edx))
        divisor = ownedReg(fc, divisorEntry, [eax, edx]);
    }
    if (known === null || known === 0) {
      fc.a.cmp(divisor, 0);
      fc.a.jcc("e", fc.ctx.trap(TrapKind.DivideByZero));
    }
    const done = fc.a.newLabel();
    if (signed && (known === null || known === -1)) {
      const normal = fc.a.newLabel();
      fc.a.cmp(divisor, -1);
      fc.a.jcc("ne", normal);
      if (remainder) {
        fc.a.mov(edx, 0);
      } else {
        fc.a.cmp(eax, 0x80000000 | 0);
        fc.a.jcc("e", fc.ctx.trap(TrapKind.IntegerOverflow));
        fc.a.neg(eax);
      }
      fc.a.jmp(done);
      fc.a.bind(normal);
    }
    if (signed) {
      fc.a.cdq();
      fc.a.idiv(divisor);
    } else {
      fc.a.mov(edx, 0);
      fc.a.div(divisor);
    }
    fc.a.bind(done);
    fc.s.release(divisorEntry);
    freeOperands(fc, divisor);
    const [result, other] = remainder ? [edx, eax] : [eax, edx];
    fc.s.free(other);
    fc.s.push("i32", { kind: "reg", reg: result });
    return 0;
  };
}

const isPowerOfTwo = (n: number): boolean => n !== 0 && ((n >>> 0) & ((n >>> 0) - 1)) === 0;

function unsignedByPowerOfTwo(
  fc: FunctionCompiler,
  dividend: Entry,
  divisor: number,
  remainder: boolean,
): number {
  const dst = ownedReg(fc, dividend);
  if (remainder) fc.a.and(dst, (divisor - 1) | 0);
  else fc.a.shr(dst, Math.log2(divisor));
  fc.s.push("i32", { kind: "reg", reg: dst });
  return 0;
}

/** Unary operations computed into a fresh register. */
function unary(emit: (fc: FunctionCompiler, dst: Gpr, src: Gpr | MemoryOperand) => void): Lowering {
  return (fc) => {
    const value = fc.s.pop();
    const dst = ownedReg(fc, value);
    emit(fc, dst, dst);
    fc.s.push("i32", { kind: "reg", reg: dst });
    return 0;
  };
}

/** clz: bsr gives the index of the highest set bit; zero input gives 32. */
const clz = unary((fc, dst) => {
  const zero = fc.a.newLabel();
  const done = fc.a.newLabel();
  fc.a.bsr(dst, dst);
  fc.a.jcc("e", zero);
  fc.a.xor(dst, 31);
  fc.a.jmp(done);
  fc.a.bind(zero);
  fc.a.mov(dst, 32);
  fc.a.bind(done);
});

const ctz = unary((fc, dst) => {
  const done = fc.a.newLabel();
  fc.a.bsf(dst, dst);
  fc.a.jcc("ne", done);
  fc.a.mov(dst, 32);
  fc.a.bind(done);
});

/** Population count by the SWAR bit tricks (the CPU may lack POPCNT). */
export function emitPopcount(fc: FunctionCompiler, dst: Gpr): void {
  const t = fc.s.allocGpr({ exclude: [dst] });
  fc.a.mov(t, dst);
  fc.a.shr(t, 1);
  fc.a.and(t, 0x55555555);
  fc.a.sub(dst, t);
  fc.a.mov(t, dst);
  fc.a.shr(t, 2);
  fc.a.and(dst, 0x33333333);
  fc.a.and(t, 0x33333333);
  fc.a.add(dst, t);
  fc.a.mov(t, dst);
  fc.a.shr(t, 4);
  fc.a.add(dst, t);
  fc.a.and(dst, 0x0f0f0f0f);
  fc.a.imul(dst, dst, 0x01010101);
  fc.a.shr(dst, 24);
  fc.s.free(t);
}

const popcnt = unary((fc, dst) => emitPopcount(fc, dst));

function signExtend(bits: 8 | 16): Lowering {
  return unary((fc, dst) => {
    fc.a.shl(dst, 32 - bits);
    fc.a.sar(dst, 32 - bits);
  });
}

const imulFold: Fold = (x, y) => Math.imul(x, y);

export const i32Lowerings: Record<string, Lowering> = {
  "i32.const": (fc, instr) => {
    fc.s.push("i32", i32Const(instr.i32).loc);
    return 0;
  },
  "i32.add": aluArithmetic(
    "add",
    true,
    (x, y) => (x + y) | 0,
    (c) => c,
  ),
  "i32.sub": aluArithmetic(
    "sub",
    false,
    (x, y) => (x - y) | 0,
    (c) => -c | 0,
  ),
  "i32.mul": arithmetic(imul, true, imulFold),
  "i32.and": and,
  "i32.or": aluArithmetic("or", true, (x, y) => x | y),
  "i32.xor": aluArithmetic("xor", true, (x, y) => x ^ y),
  "i32.shl": shift("shl", (x, y) => x << (y & 31)),
  "i32.shr_s": shift("sar", (x, y) => x >> (y & 31)),
  "i32.shr_u": shift("shr", (x, y) => (x >>> (y & 31)) | 0),
  "i32.rotl": shift("rol", (x, y) => (x << (y & 31)) | (x >>> (-y & 31)) | 0),
  "i32.rotr": shift("ror", (x, y) => (x >>> (y & 31)) | (x << (-y & 31)) | 0),
  "i32.div_s": division(true, false),
  "i32.div_u": division(false, false),
  "i32.rem_s": division(true, true),
  "i32.rem_u": division(false, true),
  "i32.eqz": eqz,
  "i32.eq": compare("e", (x, y) => x === y),
  "i32.ne": compare("ne", (x, y) => x !== y),
  "i32.lt_s": compare("l", (x, y) => x < y),
  "i32.lt_u": compare("b", (x, y) => x >>> 0 < y >>> 0),
  "i32.gt_s": compare("g", (x, y) => x > y),
  "i32.gt_u": compare("a", (x, y) => x >>> 0 > y >>> 0),
  "i32.le_s": compare("le", (x, y) => x <= y),
  "i32.le_u": compare("be", (x, y) => x >>> 0 <= y >>> 0),
  "i32.ge_s": compare("ge", (x, y) => x >= y),
  "i32.ge_u": compare("ae", (x, y) => x >>> 0 >= y >>> 0),
  "i32.clz": clz,
  "i32.ctz": ctz,
  "i32.popcnt": popcnt,
  "i32.extend8_s": signExtend(8),
  "i32.extend16_s": signExtend(16),
};
