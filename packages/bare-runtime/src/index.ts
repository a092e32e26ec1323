/**
 * @sawmill/bare-runtime — run compiled WebAssembly on the bare machine, and its Node twin.
 *
 * Public interface: runOnBareMetal / buildBareImage (x86 in v86), runInNode (reference), the value
 * and result types, trap names and the machine layout constants.
 */

export { type BareImage, type BareImageOptions, buildBareImage } from "./bare-image.js";
export type { BareModule, Call, CallResult, FunctionSignature } from "./call.js";
export {
  DEBUG_EXIT_PORT,
  DEBUG_MARKER_PORT,
  DEBUG_VALUE_PORT,
  DEFAULT_MAX_MEMORY_PAGES,
  DEFAULT_MEMORY_BASE,
  IMAGE_BASE,
  WASM_PAGE_SIZE,
} from "./machine.js";
export { type BareRun, type BareRunOptions, runOnBareMetal } from "./run-bare.js";
export { type NodeRun, type NodeRunOptions, runInNode } from "./run-node.js";
export { HOST_IMPORTS } from "./runtime/symbols.js";
export { INDIRECT_CALL_MISMATCH, TrapKind, trapName } from "./trap-kinds.js";
export { bitsToFloat, f32Bits, f64Bits, type ValType, type WasmValue } from "./values.js";
export { type ModuleInfo, readModuleInfo } from "./wasm-binary.js";
