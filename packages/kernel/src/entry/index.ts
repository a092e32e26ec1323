/**
 * The kernel's hand-written x86 as one object: GDT, boot, entry stubs, exit, idle, runtime hooks.
 *
 * Layer: kernel, host side. Interface: `assembleKernelEntry(memoryPages)` → X86Object to link
 * with the compiled AssemblyScript kernel, whose wasm memory has `memoryPages` pages.
 */

import { Assembler, type X86Object } from "@sawmill/x86";
import { emitBoot } from "./boot.js";
import { GDT_ENTRIES, placeGdt } from "./descriptors.js";
import { emitRuntimeHooks } from "./runtime-hooks.js";

export function assembleKernelEntry(memoryPages: number): X86Object {
  const a = new Assembler();
  placeGdt(a);
  emitBoot(a, GDT_ENTRIES);
  emitRuntimeHooks(a, memoryPages);
  return a.finish();
}
