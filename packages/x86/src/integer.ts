/**
 * Integer instructions: data movement, arithmetic, logic, shifts, bit operations.
 *
 * Layer: instruction family. Each function validates its operands (throwing `InvalidOperands`
 * naming the instruction) and then emits exactly one encoding into the sink. Preferred forms:
 * sign-extended imm8 (0x83, 0x6B, 0x6A) whenever the value fits, the accumulator short forms
 * of the ALU group and test, and the one-byte inc/dec/push/pop/xchg register forms.
 */

import type { Condition } from "./conditions.js";
import { conditionCode } from "./conditions.js";
import type { Encoding } from "./encoding.js";
import {
  InvalidOperands,
  imm8,
  immediateFor,
  isGpr,
  isImmediate,
  isIntRm,
  isMem,
  sizePrefix,
  widthOf,
} from "./operand-kinds.js";
import type { Operand } from "./operands.js";
import type { Register } from "./registers.js";
import type { Sink } from "./sink.js";

/** ModRM /digit of the ALU group (opcodes 8*digit + 0..5, and 0x80/0x81/0x83 /digit). */
export const ALU_OPS = { add: 0, or: 1, adc: 2, sbb: 3, and: 4, sub: 5, xor: 6, cmp: 7 } as const;
export type AluOp = keyof typeof ALU_OPS;

/** ModRM /digit of the shift group (0xC0/0xC1, 0xD0/0xD1, 0xD2/0xD3). */
export const SHIFT_OPS = { rol: 0, ror: 1, rcl: 2, rcr: 3, shl: 4, shr: 5, sar: 7 } as const;
export type ShiftOp = keyof typeof SHIFT_OPS;

/** ModRM /digit of the unary group 3 (0xF6/0xF7). */
export const UNARY_OPS = { not: 2, neg: 3, mul: 4, imul: 5, div: 6, idiv: 7 } as const;
export type UnaryOp = keyof typeof UNARY_OPS;

/** Second opcode byte of bt/bts/btr/btc with a register bit index, and their 0x0F 0xBA /digit. */
export const BIT_OPS = { bt: [0xa3, 4], bts: [0xab, 5], btr: [0xb3, 6], btc: [0xbb, 7] } as const;
export type BitOp = keyof typeof BIT_OPS;

const failer = (mnemonic: string, operands: Operand[], reason?: string) => (): never => {
  throw new InvalidOperands(mnemonic, operands, reason);
};

/** The low opcode bit that selects byte (0) or word/dword (1) operation. */
const wBit = (width: number): number => (width === 8 ? 0 : 1);

/**
 * `op r/m, r` at `opcode` + w, or `op r, m` at `opcode` + 2 + w: the shape shared by mov, the
 * ALU group, test (without the second form) and xchg.
 */
function rmReg(
  sink: Sink,
  mnemonic: string,
  opcode: number,
  dst: Operand,
  src: Operand,
  fail: () => never,
): void {
  if (isGpr(src) && isIntRm(dst) && widthOf(dst) === src.size) {
    const prefixes = sizePrefix(src.size);
    sink.encode({ prefixes, opcode: [opcode + wBit(src.size)], modrm: { reg: src.code, rm: dst } }, mnemonic);
  } else if (isGpr(dst) && isMem(src, dst.size)) {
    const prefixes = sizePrefix(dst.size);
    sink.encode(
      { prefixes, opcode: [opcode + 2 + wBit(dst.size)], modrm: { reg: dst.code, rm: src } },
      mnemonic,
    );
  } else {
    fail();
  }
}

export function alu(sink: Sink, op: AluOp, dst: Operand, src: Operand): void {
  const fail: () => never = failer(op, [dst, src]);
  const digit = ALU_OPS[op];
  if (!isImmediate(src)) {
    rmReg(sink, op, digit * 8, dst, src, fail);
    return;
  }
  if (!isIntRm(dst)) fail();
  const width = widthOf(dst);
  const imm = immediateFor(src, width, fail);
  const prefixes = sizePrefix(width);
  if (width !== 8 && imm.narrow) {
    sink.encode(
      {
        prefixes,
        opcode: [0x83],
        modrm: { reg: digit, rm: dst },
        immediates: [{ size: 1, value: imm.value! }],
      },
      op,
    );
  } else if (isGpr(dst) && dst.code === 0) {
    sink.encode({ prefixes, opcode: [digit * 8 + 4 + wBit(width)], immediates: [imm.field] }, op);
  } else {
    sink.encode(
      { prefixes, opcode: [0x80 + wBit(width)], modrm: { reg: digit, rm: dst }, immediates: [imm.field] },
      op,
    );
  }
}

export function mov(sink: Sink, dst: Operand, src: Operand): void {
  const fail: () => never = failer("mov", [dst, src]);
  if (typeof dst === "object" && (dst.kind === "seg" || dst.kind === "cr")) {
    movToSpecial(sink, dst, src, fail);
    return;
  }
  if (typeof src === "object" && (src.kind === "seg" || src.kind === "cr")) {
    movFromSpecial(sink, dst, src, fail);
    return;
  }
  if (!isImmediate(src)) {
    rmReg(sink, "mov", 0x88, dst, src, fail);
    return;
  }
  if (!isIntRm(dst)) fail();
  const width = widthOf(dst);
  const { field } = immediateFor(src, width, fail);
  const prefixes = sizePrefix(width);
  if (isGpr(dst)) {
    sink.encode({ prefixes, opcode: [(width === 8 ? 0xb0 : 0xb8) + dst.code], immediates: [field] }, "mov");
  } else {
    sink.encode(
      { prefixes, opcode: [0xc6 + wBit(width)], modrm: { reg: 0, rm: dst }, immediates: [field] },
      "mov",
    );
  }
}

/** mov sreg, r/m16 (0x8E) and mov crN, r32 (0x0F 0x22). A 32-bit source register is fine for sreg. */
function movToSpecial(sink: Sink, dst: Register, src: Operand, fail: () => never): void {
  if (dst.kind === "cr") {
    if (!isGpr(src, 32)) fail();
    sink.encode({ opcode: [0x0f, 0x22], modrm: { reg: dst.code, rm: src } }, "mov");
    return;
  }
  if (dst.name === "cs") fail();
  if (!(isGpr(src, 32) || isGpr(src, 16) || isMem(src, 16))) fail();
  sink.encode({ opcode: [0x8e], modrm: { reg: dst.code, rm: src } }, "mov");
}

/** mov r/m16, sreg (0x8C; a 32-bit register receives the zero-extended selector) and mov r32, crN. */
function movFromSpecial(sink: Sink, dst: Operand, src: Register, fail: () => never): void {
  if (src.kind === "cr") {
    if (!isGpr(dst, 32)) fail();
    sink.encode({ opcode: [0x0f, 0x20], modrm: { reg: src.code, rm: dst } }, "mov");
    return;
  }
  if (!(isGpr(dst, 32) || isGpr(dst, 16) || isMem(dst, 16))) fail();
  const prefixes = isGpr(dst, 16) ? [0x66] : [];
  sink.encode({ prefixes, opcode: [0x8c], modrm: { reg: src.code, rm: dst } }, "mov");
}

/** movzx (0x0F 0xB6/0xB7) and movsx (0x0F 0xBE/0xBF): widen an 8- or 16-bit source. */
export function extend(sink: Sink, mnemonic: "movzx" | "movsx", dst: Operand, src: Operand): void {
  const fail: () => never = failer(mnemonic, [dst, src]);
  if (!isGpr(dst) || dst.size === 8 || !isIntRm(src)) fail();
  const width = widthOf(src);
  if (width >= dst.size) fail();
  const base = mnemonic === "movzx" ? 0xb6 : 0xbe;
  const opcode = [0x0f, base + (width === 16 ? 1 : 0)];
  sink.encode({ prefixes: sizePrefix(dst.size), opcode, modrm: { reg: dst.code, rm: src } }, mnemonic);
}

export function lea(sink: Sink, dst: Operand, src: Operand): void {
  if (!isGpr(dst) || dst.size === 8 || !isMem(src)) throw new InvalidOperands("lea", [dst, src]);
  sink.encode({ prefixes: sizePrefix(dst.size), opcode: [0x8d], modrm: { reg: dst.code, rm: src } }, "lea");
}

export function test(sink: Sink, dst: Operand, src: Operand): void {
  const fail: () => never = failer("test", [dst, src]);
  if (isGpr(dst) && isMem(src)) {
    test(sink, src, dst);
    return;
  }
  if (!isImmediate(src)) {
    if (!isGpr(src)) fail();
    rmReg(sink, "test", 0x84, dst, src, fail);
    return;
  }
  if (!isIntRm(dst)) fail();
  const width = widthOf(dst);
  const { field } = immediateFor(src, width, fail);
  const prefixes = sizePrefix(width);
  if (isGpr(dst) && dst.code === 0) {
    sink.encode({ prefixes, opcode: [0xa8 + wBit(width)], immediates: [field] }, "test");
  } else {
    sink.encode(
      { prefixes, opcode: [0xf6 + wBit(width)], modrm: { reg: 0, rm: dst }, immediates: [field] },
      "test",
    );
  }
}

/** not, neg, mul, imul, div, idiv with one r/m operand (0xF6/0xF7 /digit). */
export function unary(sink: Sink, op: UnaryOp, operand: Operand): void {
  if (!isIntRm(operand)) throw new InvalidOperands(op, [operand]);
  const width = widthOf(operand);
  const encoding: Encoding = {
    prefixes: sizePrefix(width),
    opcode: [0xf6 + wBit(width)],
    modrm: { reg: UNARY_OPS[op], rm: operand },
  };
  sink.encode(encoding, op);
}

export function incDec(sink: Sink, op: "inc" | "dec", operand: Operand): void {
  if (!isIntRm(operand)) throw new InvalidOperands(op, [operand]);
  const width = widthOf(operand);
  const digit = op === "inc" ? 0 : 1;
  const prefixes = sizePrefix(width);
  if (isGpr(operand) && width !== 8) {
    sink.encode({ prefixes, opcode: [0x40 + digit * 8 + operand.code] }, op);
  } else {
    sink.encode({ prefixes, opcode: [0xfe + wBit(width)], modrm: { reg: digit, rm: operand } }, op);
  }
}

/** imul in its one-operand (edx:eax), two-operand (0x0F 0xAF) and three-operand (0x6B/0x69) forms. */
export function imul(sink: Sink, dst: Operand, src?: Operand, factor?: Operand): void {
  if (src === undefined) {
    unary(sink, "imul", dst);
    return;
  }
  const operands = [dst, src, ...(factor === undefined ? [] : [factor])];
  const fail: () => never = failer("imul", operands);
  if (!isGpr(dst) || dst.size === 8) fail();
  if (factor === undefined && isImmediate(src)) {
    imul(sink, dst, dst, src);
    return;
  }
  if (!isIntRm(src) || widthOf(src) !== dst.size) fail();
  const prefixes = sizePrefix(dst.size);
  const modrm = { reg: dst.code, rm: src };
  if (factor === undefined) {
    sink.encode({ prefixes, opcode: [0x0f, 0xaf], modrm }, "imul");
    return;
  }
  if (!isImmediate(factor)) fail();
  const imm = immediateFor(factor, dst.size, fail);
  if (imm.narrow)
    sink.encode({ prefixes, opcode: [0x6b], modrm, immediates: [{ size: 1, value: imm.value! }] }, "imul");
  else sink.encode({ prefixes, opcode: [0x69], modrm, immediates: [imm.field] }, "imul");
}

/** Shifts and rotates by 1 (0xD0/0xD1), by an imm8 (0xC0/0xC1) or by cl (0xD2/0xD3). */
export function shift(sink: Sink, op: ShiftOp, dst: Operand, count: Operand): void {
  const fail: () => never = failer(op, [dst, count], "the count is an imm8 or cl");
  if (!isIntRm(dst)) fail();
  const width = widthOf(dst);
  const base = { prefixes: sizePrefix(width), modrm: { reg: SHIFT_OPS[op], rm: dst } };
  if (isGpr(count, 8) && count.code === 1) {
    sink.encode({ ...base, opcode: [0xd2 + wBit(width)] }, op);
    return;
  }
  const field = imm8(count, fail);
  if (field.value === 1) {
    sink.encode({ ...base, opcode: [0xd0 + wBit(width)] }, op);
    return;
  }
  sink.encode({ ...base, opcode: [0xc0 + wBit(width)], immediates: [field] }, op);
}

/** shld (0x0F 0xA4/0xA5) and shrd (0x0F 0xAC/0xAD): r/m, r, imm8|cl. */
export function doubleShift(
  sink: Sink,
  op: "shld" | "shrd",
  dst: Operand,
  src: Operand,
  count: Operand,
): void {
  const fail: () => never = failer(op, [dst, src, count]);
  if (!isGpr(src) || src.size === 8 || !isIntRm(dst) || widthOf(dst) !== src.size) fail();
  const base = op === "shld" ? 0xa4 : 0xac;
  const encoding = { prefixes: sizePrefix(src.size), modrm: { reg: src.code, rm: dst } };
  if (isGpr(count, 8) && count.code === 1) {
    sink.encode({ ...encoding, opcode: [0x0f, base + 1] }, op);
    return;
  }
  sink.encode({ ...encoding, opcode: [0x0f, base], immediates: [imm8(count, fail)] }, op);
}

const PUSH_SEGMENT: Record<string, number[]> = {
  es: [0x06],
  cs: [0x0e],
  ss: [0x16],
  ds: [0x1e],
  fs: [0x0f, 0xa0],
  gs: [0x0f, 0xa8],
};
const POP_SEGMENT: Record<string, number[]> = {
  es: [0x07],
  ss: [0x17],
  ds: [0x1f],
  fs: [0x0f, 0xa1],
  gs: [0x0f, 0xa9],
};

export function push(sink: Sink, operand: Operand): void {
  const fail: () => never = failer("push", [operand]);
  if (typeof operand === "object" && operand.kind === "seg") {
    sink.encode({ opcode: PUSH_SEGMENT[operand.name] }, "push");
    return;
  }
  if (isImmediate(operand)) {
    const imm = immediateFor(operand, 32, fail);
    if (imm.narrow) sink.encode({ opcode: [0x6a], immediates: [{ size: 1, value: imm.value! }] }, "push");
    else sink.encode({ opcode: [0x68], immediates: [imm.field] }, "push");
    return;
  }
  stackRm(sink, "push", operand, 0x50, [0xff, 6], fail);
}

export function pop(sink: Sink, operand: Operand): void {
  const fail: () => never = failer("pop", [operand]);
  if (typeof operand === "object" && operand.kind === "seg") {
    if (!POP_SEGMENT[operand.name]) fail();
    sink.encode({ opcode: POP_SEGMENT[operand.name] }, "pop");
    return;
  }
  stackRm(sink, "pop", operand, 0x58, [0x8f, 0], fail);
}

/** push/pop of a 16/32-bit register (one byte: base + code) or memory operand (opcode /digit). */
function stackRm(
  sink: Sink,
  mnemonic: string,
  op: Operand,
  base: number,
  [opcode, digit]: number[],
  fail: () => never,
) {
  if (!isIntRm(op) || widthOf(op) === 8) fail();
  const prefixes = sizePrefix(widthOf(op));
  if (isGpr(op)) sink.encode({ prefixes, opcode: [base + op.code] }, mnemonic);
  else sink.encode({ prefixes, opcode: [opcode], modrm: { reg: digit, rm: op } }, mnemonic);
}

export function xchg(sink: Sink, a: Operand, b: Operand): void {
  const fail: () => never = failer("xchg", [a, b]);
  if (isGpr(a) && isMem(b)) {
    xchg(sink, b, a);
    return;
  }
  if (
    isGpr(a) &&
    isGpr(b) &&
    a.size === b.size &&
    a.size !== 8 &&
    (a.code === 0 || b.code === 0) &&
    a.code !== b.code
  ) {
    // The one-byte 0x90+r form; 0x90 itself (eax with eax) is nop, so that pair takes 0x87.
    sink.encode({ prefixes: sizePrefix(a.size), opcode: [0x90 + a.code + b.code] }, "xchg");
    return;
  }
  if (!isGpr(b)) fail();
  rmReg(sink, "xchg", 0x86, a, b, fail);
}

/** cmpxchg (0x0F 0xB0/0xB1) and xadd (0x0F 0xC0/0xC1): r/m, r. */
export function exchangeAdd(sink: Sink, op: "cmpxchg" | "xadd", dst: Operand, src: Operand): void {
  const fail: () => never = failer(op, [dst, src]);
  if (!isGpr(src) || !isIntRm(dst) || widthOf(dst) !== src.size) fail();
  const opcode = [0x0f, (op === "cmpxchg" ? 0xb0 : 0xc0) + wBit(src.size)];
  sink.encode({ prefixes: sizePrefix(src.size), opcode, modrm: { reg: src.code, rm: dst } }, op);
}

export function setcc(sink: Sink, condition: Condition, dst: Operand): void {
  const code = conditionCode(condition, "setcc");
  if (!isIntRm(dst) || widthOf(dst) !== 8) throw new InvalidOperands(`set${condition}`, [dst]);
  sink.encode({ opcode: [0x0f, 0x90 + code], modrm: { reg: 0, rm: dst } }, `set${condition}`);
}

export function cmovcc(sink: Sink, condition: Condition, dst: Operand, src: Operand): void {
  const code = conditionCode(condition, "cmovcc");
  const fail: () => never = failer(`cmov${condition}`, [dst, src]);
  if (!isGpr(dst) || dst.size === 8 || !isIntRm(src) || widthOf(src) !== dst.size) fail();
  const encoding = {
    prefixes: sizePrefix(dst.size),
    opcode: [0x0f, 0x40 + code],
    modrm: { reg: dst.code, rm: src },
  };
  sink.encode(encoding, `cmov${condition}`);
}

/** bt/bts/btr/btc with a register (0x0F op) or imm8 (0x0F 0xBA /digit) bit index. */
export function bitTest(sink: Sink, op: BitOp, dst: Operand, bit: Operand): void {
  const fail: () => never = failer(op, [dst, bit]);
  if (!isIntRm(dst) || widthOf(dst) === 8) fail();
  const width = widthOf(dst);
  const [opcode, digit] = BIT_OPS[op];
  const prefixes = sizePrefix(width);
  if (isGpr(bit)) {
    if (bit.size !== width) fail();
    sink.encode({ prefixes, opcode: [0x0f, opcode], modrm: { reg: bit.code, rm: dst } }, op);
    return;
  }
  sink.encode(
    { prefixes, opcode: [0x0f, 0xba], modrm: { reg: digit, rm: dst }, immediates: [imm8(bit, fail)] },
    op,
  );
}

/** bsf (0x0F 0xBC), bsr (0x0F 0xBD), popcnt (F3 0x0F 0xB8): r, r/m. */
export function bitScan(sink: Sink, op: "bsf" | "bsr" | "popcnt", dst: Operand, src: Operand): void {
  const fail: () => never = failer(op, [dst, src]);
  if (!isGpr(dst) || dst.size === 8 || !isIntRm(src) || widthOf(src) !== dst.size) fail();
  const opcode = [0x0f, { bsf: 0xbc, bsr: 0xbd, popcnt: 0xb8 }[op]];
  const prefixes = [...sizePrefix(dst.size), ...(op === "popcnt" ? [0xf3] : [])];
  sink.encode({ prefixes, opcode, modrm: { reg: dst.code, rm: src } }, op);
}

export function bswap(sink: Sink, reg: Operand): void {
  if (!isGpr(reg, 32)) throw new InvalidOperands("bswap", [reg]);
  sink.encode({ opcode: [0x0f, 0xc8 + reg.code] }, "bswap");
}
