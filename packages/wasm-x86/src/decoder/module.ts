/**
 * The decoded shape of a WebAssembly module — everything the backend needs, nothing more.
 *
 * Layer: decoder output, consumed by the module compiler. Function indices count imported
 * functions first (wasm index space); `functions[i]` describes defined function
 * `importedFunctionCount + i`. Function bodies stay undecoded (byte ranges) until compiled.
 */

import type { FuncType, ValType } from "../types.js";

export interface FunctionImport {
  readonly module: string;
  readonly name: string;
  readonly typeIndex: number;
}

/** A constant initializer (global init, element/data offset). */
export type ConstExpr =
  | { readonly kind: "i32"; readonly value: number }
  | { readonly kind: "i64"; readonly value: bigint }
  | { readonly kind: "f32"; readonly bits: number }
  | { readonly kind: "f64"; readonly bits: bigint }
  | { readonly kind: "global.get"; readonly index: number };

export interface Global {
  readonly type: ValType;
  readonly mutable: boolean;
  readonly init: ConstExpr;
}

export interface Export {
  readonly name: string;
  readonly kind: "func" | "table" | "memory" | "global";
  readonly index: number;
}

export interface ElementSegment {
  readonly offset: number;
  readonly functionIndices: readonly number[];
}

export interface DataSegment {
  /** Offset in linear memory, or null for a passive segment (memory.init only). */
  readonly offset: number | null;
  readonly bytes: Uint8Array;
}

export interface FunctionBody {
  readonly typeIndex: number;
  /** Declared locals, expanded one entry per local (parameters not included). */
  readonly locals: readonly ValType[];
  /** Byte range of the instruction sequence (after the locals), ending after the final `end`. */
  readonly codeStart: number;
  readonly codeEnd: number;
}

export interface Limits {
  readonly min: number;
  readonly max: number | null;
}

export interface WasmModule {
  readonly bytes: Uint8Array;
  readonly types: readonly FuncType[];
  readonly functionImports: readonly FunctionImport[];
  readonly functions: readonly FunctionBody[];
  readonly table: Limits | null;
  readonly memory: Limits | null;
  readonly globals: readonly Global[];
  readonly exports: readonly Export[];
  readonly start: number | null;
  readonly elements: readonly ElementSegment[];
  readonly data: readonly DataSegment[];
  /** Function names from the custom "name" section, by function index. */
  readonly functionNames: ReadonlyMap<number, string>;
}
