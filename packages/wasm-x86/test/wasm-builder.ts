/**
 * A minimal WebAssembly binary writer for the backend's unit tests: one type, function and
 * export per function, bodies written as opcode names with their immediates.
 *
 * Layer: test support. Interface: `buildModule(functions, globals?)` → module bytes; `code` helpers
 * turn instructions into body bytes (`code.op("f64.add")`, `code.f64(0.5)`, ...). Opcode
 * numbers come from the backend's own decoder table, so a name typo fails loudly; LEB128, value
 * type codes and module framing come from `@sawmill/wasm-encoder`.
 */

import {
  MODULE_HEADER,
  name as nameBytes,
  signedLeb128 as s64,
  section,
  unsignedLeb128 as u32,
  VALTYPE,
  vector,
} from "@sawmill/wasm-encoder";
import { op } from "../src/decoder/opcodes.js";
import type { ValType } from "../src/types.js";

export interface FunctionSpec {
  readonly name: string;
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
  readonly locals?: readonly ValType[];
  /** Instruction bytes, without the final `end`. */
  readonly body: readonly number[];
}

function littleEndian(bytes: number, write: (view: DataView) => void): number[] {
  const view = new DataView(new ArrayBuffer(bytes));
  write(view);
  return [...new Uint8Array(view.buffer)];
}

export const code = {
  /** An opcode without immediates (0xFC-prefixed ones included). */
  op(name: string): number[] {
    const n = op(name);
    return n > 0xff ? [0xfc, ...u32(n & 0xff)] : [n];
  },
  get: (index: number): number[] => [op("local.get"), ...u32(index)],
  global: (index: number): number[] => [op("global.get"), ...u32(index)],
  i32: (n: number): number[] => [op("i32.const"), ...s64(BigInt(n | 0))],
  i64: (n: bigint): number[] => [op("i64.const"), ...s64(n)],
  f32: (x: number): number[] => [op("f32.const"), ...littleEndian(4, (v) => v.setFloat32(0, x, true))],
  f64: (x: number): number[] => [op("f64.const"), ...littleEndian(8, (v) => v.setFloat64(0, x, true))],
  /** `if (result type) … else … end` around the two arms. */
  ifElse: (type: ValType, then: number[], otherwise: number[]): number[] => [
    op("if"),
    VALTYPE[type],
    ...then,
    op("else"),
    ...otherwise,
    op("end"),
  ],
};

function localDeclarations(locals: readonly ValType[]): number[] {
  return vector(locals.map((t) => [1, VALTYPE[t]]));
}

/** An immutable global: its type and its constant initialiser (one `*.const`, no `end`). */
export interface GlobalSpec {
  readonly type: ValType;
  readonly init: readonly number[];
}

export function buildModule(
  functions: readonly FunctionSpec[],
  globals: readonly GlobalSpec[] = [],
): Uint8Array {
  const types = functions.map((f) => [
    0x60,
    ...vector(f.params.map((t) => [VALTYPE[t]])),
    ...vector(f.results.map((t) => [VALTYPE[t]])),
  ]);
  const bodies = functions.map((f) => {
    const body = [...localDeclarations(f.locals ?? []), ...f.body, op("end")];
    return [...u32(body.length), ...body];
  });
  return new Uint8Array([
    ...MODULE_HEADER,
    ...section(1, vector(types)),
    ...section(3, vector(functions.map((_, i) => u32(i)))),
    ...(globals.length > 0
      ? section(6, vector(globals.map((g) => [VALTYPE[g.type], 0x00, ...g.init, op("end")])))
      : []),
    ...section(7, vector(functions.map((f, i) => [...nameBytes(f.name), 0x00, ...u32(i)]))),
    ...section(10, vector(bodies)),
  ]);
}
