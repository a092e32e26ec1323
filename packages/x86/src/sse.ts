/**
 * SSE/SSE2 (and SSE4.1 round) scalar floating point and the packed logic used around it.
 *
 * Layer: instruction family. Every operation is a row of a table: mandatory prefix (none,
 * 0x66, 0xF3, 0xF2), opcode after 0x0F, and the size of its memory operand. Register operands
 * are xmm unless the row says otherwise; the memory size is checked, so `addsd(xmm0, m32(..))`
 * is an error rather than a silent wrong-width load.
 */

import { InvalidOperands, imm8, isGpr, isMem, isXmm, isXmmRm } from "./operand-kinds.js";
import type { Operand } from "./operands.js";
import type { Sink } from "./sink.js";

type Row = readonly [prefix: number | null, opcode: number, memSize: number];

const prefixOf = (prefix: number | null): number[] => (prefix === null ? [] : [prefix]);

/** xmm, xmm/mem operations. */
export const SSE_BINARY = {
  addss: [0xf3, 0x58, 32],
  addsd: [0xf2, 0x58, 64],
  subss: [0xf3, 0x5c, 32],
  subsd: [0xf2, 0x5c, 64],
  mulss: [0xf3, 0x59, 32],
  mulsd: [0xf2, 0x59, 64],
  divss: [0xf3, 0x5e, 32],
  divsd: [0xf2, 0x5e, 64],
  sqrtss: [0xf3, 0x51, 32],
  sqrtsd: [0xf2, 0x51, 64],
  minss: [0xf3, 0x5d, 32],
  minsd: [0xf2, 0x5d, 64],
  maxss: [0xf3, 0x5f, 32],
  maxsd: [0xf2, 0x5f, 64],
  comiss: [null, 0x2f, 32],
  comisd: [0x66, 0x2f, 64],
  ucomiss: [null, 0x2e, 32],
  ucomisd: [0x66, 0x2e, 64],
  cvtss2sd: [0xf3, 0x5a, 32],
  cvtsd2ss: [0xf2, 0x5a, 64],
  andps: [null, 0x54, 128],
  andpd: [0x66, 0x54, 128],
  andnps: [null, 0x55, 128],
  andnpd: [0x66, 0x55, 128],
  orps: [null, 0x56, 128],
  orpd: [0x66, 0x56, 128],
  xorps: [null, 0x57, 128],
  xorpd: [0x66, 0x57, 128],
  pand: [0x66, 0xdb, 128],
  pandn: [0x66, 0xdf, 128],
  por: [0x66, 0xeb, 128],
  pxor: [0x66, 0xef, 128],
  psrlq: [0x66, 0xd3, 128],
  psllq: [0x66, 0xf3, 128],
  unpcklps: [null, 0x14, 128],
  unpcklpd: [0x66, 0x14, 128],
} as const satisfies Record<string, Row>;
export type SseBinaryOp = keyof typeof SSE_BINARY;

/** Moves with a load opcode (xmm, xmm/mem) and a store opcode (mem, xmm). */
export const SSE_MOVES = {
  movss: [0xf3, 0x10, 0x11, 32],
  movsd: [0xf2, 0x10, 0x11, 64],
  movaps: [null, 0x28, 0x29, 128],
  movapd: [0x66, 0x28, 0x29, 128],
  movups: [null, 0x10, 0x11, 128],
  movupd: [0x66, 0x10, 0x11, 128],
  movdqa: [0x66, 0x6f, 0x7f, 128],
  movdqu: [0xf3, 0x6f, 0x7f, 128],
} as const;
export type SseMoveOp = keyof typeof SSE_MOVES;

/** r32, xmm/mem conversions and extractions. */
export const SSE_TO_GPR = {
  cvttss2si: [0xf3, 0x2c, 32],
  cvttsd2si: [0xf2, 0x2c, 64],
  cvtss2si: [0xf3, 0x2d, 32],
  cvtsd2si: [0xf2, 0x2d, 64],
  movmskps: [null, 0x50, 0],
  movmskpd: [0x66, 0x50, 0],
} as const satisfies Record<string, Row>;
export type SseToGprOp = keyof typeof SSE_TO_GPR;

/** xmm, r/m32 conversions. */
export const SSE_FROM_GPR = { cvtsi2ss: [0xf3, 0x2a, 32], cvtsi2sd: [0xf2, 0x2a, 64] } as const;
export type SseFromGprOp = keyof typeof SSE_FROM_GPR;

/** xmm, xmm/mem, imm8 operations: cmpss/cmpsd (predicate), roundss/roundsd (mode, SSE4.1). */
export const SSE_WITH_IMM = {
  cmpss: [[0xf3], [0x0f, 0xc2], 32],
  cmpsd: [[0xf2], [0x0f, 0xc2], 64],
  roundss: [[0x66], [0x0f, 0x3a, 0x0a], 32],
  roundsd: [[0x66], [0x0f, 0x3a, 0x0b], 64],
} as const;
export type SseWithImmOp = keyof typeof SSE_WITH_IMM;

/** Shifts of the whole xmm by an immediate: 0x66 0x0F opcode /digit ib. */
export const SSE_SHIFT_IMM = {
  psrlq: [0x73, 2],
  psllq: [0x73, 6],
  psrld: [0x72, 2],
  pslld: [0x72, 6],
  psrldq: [0x73, 3],
  pslldq: [0x73, 7],
} as const;
export type SseShiftOp = keyof typeof SSE_SHIFT_IMM;

function fail(mnemonic: string, operands: Operand[], reason?: string): never {
  throw new InvalidOperands(mnemonic, operands, reason);
}

export function sseBinary(sink: Sink, op: SseBinaryOp, dst: Operand, src: Operand): void {
  const [prefix, opcode, memSize] = SSE_BINARY[op];
  if (!isXmm(dst) || !isXmmRm(src, memSize)) fail(op, [dst, src], `${op} xmm, xmm/m${memSize}`);
  const modrm = { reg: dst.code, rm: src };
  sink.encode({ prefixes: prefixOf(prefix), opcode: [0x0f, opcode], modrm }, op);
}

export function sseMove(sink: Sink, op: SseMoveOp, dst: Operand, src: Operand): void {
  const [prefix, load, store, memSize] = SSE_MOVES[op];
  const prefixes = prefixOf(prefix);
  if (isXmm(dst) && isXmmRm(src, memSize)) {
    sink.encode({ prefixes, opcode: [0x0f, load], modrm: { reg: dst.code, rm: src } }, op);
    return;
  }
  if (isMem(dst, memSize) && isXmm(src)) {
    sink.encode({ prefixes, opcode: [0x0f, store], modrm: { reg: src.code, rm: dst } }, op);
    return;
  }
  fail(op, [dst, src], `${op} xmm, xmm/m${memSize} or m${memSize}, xmm`);
}

/** movd: xmm, r/m32 (66 0F 6E) or r/m32, xmm (66 0F 7E). */
export function movd(sink: Sink, dst: Operand, src: Operand): void {
  const isRm32 = (op: Operand) => isGpr(op, 32) || isMem(op, 32);
  if (isXmm(dst) && isRm32(src)) {
    sink.encode({ prefixes: [0x66], opcode: [0x0f, 0x6e], modrm: { reg: dst.code, rm: src } }, "movd");
    return;
  }
  if (isRm32(dst) && isXmm(src)) {
    sink.encode({ prefixes: [0x66], opcode: [0x0f, 0x7e], modrm: { reg: src.code, rm: dst } }, "movd");
    return;
  }
  fail("movd", [dst, src], "movd xmm, r/m32 or r/m32, xmm");
}

/** movq: xmm, xmm/m64 (F3 0F 7E) or m64, xmm (66 0F D6). */
export function movq(sink: Sink, dst: Operand, src: Operand): void {
  if (isXmm(dst) && isXmmRm(src, 64)) {
    sink.encode({ prefixes: [0xf3], opcode: [0x0f, 0x7e], modrm: { reg: dst.code, rm: src } }, "movq");
    return;
  }
  if (isMem(dst, 64) && isXmm(src)) {
    sink.encode({ prefixes: [0x66], opcode: [0x0f, 0xd6], modrm: { reg: src.code, rm: dst } }, "movq");
    return;
  }
  fail("movq", [dst, src], "movq xmm, xmm/m64 or m64, xmm");
}

export function sseToGpr(sink: Sink, op: SseToGprOp, dst: Operand, src: Operand): void {
  const [prefix, opcode, memSize] = SSE_TO_GPR[op];
  const srcOk = isXmm(src) || (memSize !== 0 && isMem(src, memSize));
  if (!isGpr(dst, 32) || !srcOk) fail(op, [dst, src]);
  const modrm = { reg: dst.code, rm: src };
  sink.encode({ prefixes: prefixOf(prefix), opcode: [0x0f, opcode], modrm }, op);
}

export function sseFromGpr(sink: Sink, op: SseFromGprOp, dst: Operand, src: Operand): void {
  const [prefix, opcode] = SSE_FROM_GPR[op];
  if (!isXmm(dst) || !(isGpr(src, 32) || isMem(src, 32))) fail(op, [dst, src], `${op} xmm, r/m32`);
  const modrm = { reg: dst.code, rm: src };
  sink.encode({ prefixes: [prefix], opcode: [0x0f, opcode], modrm }, op);
}

export function sseWithImm(sink: Sink, op: SseWithImmOp, dst: Operand, src: Operand, imm: Operand): void {
  const [prefixes, opcode, memSize] = SSE_WITH_IMM[op];
  const bad: () => never = () => fail(op, [dst, src, imm], `${op} xmm, xmm/m${memSize}, imm8`);
  if (!isXmm(dst) || !isXmmRm(src, memSize)) bad();
  const modrm = { reg: dst.code, rm: src };
  sink.encode({ prefixes, opcode, modrm, immediates: [imm8(imm, bad)] }, op);
}

export function sseShiftImm(sink: Sink, op: SseShiftOp, dst: Operand, count: Operand): void {
  const [opcode, digit] = SSE_SHIFT_IMM[op];
  const bad: () => never = () => fail(op, [dst, count], `${op} xmm, imm8`);
  if (!isXmm(dst)) bad();
  sink.encode(
    {
      prefixes: [0x66],
      opcode: [0x0f, opcode],
      modrm: { reg: digit, rm: dst },
      immediates: [imm8(count, bad)],
    },
    op,
  );
}

/** ldmxcsr / stmxcsr m32 (0x0F 0xAE /2, /3). */
export function mxcsr(sink: Sink, op: "ldmxcsr" | "stmxcsr", operand: Operand): void {
  if (!isMem(operand, 32)) fail(op, [operand], "the operand is m32");
  sink.encode({ opcode: [0x0f, 0xae], modrm: { reg: op === "ldmxcsr" ? 2 : 3, rm: operand } }, op);
}
