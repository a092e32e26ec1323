/**
 * @sawmill/idl — the IDL stub compiler: interfaces declared as TypeScript interfaces in
 * `*.idl.ts` files in, AssemblyScript client stubs and server dispatch out, for separate address
 * spaces (kernel IPC) and colocation (direct calls), with the same client API in both.
 *
 * Layer: host toolchain. Interface: `parseIdl`, `generateModule`, `compileIdl` (both steps),
 * `interfaceHash` / `canonicalText` (identity), `assembleIdlStubs` (the x86 stubs every
 * separately placed component links), the wire format (`Status`, `BIND_LABEL`, ...).
 */

export { compileIdl } from "./compile.js";
export { requestTag } from "./emit-separate.js";
export { type GenerateOptions, generateModule, type Placement } from "./generate.js";
export { canonicalText, fnv1a, interfaceHash } from "./identity.js";
export { type IdlLibrary, stageIdlLibrary } from "./library.js";
export type { ErrorDecl, Field, IdlType, Interface, Method, ScalarType } from "./model.js";
export { IdlError, parseIdl } from "./parse.js";
export * from "./wire.js";
export {
  assembleIdlStubs,
  CLIENT_DEST_OFFSET,
  CLIENT_RESULT_OFFSET,
  IDL_STUBS,
  type IdlStubOptions,
  idlStubBytes,
  STUB_MODULE,
} from "./x86-stubs.js";
