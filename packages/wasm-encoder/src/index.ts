/**
 * @sawmill/wasm-encoder — a WebAssembly binary encoder for tools and tests.
 *
 * Layers, bottom up: LEB128 and value types; module framing (header, sections, vectors, names);
 * opcode tables and `Code` for instructions; `ModuleBuilder` for whole modules. Callers with
 * their own module layout use the lower layers directly.
 */

export { Code } from "./code.js";
export { signedLeb128, unsignedLeb128 } from "./leb128.js";
export { type FunctionDef, type GlobalDef, type ImportDef, ModuleBuilder } from "./module-builder.js";
export { OP, type OpName, SATURATING, type SaturatingName } from "./opcodes.js";
export { MODULE_HEADER, name, section, vector } from "./sections.js";
export { type FuncType, VALTYPE, type ValType } from "./types.js";
