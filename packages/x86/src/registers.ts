/**
 * IA-32 registers as plain immutable values.
 *
 * Layer: assembler operands. Every register is an object carrying its kind, its width and the
 * 3-bit number that goes into ModRM/SIB or an opcode's low bits. Registers are compared by
 * identity of (kind, size, code), never by name.
 *
 * Invariants: `code` is 0..7; general registers are 8, 16 or 32 bits wide; ah/ch/dh/bh share
 * codes 4..7 with sp/bp/si/di (the encoding does, so the values do too).
 */

export type GprSize = 8 | 16 | 32;

export interface Gpr {
  readonly kind: "gpr";
  readonly size: GprSize;
  readonly code: number;
  readonly name: string;
}

export interface Xmm {
  readonly kind: "xmm";
  readonly code: number;
  readonly name: string;
}

export interface ControlRegister {
  readonly kind: "cr";
  readonly code: number;
  readonly name: string;
}

export interface SegmentRegister {
  readonly kind: "seg";
  readonly code: number;
  readonly name: string;
}

export type Register = Gpr | Xmm | ControlRegister | SegmentRegister;

const gpr = (size: GprSize, code: number, name: string): Gpr =>
  Object.freeze({ kind: "gpr", size, code, name });

export const eax = gpr(32, 0, "eax");
export const ecx = gpr(32, 1, "ecx");
export const edx = gpr(32, 2, "edx");
export const ebx = gpr(32, 3, "ebx");
export const esp = gpr(32, 4, "esp");
export const ebp = gpr(32, 5, "ebp");
export const esi = gpr(32, 6, "esi");
export const edi = gpr(32, 7, "edi");

export const ax = gpr(16, 0, "ax");
export const cx = gpr(16, 1, "cx");
export const dx = gpr(16, 2, "dx");
export const bx = gpr(16, 3, "bx");
export const sp = gpr(16, 4, "sp");
export const bp = gpr(16, 5, "bp");
export const si = gpr(16, 6, "si");
export const di = gpr(16, 7, "di");

export const al = gpr(8, 0, "al");
export const cl = gpr(8, 1, "cl");
export const dl = gpr(8, 2, "dl");
export const bl = gpr(8, 3, "bl");
export const ah = gpr(8, 4, "ah");
export const ch = gpr(8, 5, "ch");
export const dh = gpr(8, 6, "dh");
export const bh = gpr(8, 7, "bh");

const xmm = (code: number): Xmm => Object.freeze({ kind: "xmm", code, name: `xmm${code}` });

export const xmm0 = xmm(0);
export const xmm1 = xmm(1);
export const xmm2 = xmm(2);
export const xmm3 = xmm(3);
export const xmm4 = xmm(4);
export const xmm5 = xmm(5);
export const xmm6 = xmm(6);
export const xmm7 = xmm(7);

const cr = (code: number): ControlRegister => Object.freeze({ kind: "cr", code, name: `cr${code}` });

export const cr0 = cr(0);
export const cr2 = cr(2);
export const cr3 = cr(3);
export const cr4 = cr(4);

const seg = (code: number, name: string): SegmentRegister => Object.freeze({ kind: "seg", code, name });

export const es = seg(0, "es");
export const cs = seg(1, "cs");
export const ss = seg(2, "ss");
export const ds = seg(3, "ds");
export const fs = seg(4, "fs");
export const gs = seg(5, "gs");

/** The registers of each width, indexed by their code (for tables and tests). */
export const GPR32: readonly Gpr[] = [eax, ecx, edx, ebx, esp, ebp, esi, edi];
export const GPR16: readonly Gpr[] = [ax, cx, dx, bx, sp, bp, si, di];
export const GPR8: readonly Gpr[] = [al, cl, dl, bl, ah, ch, dh, bh];
export const XMM: readonly Xmm[] = [xmm0, xmm1, xmm2, xmm3, xmm4, xmm5, xmm6, xmm7];
