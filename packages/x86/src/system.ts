/**
 * System and miscellaneous instructions: descriptor tables, control of the processor state,
 * port I/O, interrupts, MSRs, and the fixed-encoding one-liners (nop, leave, cpuid, ...).
 *
 * Layer: instruction family. The fixed encodings are a table (`FIXED`) so the Assembler's
 * zero-operand methods and the tests read from one place.
 */

import { InvalidOperands, imm8, isGpr, isMem } from "./operand-kinds.js";
import type { Operand } from "./operands.js";
import type { Gpr } from "./registers.js";
import type { Sink } from "./sink.js";

/** Instructions without operands, by mnemonic. */
export const FIXED = {
  nop: [0x90],
  leave: [0xc9],
  pushfd: [0x9c],
  popfd: [0x9d],
  pushad: [0x60],
  popad: [0x61],
  cdq: [0x99],
  cwde: [0x98],
  cbw: [0x66, 0x98],
  cwd: [0x66, 0x99],
  cld: [0xfc],
  std: [0xfd],
  clc: [0xf8],
  stc: [0xf9],
  cmc: [0xf5],
  cli: [0xfa],
  sti: [0xfb],
  hlt: [0xf4],
  iretd: [0xcf],
  int3: [0xcc],
  sysenter: [0x0f, 0x34],
  sysexit: [0x0f, 0x35],
  rdtsc: [0x0f, 0x31],
  cpuid: [0x0f, 0xa2],
  wrmsr: [0x0f, 0x30],
  rdmsr: [0x0f, 0x32],
  pause: [0xf3, 0x90],
  ud2: [0x0f, 0x0b],
  clts: [0x0f, 0x06],
  wbinvd: [0x0f, 0x09],
  mfence: [0x0f, 0xae, 0xf0],
} as const;
export type FixedOp = keyof typeof FIXED;

export function fixed(sink: Sink, op: FixedOp): void {
  sink.encode({ opcode: FIXED[op] }, op);
}

/** Memory-only system operations: 0x0F 0x01 /digit. */
export const TABLE_OPS = { sgdt: 0, sidt: 1, lgdt: 2, lidt: 3, invlpg: 7 } as const;
export type TableOp = keyof typeof TABLE_OPS;

export function tableOp(sink: Sink, op: TableOp, operand: Operand): void {
  if (!isMem(operand)) throw new InvalidOperands(op, [operand], "the operand is a memory reference");
  sink.encode({ opcode: [0x0f, 0x01], modrm: { reg: TABLE_OPS[op], rm: operand } }, op);
}

/** ltr / lldt: load a selector from r16 or m16 (0x0F 0x00 /3, /2). */
export function loadSelector(sink: Sink, op: "ltr" | "lldt", operand: Operand): void {
  if (!(isGpr(operand, 16) || isMem(operand, 16)))
    throw new InvalidOperands(op, [operand], "the operand is r16 or m16");
  sink.encode({ opcode: [0x0f, 0x00], modrm: { reg: op === "ltr" ? 3 : 2, rm: operand } }, op);
}

const isDx = (op: Operand): boolean => isGpr(op, 16) && op.code === 2;

/** The accumulator of an in/out, which picks the width; the register must be al, ax or eax. */
function accumulator(op: Operand, fail: () => never): Gpr {
  if (!isGpr(op) || op.code !== 0) fail();
  return op;
}

/** in al/ax/eax, imm8 (0xE4/0xE5) or dx (0xEC/0xED). */
export function portIn(sink: Sink, dst: Operand, port: Operand): void {
  const fail = (): never => {
    throw new InvalidOperands("in", [dst, port], "in al|ax|eax, imm8|dx");
  };
  portTransfer(sink, "in", accumulator(dst, fail), port, 0xe4, fail);
}

/** out imm8|dx, al/ax/eax (0xE6/0xE7, 0xEE/0xEF). */
export function portOut(sink: Sink, port: Operand, src: Operand): void {
  const fail = (): never => {
    throw new InvalidOperands("out", [port, src], "out imm8|dx, al|ax|eax");
  };
  portTransfer(sink, "out", accumulator(src, fail), port, 0xe6, fail);
}

function portTransfer(
  sink: Sink,
  mnemonic: string,
  acc: Gpr,
  port: Operand,
  base: number,
  fail: () => never,
) {
  const prefixes = acc.size === 16 ? [0x66] : [];
  const w = acc.size === 8 ? 0 : 1;
  if (isDx(port)) return sink.encode({ prefixes, opcode: [base + 8 + w] }, mnemonic);
  if (typeof port !== "number" || port < 0 || port > 0xff) fail();
  sink.encode({ prefixes, opcode: [base + w], immediates: [imm8(port, fail)] }, mnemonic);
}

export function interrupt(sink: Sink, vector: Operand): void {
  const field = imm8(vector, () => {
    throw new InvalidOperands("int", [vector], "the vector is 0..255");
  });
  sink.encode({ opcode: [0xcd], immediates: [field] }, "int");
}
