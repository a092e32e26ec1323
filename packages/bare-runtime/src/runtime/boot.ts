/**
 * Machine setup from the multiboot entry to the first driver call.
 *
 * Layer: bare-runtime, guest code. `__bare_entry` (the ELF entry) runs with whatever the loader
 * left: no GDT of ours, no stack, interrupts maybe enabled. It
 *   1. disables interrupts and loads a flat GDT (code 0x08, data 0x10, base 0, limit 4 GiB),
 *      far-jumps to reload CS and reloads every data segment register;
 *   2. sets ESP to the top of the runtime stack (bss; 1 MiB, its limit in `__wasm_stack_limit`)
 *      and clears the direction flag;
 *   3. enables SSE (CR0.EM=0, CR0.MP=1, CR4.OSFXSR, CR4.OSXMMEXCPT): compiled code uses SSE2;
 *   4. installs an IDT whose 32 exception gates report trap kind 200 + vector (never a triple
 *      fault), then jumps to the driver loop.
 */

import {
  type Assembler,
  ds,
  eax,
  ecx,
  edx,
  emitEnableSse,
  es,
  esp,
  fs,
  gs,
  type Label,
  m32,
  ss,
  sym,
} from "@sawmill/x86";
import { STACK_SIZE } from "../machine.js";
import { TrapKind } from "../trap-kinds.js";
import { DRIVER_NEXT, ENTRY, STACK_LIMIT, STACK_TOP, WASM_TRAP } from "./symbols.js";

const CODE_SELECTOR = 0x08;
const DATA_SELECTOR = 0x10;
const EXCEPTION_VECTORS = 32;
const INTERRUPT_GATE = 0x8e00;

const STACK_BOTTOM = "__bare_stack_bottom";
const STACK_GUARD = 0x4000;
const GDT = "__bare_gdt";
const GDT_POINTER = "__bare_gdt_pointer";
const IDT = "__bare_idt";
const IDT_POINTER = "__bare_idt_pointer";

export function emitBoot(a: Assembler): void {
  emitDescriptorTables(a);
  emitStack(a);
  a.section("text");
  a.global(ENTRY);
  a.cli();
  emitLoadFlatSegments(a);
  a.mov(esp, sym(STACK_TOP));
  a.cld();
  emitEnableSse(a);
  emitInstallIdt(a);
  a.jmp(DRIVER_NEXT);
}

function emitDescriptorTables(a: Assembler): void {
  a.section("data");
  a.align(8);
  a.local(GDT);
  a.dq(0n);
  a.dq(0x00cf_9a00_0000_ffffn); // ring-0 code, 4 KiB granularity, 32-bit, base 0, limit 4 GiB
  a.dq(0x00cf_9200_0000_ffffn); // ring-0 data, same extent
  a.local(GDT_POINTER);
  a.dw(3 * 8 - 1);
  a.dd(sym(GDT));
  a.align(4);
  a.local(IDT_POINTER);
  a.dw(EXCEPTION_VECTORS * 8 - 1);
  a.dd(sym(IDT));
  a.section("bss");
  a.align(8);
  a.local(IDT);
  a.space(EXCEPTION_VECTORS * 8);
}

/**
 * The stack, and `__wasm_stack_limit`: the lowest ESP compiled code may let a call reach, leaving
 * STACK_GUARD bytes for the runtime's trap path and hooks. Code that compares ESP with it before a
 * call can trap with StackOverflow (kind 8) instead of running into the runtime's data.
 */
function emitStack(a: Assembler): void {
  a.section("bss");
  a.align(16);
  a.local(STACK_BOTTOM);
  a.space(STACK_SIZE);
  a.global(STACK_TOP);
  a.section("data");
  a.align(4);
  a.global(STACK_LIMIT);
  a.dd(sym(STACK_BOTTOM, STACK_GUARD));
}

function emitLoadFlatSegments(a: Assembler): void {
  a.lgdt(m32({ symbol: GDT_POINTER }));
  const reload = a.newLabel();
  a.jmpFar(CODE_SELECTOR, reload);
  a.bind(reload);
  a.mov(eax, DATA_SELECTOR);
  for (const segment of [ds, es, ss, fs, gs]) a.mov(segment, eax);
}

/** Fills the IDT from a table of stub addresses; gate = selector 0x08, present, DPL 0, 32-bit. */
function emitInstallIdt(a: Assembler): void {
  const stubs = a.newLabel();
  const loop = a.newLabel();
  const done = a.newLabel();
  a.mov(ecx, 0);
  a.bind(loop);
  a.mov(eax, m32({ index: ecx, scale: 4, label: stubs }));
  a.mov(edx, eax);
  a.and(edx, 0xffff);
  a.or(edx, CODE_SELECTOR << 16);
  a.mov(m32({ index: ecx, scale: 8, symbol: IDT }), edx);
  a.and(eax, 0xffff0000);
  a.or(eax, INTERRUPT_GATE);
  a.mov(m32({ index: ecx, scale: 8, symbol: IDT, disp: 4 }), eax);
  a.inc(ecx);
  a.cmp(ecx, EXCEPTION_VECTORS);
  a.jcc("b", loop);
  a.lidt(m32({ symbol: IDT_POINTER }));
  a.jmp(done);
  emitExceptionStubs(a, stubs);
  a.bind(done);
}

/** One stub per vector: eax = 200 + vector, then the common trap path (which discards the frame). */
function emitExceptionStubs(a: Assembler, table: Label): void {
  const entries = Array.from({ length: EXCEPTION_VECTORS }, () => a.newLabel());
  entries.forEach((entry, vector) => {
    a.bind(entry);
    a.mov(eax, TrapKind.CpuExceptionBase + vector);
    a.jmp(WASM_TRAP);
  });
  a.align(4);
  a.bind(table);
  for (const entry of entries) a.dd(entry);
}
