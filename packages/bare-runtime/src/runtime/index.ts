/**
 * The bare runtime as one x86 object, parameterized by the module's memory layout.
 *
 * Layer: bare-runtime, guest code assembled on the host. Link it with a call table
 * (call-table.ts) and the compiled module; its entry is `ENTRY`.
 */

import { Assembler, type X86Object } from "@sawmill/x86";
import { emitBoot } from "./boot.js";
import { emitDriver } from "./driver.js";
import { emitSerial } from "./serial.js";
import { emitWasmHooks, type MemoryLayout } from "./wasm-hooks.js";

export type { MemoryLayout } from "./wasm-hooks.js";

export function assembleRuntime(memory: MemoryLayout): X86Object {
  const a = new Assembler();
  emitBoot(a);
  emitDriver(a);
  emitWasmHooks(a, memory);
  emitSerial(a);
  return a.finish();
}
