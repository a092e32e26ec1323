/**
 * A fake kernel for the stub benchmark: vector 0x30 in ring 0 answers every system call with one
 * scripted reply, in a fixed, known number of instructions.
 *
 * Layer: benchmark harness (x86, for @sawmill/bare-runtime's ring-0 machine). Interface:
 * `assembleFakeKernel(budget)` → X86Object defining
 *   bench.install()                 a 256-entry IDT: the runtime's 32 exception gates copied,
 *                                   gate 0x30 → the fake kernel; lidt;
 *   bench.set_reply(eax … ebp)      the registers every later `int 0x30` returns with;
 *   sys.utcb()                      the "UTCB" the server stub writes with gs: stores: gs is flat
 *                                   (base 0) here, so its UTCB is physical 0–511, whose wasm
 *                                   address is 0 − memoryBase;
 * and the handler: marker FAKE_KERNEL_MARKER (3 instructions), then after `budget` entries the
 * exit port, else the scripted registers and iretd (FAKE_KERNEL_INSTRUCTIONS in all).
 */

import {
  Assembler,
  dx,
  eax,
  ebp,
  ebx,
  ecx,
  edi,
  edx,
  esi,
  esp,
  type Gpr,
  m32,
  sym,
  type X86Object,
} from "@sawmill/x86";

export const FAKE_KERNEL_MARKER = 0x30;
/** Instructions of one pass through the handler, its marker's `out` included, `iretd` too. */
export const FAKE_KERNEL_INSTRUCTIONS = 13;
const EXIT_PORT = 0x520;
const MARKER_PORT = 0x524;
const REPLY_REGISTERS: readonly Gpr[] = [eax, ecx, edx, ebx, esi, edi, ebp];
const IDT_ENTRIES = 256;
const RUNTIME_GATES = 32;

export function assembleFakeKernel(budget: number, memoryBase: number): X86Object {
  const a = new Assembler();
  a.section("data");
  a.align(8);
  a.local("fake.idt");
  a.space(IDT_ENTRIES * 8);
  a.local("fake.idt_pointer");
  a.dw(IDT_ENTRIES * 8 - 1);
  a.dd(sym("fake.idt"));
  a.local("fake.old_pointer");
  a.space(8);
  a.local("fake.reply");
  a.space(4 * REPLY_REGISTERS.length);
  a.local("fake.budget");
  a.dd(budget);
  a.section("text");
  emitInstall(a);
  emitSetReply(a);
  a.global("sys.utcb");
  a.mov(eax, (0x1_0000_0000 - memoryBase) >>> 0);
  a.ret();
  emitHandler(a);
  return a.finish();
}

function emitInstall(a: Assembler): void {
  a.global("bench.install");
  a.push(esi);
  a.push(edi);
  a.sidt(m32({ symbol: "fake.old_pointer" }));
  a.mov(esi, m32({ symbol: "fake.old_pointer", disp: 2 }));
  a.mov(edi, sym("fake.idt"));
  a.mov(ecx, RUNTIME_GATES * 2);
  a.rep();
  a.movsd();
  a.mov(eax, sym("fake.handler"));
  a.mov(edx, eax);
  a.and(eax, 0xffff);
  a.or(eax, 0x08 << 16);
  a.and(edx, 0xffff0000);
  a.or(edx, 0x8e00);
  a.mov(m32({ symbol: "fake.idt", disp: 0x30 * 8 }), eax);
  a.mov(m32({ symbol: "fake.idt", disp: 0x30 * 8 + 4 }), edx);
  a.lidt(m32({ symbol: "fake.idt_pointer" }));
  a.pop(edi);
  a.pop(esi);
  a.ret();
}

function emitSetReply(a: Assembler): void {
  a.global("bench.set_reply");
  REPLY_REGISTERS.forEach((_, i) => {
    a.mov(eax, m32({ base: esp, disp: 4 + 4 * i }));
    a.mov(m32({ symbol: "fake.reply", disp: 4 * i }), eax);
  });
  a.ret();
}

function emitHandler(a: Assembler): void {
  a.local("fake.handler");
  a.mov(eax, FAKE_KERNEL_MARKER);
  a.mov(dx, MARKER_PORT);
  a.out(dx, eax);
  a.dec(m32({ symbol: "fake.budget" }));
  const exhausted = a.newLabel();
  a.jcc("z", exhausted);
  REPLY_REGISTERS.forEach((register, i) => {
    a.mov(register, m32({ symbol: "fake.reply", disp: 4 * i }));
  });
  a.iretd();
  a.bind(exhausted);
  a.mov(dx, EXIT_PORT);
  a.xor(eax, eax);
  a.out(dx, eax);
  a.hlt();
}
