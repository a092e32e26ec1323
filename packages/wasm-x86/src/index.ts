/**
 * @sawmill/wasm-x86 — WebAssembly → IA-32 backend (public API, interface (4) in DESIGN).
 *
 * Layer: toolchain. `compileModule(wasm, { memoryBase, prefix })` returns a relocatable
 * X86Object plus the exports/imports/memory description the linker and runtime need.
 */

export { type CompiledModule, type CompileOptions, compileModule } from "./compile-module.js";
export { CompileError } from "./errors.js";
export { INTRINSIC_NAMES } from "./lower/intrinsics.js";
export { type FuncType, TrapKind, type ValType } from "./types.js";
