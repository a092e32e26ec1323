/**
 * Writing real-mode (16-bit) code with the 32-bit @sawmill/x86 assembler.
 *
 * Layer: toolchain, @sawmill/image. Interface: o32(a), a32(a) — emit the operand-size (0x66) and
 * address-size (0x67) prefixes in front of the next instruction.
 *
 * The assembler only encodes 32-bit code. The boot sector and the BIOS-call thunk use it anyway,
 * keeping to instructions whose bytes mean the right thing in a 16-bit code segment:
 *  - 8-bit operations, `int`, `in`/`out` with al, segment and control-register moves, flag
 *    instructions and short branches encode the same in both modes;
 *  - a 32-bit register operation without a prefix runs as its 16-bit form on the low halves
 *    (`xor eax, eax` clears ax), which is all a real-mode caller needs from `mov ds, ax` & co.;
 *  - o32() + a 32-bit instruction is that 32-bit instruction in real mode (`66 B8 imm32`);
 *  - a32() + a memory operand selects 32-bit addressing ([disp32] with segment 0 is the flat
 *    address below 64 KiB);
 *  - o32() + jmpFar(selector, target) is `jmp ptr16:32`, the far jump between modes.
 * Invariants: never a near (rel32) branch or a call in 16-bit code — every 16-bit routine here
 * is short enough that the assembler picks rel8 for each branch (boot tests would fail otherwise).
 */
import type { Assembler } from "@sawmill/x86";

const OPERAND_SIZE = 0x66;
const ADDRESS_SIZE = 0x67;

/** The next instruction uses 32-bit operands in 16-bit code. */
export function o32(a: Assembler): Assembler {
  a.db(OPERAND_SIZE);
  return a;
}

/** The next instruction's memory operand uses 32-bit addressing in 16-bit code. */
export function a32(a: Assembler): Assembler {
  a.db(ADDRESS_SIZE);
  return a;
}
