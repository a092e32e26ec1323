/**
 * What the compiled kernel needs from its runtime: wasm traps, memory size, AssemblyScript's abort.
 *
 * Layer: kernel, hand-written x86, cdecl. The kernel's wasm memory is exactly its initial pages
 * (statics; kernel objects come from the frame allocator, never from a wasm heap), so
 * memory.grow always fails and the boot archive may be loaded right after it. A trap or abort
 * in the kernel is a kernel bug: both go to the AssemblyScript panic routines, which print and
 * stop the machine.
 */

import { type Assembler, eax } from "@sawmill/x86";
import { KERNEL_ABORT, KERNEL_PANIC_TRAP } from "./symbols.js";

export function emitRuntimeHooks(a: Assembler, memoryPages: number): void {
  a.section("text");
  a.global("__wasm_trap");
  a.push(eax);
  a.call(KERNEL_PANIC_TRAP);
  a.global("__wasm_memory_size");
  a.mov(eax, memoryPages);
  a.ret();
  a.global("__wasm_memory_grow");
  a.mov(eax, -1);
  a.ret();
  a.global("env.abort");
  a.jmp(KERNEL_ABORT);
}
