/**
 * From the multiboot entry to the kernel's AssemblyScript `main`.
 *
 * Layer: kernel, hand-written x86. `__kernel_entry` (the ELF entry) runs with the loader's
 * state: no GDT of ours, no stack. It loads the GDT and flat segments (ds/es = user data, see
 * descriptors.ts), sets the kernel stack, enables SSE (compiled code uses SSE2), fills the IDT,
 * loads the task register, runs the compiled kernel's start routine and then
 * `main(multibootInfo, archiveAddress, archiveSize, idleEntry)`, which returns with the first thread chosen;
 * then it leaves through the common exit path.
 */

import { type Assembler, ax, ds, eax, ebx, emitEnableSse, es, esp, fs, gs, m32, ss, sym } from "@sawmill/x86";
import { Address, IDT_GATES, Selector } from "../layout.js";
import { emitInstallIdt, type GateOptions } from "./idt.js";
import {
  BOOT_ARCHIVE_ADDRESS,
  BOOT_ARCHIVE_SIZE,
  ENTRY,
  EXIT,
  IDLE,
  KERNEL_MAIN,
  KERNEL_START,
} from "./symbols.js";

const GDT_POINTER = "__kernel_gdt_pointer";
const IDT_POINTER = "__kernel_idt_pointer";

export function emitBoot(a: Assembler, gdtEntries: number, gate: GateOptions = {}): void {
  emitBootData(a, gdtEntries);
  a.section("text");
  a.global(ENTRY);
  a.cli();
  a.lgdt(m32({ symbol: GDT_POINTER }));
  const reload = a.newLabel();
  a.jmpFar(Selector.KERNEL_CODE, reload);
  a.bind(reload);
  a.mov(eax, Selector.KERNEL_DATA);
  a.mov(ss, eax);
  a.mov(eax, Selector.USER_DATA);
  for (const segment of [ds, es, fs, gs]) a.mov(segment, eax);
  a.mov(esp, Address.KERNEL_STACK_TOP);
  a.cld();
  emitEnableSse(a);
  emitInstallIdt(a, gate);
  a.lidt(m32({ symbol: IDT_POINTER }));
  a.mov(eax, Selector.TSS);
  a.ltr(ax);
  a.push(ebx);
  a.call(KERNEL_START);
  a.pop(ebx);
  a.push(sym(IDLE));
  a.push(m32({ symbol: BOOT_ARCHIVE_SIZE }));
  a.push(m32({ symbol: BOOT_ARCHIVE_ADDRESS }));
  a.push(ebx);
  a.call(KERNEL_MAIN);
  a.jmp(EXIT);
  emitIdle(a);
}

/** The idle thread: ring 0, its own stack, halts until the next interrupt. */
function emitIdle(a: Assembler): void {
  a.global(IDLE);
  a.mov(esp, Address.IDLE_STACK_TOP);
  a.sti();
  const loop = a.newLabel();
  a.bind(loop);
  a.hlt();
  a.jmp(loop);
}

function emitBootData(a: Assembler, gdtEntries: number): void {
  a.section("data");
  a.align(4);
  a.global(BOOT_ARCHIVE_ADDRESS);
  a.dd(0);
  a.global(BOOT_ARCHIVE_SIZE);
  a.dd(0);
  a.align(4);
  a.local(GDT_POINTER);
  a.dw(gdtEntries * 8 - 1);
  a.dd(Address.GDT);
  a.align(4);
  a.local(IDT_POINTER);
  a.dw(IDT_GATES * 8 - 1);
  a.dd(Address.IDT);
}
