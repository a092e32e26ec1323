/**
 * The loader's GDT and its two mode switches: real mode → 32-bit protected mode once at the
 * start, and the BIOS-call thunk that visits real mode from 32-bit code and comes back.
 *
 * Layer: toolchain, @sawmill/image (code emitted into the disk loader; see disk-layout.ts).
 * Interface: emitEnterProtectedMode(a, target), emitBiosCall(a), emitDescriptorTables(a), and
 * the symbols of the register block (BiosRegister, BIOS_CALL, BIOS_VECTOR).
 *
 * BIOS-call contract (32-bit caller): store the BIOS's inputs in the register block
 * (BIOS_REGISTERS + BiosRegister.*; es as a 16-bit segment), the interrupt's real-mode vector
 * (the IVT word at 4·n) in BIOS_VECTOR, then `call BIOS_CALL`. It returns with every 32-bit
 * register preserved (pushad/popad) and the BIOS's eax, ebx, ecx, edx, esi, edi and flags in the
 * block. How: far jump to a 16-bit protected-mode segment (so the hidden segment limits become
 * 64 KiB), clear CR0.PE, far jump to real mode, load the real-mode IVT, `pushf; call far
 * [vector]` (what `int n` does, with n chosen at run time), then reload our GDT (a BIOS may load
 * its own while it runs) and return to 32-bit mode. Requires ESP < 64 KiB (the same stack serves
 * both modes with SS = 0) and all of this code below 64 KiB.
 */
import {
  type Assembler,
  al,
  cr0,
  ds,
  eax,
  ebx,
  ecx,
  edi,
  edx,
  es,
  esi,
  esp,
  fs,
  gs,
  type Label,
  m16,
  m32,
  ss,
  sym,
} from "@sawmill/x86";
import { Selector } from "./disk-layout.js";
import { a32, o32 } from "./real-mode.js";

export const BIOS_CALL = "disk_bios_call";
export const BIOS_REGISTERS = "disk_bios_registers";
export const BIOS_VECTOR = "disk_bios_vector";
const GDT = "disk_gdt";
const GDT_POINTER = "disk_gdt_pointer";
const REAL_IDT_POINTER = "disk_real_idt_pointer";
const SAVED_ESP = "disk_saved_esp";
const TO_16 = "disk_bios_call_16";
const TO_REAL = "disk_bios_call_real";
const BACK_TO_32 = "disk_bios_call_back";

/** Offsets in the register block. */
export const BiosRegister = { EAX: 0, EBX: 4, ECX: 8, EDX: 12, ESI: 16, EDI: 20, ES: 24, FLAGS: 28 } as const;
export const CARRY_FLAG = 1;

const GENERAL = [
  [eax, BiosRegister.EAX],
  [ebx, BiosRegister.EBX],
  [ecx, BiosRegister.ECX],
  [edx, BiosRegister.EDX],
  [esi, BiosRegister.ESI],
  [edi, BiosRegister.EDI],
] as const;

const block = (offset: number) => m32({ symbol: BIOS_REGISTERS, disp: offset });

/** Real mode → flat 32-bit protected mode, continuing at `target` (interrupts must be off). */
export function emitEnterProtectedMode(a: Assembler, target: string): void {
  o32(a32(a)).lgdt(m32({ symbol: GDT_POINTER }));
  a.mov(eax, cr0);
  a.or(al, 1);
  a.mov(cr0, eax);
  o32(a).jmpFar(Selector.CODE32, target);
}

/** Loads ds, es, fs, gs and ss with `selector` (eax is clobbered; 16- or 32-bit code alike). */
function loadDataSegments(a: Assembler, selector: number): void {
  a.xor(eax, eax);
  if (selector !== 0) a.mov(al, selector);
  for (const segment of [ds, es, fs, gs, ss]) a.mov(segment, eax);
}

export function emitBiosCall(a: Assembler): void {
  a.local(BIOS_CALL); // 32-bit code
  a.pushad();
  a.mov(m32({ symbol: SAVED_ESP }), esp);
  a.jmpFar(Selector.CODE16, TO_16);

  a.local(TO_16); // 16-bit protected mode
  loadDataSegments(a, Selector.DATA16);
  a.mov(eax, cr0);
  a.and(al, 0xfe);
  a.mov(cr0, eax);
  o32(a).jmpFar(0, TO_REAL);

  a.local(TO_REAL); // real mode, cs = 0
  loadDataSegments(a, 0);
  o32(a32(a)).lidt(m32({ symbol: REAL_IDT_POINTER }));
  for (const [register, offset] of GENERAL) o32(a32(a)).mov(register, block(offset));
  a32(a).mov(es, m16({ symbol: BIOS_REGISTERS, disp: BiosRegister.ES }));
  a.sti();
  a.pushfd(); // 16-bit pushf: with the far call below, this is `int n`
  a32(a).db(0xff, 0x1d); // call far m16:16 [disp32]
  a.dd(sym(BIOS_VECTOR));
  a.cli();
  for (const [register, offset] of GENERAL) o32(a32(a)).mov(block(offset), register);
  o32(a).pushfd();
  o32(a).pop(eax);
  o32(a32(a)).mov(block(BiosRegister.FLAGS), eax);
  emitEnterProtectedMode(a, BACK_TO_32);

  a.local(BACK_TO_32); // 32-bit code again
  loadDataSegments(a, Selector.DATA32);
  a.mov(esp, m32({ symbol: SAVED_ESP }));
  a.popad();
  a.ret();
}

/** The GDT, the pointers lgdt/lidt read, the register block and the thunk's variables. */
export function emitDescriptorTables(a: Assembler): void {
  a.align(8, 0);
  a.local(GDT);
  a.dq(0n);
  a.dq(0x00cf9a000000ffffn); // 0x08: code, base 0, limit 4 GiB, 32-bit
  a.dq(0x00cf92000000ffffn); // 0x10: data, base 0, limit 4 GiB
  a.dq(0x00009a000000ffffn); // 0x18: code, base 0, limit 64 KiB, 16-bit
  a.dq(0x000092000000ffffn); // 0x20: data, base 0, limit 64 KiB
  a.align(4, 0);
  a.dw(0); // so that the 6-byte pointers' bases are 4-byte aligned
  a.local(GDT_POINTER);
  a.dw(5 * 8 - 1);
  a.dd(sym(GDT));
  a.dw(0);
  a.local(REAL_IDT_POINTER);
  a.dw(0x3ff);
  a.dd(0);
  a.local(BIOS_REGISTERS);
  a.space(32);
  a.local(BIOS_VECTOR);
  a.dd(0);
  a.local(SAVED_ESP);
  a.dd(0);
}

/** Sets the vector for `int n` from the real-mode IVT (32-bit code; clobbers eax). */
export function emitSetBiosVector(a: Assembler, interrupt: number): void {
  a.mov(eax, m32({ disp: interrupt * 4 }));
  a.mov(m32({ symbol: BIOS_VECTOR }), eax);
}

/** Stores `value` (a number or a symbol) in the register block (32-bit code). */
export function emitSetBiosRegister(a: Assembler, offset: number, value: number | string): void {
  a.mov(block(offset), typeof value === "string" ? sym(value) : value);
}

/** Jumps to `failed` if the last BIOS call returned with the carry flag set (32-bit code). */
export function emitJumpIfCarry(a: Assembler, failed: Label | string): void {
  a.test(m32({ symbol: BIOS_REGISTERS, disp: BiosRegister.FLAGS }), CARRY_FLAG);
  a.jcc("nz", failed);
}
