/**
 * Compiles an AssemblyScript kernel's wasm with our backend into a module for the bare runtime.
 *
 * Layer: benchmark tooling, host side. Interface: `asKernelModule(wasm)` → CompiledModule (which
 * is a BareModule), linear memory at the bare runtime's default base. This is the pipeline the
 * benchmark judges: asc -O3 → @sawmill/wasm-x86 → x86.
 */

import { DEFAULT_MEMORY_BASE } from "@sawmill/bare-runtime";
import { type CompiledModule, compileModule } from "@sawmill/wasm-x86";

export const KERNEL_PREFIX = "kernel.";

export function asKernelModule(wasm: Uint8Array): CompiledModule {
  return compileModule(wasm, { memoryBase: DEFAULT_MEMORY_BASE, prefix: KERNEL_PREFIX });
}
