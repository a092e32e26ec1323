/**
 * The IDT and the entry stubs: one per exception, IRQ line and the system-call vector.
 *
 * Layer: kernel, hand-written x86. Every stub makes the frame uniform — an error code (0 where
 * the CPU pushes none) and the vector — then joins the common entry: `pushad` completes the
 * frame (in the current thread's TCB when the CPU came from ring 3, because TSS.esp0 points at
 * the TCB's FRAME_END), ds/es are reset to the flat data selector (a user task cannot make the
 * kernel use its segments), the direction flag is cleared, the kernel stack is taken and
 * `trap(frame)` runs. The system-call gate's stub runs the IPC fast path (fastpath.ts) first,
 * which joins the common entry after `pushad` when it declines. Every path back to
 * user level goes through the exit: restore the current thread's frame and `iretd`.
 *
 * Gates: exceptions and IRQs are DPL-0 interrupt gates (a user `int 13` is a #GP), the system
 * call is a DPL-3 interrupt gate. Interrupts stay disabled in the kernel.
 */

import { type Assembler, ds, eax, ecx, edx, es, esp, type Label, m32 } from "@sawmill/x86";
import { Address, EXCEPTION_VECTORS, Selector, Vector } from "../layout.js";
import { emitFastPath, emitResume, type FastPathOptions } from "./fastpath.js";
import { EXIT, KERNEL_TRAP } from "./symbols.js";

/** How the system-call gate is built: with the IPC fast path (default) or without it. */
export interface GateOptions extends FastPathOptions {
  readonly fastPath?: boolean;
}

/** Exceptions for which the CPU pushes an error code. */
const WITH_ERROR_CODE = new Set([8, 10, 11, 12, 13, 14, 17, 21, 29, 30]);
const INTERRUPT_GATE_DPL0 = 0x8e00;
const INTERRUPT_GATE_DPL3 = 0xee00;
/** Vectors 0 .. SYSCALL have gates; the rest are not present (using one is a fault). */
export const GATES = Vector.SYSCALL + 1;
const COMMON_ENTRY = "__kernel_common_entry";
const FRAME_SAVED = "__kernel_frame_saved";

/** Fills gates 0 .. GATES-1 from the stub table; trashes eax, ecx, edx. */
export function emitInstallIdt(a: Assembler, options: GateOptions = {}): void {
  const table = a.newLabel();
  a.section("rodata");
  a.align(4);
  a.bind(table);
  const stubs = Array.from({ length: GATES }, () => a.newLabel());
  for (const stub of stubs) a.dd(stub);
  a.section("text");
  emitGateLoop(a, table);
  const done = a.newLabel();
  a.jmp(done);
  stubs.forEach((stub, vector) => {
    if (vector === Vector.SYSCALL && options.fastPath !== false) {
      a.bind(stub);
      emitFastPath(a, FRAME_SAVED, options);
    } else {
      emitStub(a, stub, vector);
    }
  });
  emitCommonEntry(a);
  emitExit(a);
  a.bind(done);
}

function emitGateLoop(a: Assembler, table: Label): void {
  const loop = a.newLabel();
  const kernelOnly = a.newLabel();
  a.mov(ecx, 0);
  a.bind(loop);
  a.mov(eax, m32({ index: ecx, scale: 4, label: table }));
  a.mov(edx, eax);
  a.and(edx, 0xffff);
  a.or(edx, Selector.KERNEL_CODE << 16);
  a.mov(m32({ index: ecx, scale: 8, disp: Address.IDT }), edx);
  a.and(eax, 0xffff0000);
  a.or(eax, INTERRUPT_GATE_DPL0);
  a.cmp(ecx, Vector.SYSCALL);
  a.jcc("ne", kernelOnly);
  a.or(eax, INTERRUPT_GATE_DPL3);
  a.bind(kernelOnly);
  a.mov(m32({ index: ecx, scale: 8, disp: Address.IDT + 4 }), eax);
  a.inc(ecx);
  a.cmp(ecx, GATES);
  a.jcc("b", loop);
}

function emitStub(a: Assembler, stub: Label, vector: number): void {
  a.bind(stub);
  if (!(vector < EXCEPTION_VECTORS && WITH_ERROR_CODE.has(vector))) a.push(0);
  a.push(vector);
  a.jmp(COMMON_ENTRY);
}

function emitCommonEntry(a: Assembler): void {
  a.local(COMMON_ENTRY);
  a.pushad();
  a.local(FRAME_SAVED);
  a.mov(eax, Selector.USER_DATA);
  a.mov(ds, eax);
  a.mov(es, eax);
  a.cld(); // the user's direction flag must not reverse the kernel's string instructions
  a.mov(eax, esp);
  a.mov(esp, Address.KERNEL_STACK_TOP);
  a.push(eax);
  a.call(KERNEL_TRAP);
  // falls through to the exit
}

/** Resumes the current thread from the frame at the start of its TCB. */
function emitExit(a: Assembler): void {
  a.global(EXIT);
  emitResume(a, null);
}
