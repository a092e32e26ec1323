/**
 * Turns a C kernel into a module the bare runtime can run, exactly like a compiled wasm module.
 *
 * Layer: benchmark tooling, host side. Interface: `cKernelModule(objectBytes, name)` (gcc's
 * ELF object, see gcc.ts) → BareModule, plus
 * `cStartObject()`, the object that defines its (empty) start function; link it as an extra
 * object. gcc's code uses cdecl, the ABI of our exports, so the runtime's driver calls both the
 * same way. The C code lives outside linear memory (its data is in the image's .data/.bss);
 * it imports nothing, so an undefined symbol (say, a memcpy gcc chose to call) fails the link.
 */

import type { BareModule } from "@sawmill/bare-runtime";
import { Assembler, type X86Object } from "@sawmill/x86";
import { readElfObject } from "./elf-object.js";
import { KERNEL_EXPORTS } from "./kernels.js";

const START_SYMBOL = "__c_kernel_start";

export function cKernelModule(objectBytes: Uint8Array, name: string): BareModule {
  const object = readElfObject(objectBytes, name);
  return {
    object,
    exports: KERNEL_EXPORTS.map((e) => ({
      ...e,
      symbol: e.name,
      params: [...e.params],
      results: [...e.results],
    })),
    imports: [],
    memory: null,
    startSymbol: START_SYMBOL,
  };
}

/** C has no start function to run: a plain `ret` stands in for it. */
export function cStartObject(): X86Object {
  const a = new Assembler();
  a.section("text");
  a.global(START_SYMBOL);
  a.ret();
  return a.finish();
}
