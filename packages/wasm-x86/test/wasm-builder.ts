/**
 * A minimal WebAssembly binary writer for the backend's unit tests: one type, function and
 * export per function, bodies written as opcode names with their immediates.
 *
 * Layer: test support. Interface: `buildModule(functions, globals?)` → module bytes; `code` helpers
 * turn instructions into body bytes (`code.op("f64.add")`, `code.f64(0.5)`, ...). Opcode
 * numbers come from the backend's own decoder table, so a name typo fails loudly.
 */

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

const TYPE_CODE: Record<ValType, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c };

function u32(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v === 0 ? byte : byte | 0x80);
  } while (v !== 0);
  return out;
}

function s64(n: bigint): number[] {
  const out: number[] = [];
  let v = BigInt.asIntN(64, n);
  for (;;) {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    const done = (v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
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
    TYPE_CODE[type],
    ...then,
    op("else"),
    ...otherwise,
    op("end"),
  ],
};

function section(id: number, items: number[][]): number[] {
  const content = [...u32(items.length), ...items.flat()];
  return [id, ...u32(content.length), ...content];
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...u32(bytes.length), ...bytes];
}

function localDeclarations(locals: readonly ValType[]): number[] {
  return [...u32(locals.length), ...locals.flatMap((t) => [1, TYPE_CODE[t]])];
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
    ...u32(f.params.length),
    ...f.params.map((t) => TYPE_CODE[t]),
    ...u32(f.results.length),
    ...f.results.map((t) => TYPE_CODE[t]),
  ]);
  const bodies = functions.map((f) => {
    const body = [...localDeclarations(f.locals ?? []), ...f.body, op("end")];
    return [...u32(body.length), ...body];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, types),
    ...section(
      3,
      functions.map((_, i) => u32(i)),
    ),
    ...(globals.length > 0
      ? section(
          6,
          globals.map((g) => [TYPE_CODE[g.type], 0x00, ...g.init, op("end")]),
        )
      : []),
    ...section(
      7,
      functions.map((f, i) => [...name(f.name), 0x00, ...u32(i)]),
    ),
    ...section(10, bodies),
  ]);
}
