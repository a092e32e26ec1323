/**
 * The kernel's hand-written x86 as one object: GDT, boot, entry stubs, exit, idle, runtime hooks.
 *
 * Layer: kernel, host side. Interface: `assembleKernelEntry(memoryPages)` → X86Object to link
 * with the compiled AssemblyScript kernel, whose wasm memory has `memoryPages` pages.
 */

import { Assembler, type X86Object } from "@sawmill/x86";
import { emitBoot } from "./boot.js";
import { GDT_ENTRIES, placeGdt } from "./descriptors.js";
import type { GateOptions } from "./idt.js";
import { emitRuntimeHooks } from "./runtime-hooks.js";

/** `gate`: the system-call gate with the IPC fast path (default), without it, or instrumented. */
export type KernelEntryOptions = GateOptions;

export function assembleKernelEntry(memoryPages: number, gate: KernelEntryOptions = {}): X86Object {
  const a = new Assembler();
  placeGdt(a);
  emitBoot(a, GDT_ENTRIES, gate);
  emitRuntimeHooks(a, memoryPages);
  return a.finish();
}
