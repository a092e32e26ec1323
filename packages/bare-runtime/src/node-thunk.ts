/**
 * A wasm module that calls another instance's exports with floats passed as raw bits.
 *
 * Layer: bare-runtime host side (Node twin). JavaScript numbers cannot carry NaN payloads reliably,
 * so the Node twin never passes a float across the JS boundary: thunk `t<i>` takes i32/i64 bit
 * patterns where export i takes f32/f64, reinterprets them, calls export i (a wasm-to-wasm call,
 * which preserves every bit) and reinterprets a float result back to its bits.
 */

import { MODULE_HEADER, VALTYPE } from "@sawmill/wasm-encoder";
import type { FunctionSignature } from "./call.js";
import type { ValType } from "./values.js";
import { ByteWriter } from "./wasm-binary.js";

const BITS_TYPE: Record<ValType, ValType> = { i32: "i32", i64: "i64", f32: "i32", f64: "i64" };
const TO_FLOAT: Partial<Record<ValType, number>> = { f32: 0xbe, f64: 0xbf };
const TO_BITS: Partial<Record<ValType, number>> = { f32: 0xbc, f64: 0xbd };

export const THUNK_IMPORT_MODULE = "m";

export function thunkName(index: number): string {
  return `t${index}`;
}

export function buildThunkModule(signatures: readonly FunctionSignature[]): Uint8Array {
  const bitsSignature = (s: FunctionSignature): FunctionSignature => ({
    params: s.params.map((t) => BITS_TYPE[t]),
    results: s.results.map((t) => BITS_TYPE[t]),
  });
  const types = signatures.flatMap((s) => [s, bitsSignature(s)]);
  const out = new ByteWriter().byte(...MODULE_HEADER);
  section(out, 1, (w) =>
    w.vec(types, (w, t) => {
      w.byte(0x60).vec(t.params, (w, p) => w.byte(VALTYPE[p]));
      w.vec(t.results, (w, r) => w.byte(VALTYPE[r]));
    }),
  );
  const indices = signatures.map((_, i) => i);
  section(out, 2, (w) =>
    w.vec(indices, (w, i) =>
      w
        .name(THUNK_IMPORT_MODULE)
        .name(String(i))
        .byte(0x00)
        .u32(2 * i),
    ),
  );
  section(out, 3, (w) => w.vec(indices, (w, i) => w.u32(2 * i + 1)));
  section(out, 7, (w) =>
    w.vec(indices, (w, i) =>
      w
        .name(thunkName(i))
        .byte(0x00)
        .u32(signatures.length + i),
    ),
  );
  section(out, 10, (w) => w.vec(indices, (w, i) => writeBody(w, signatures[i]!, i)));
  return out.finish();
}

function writeBody(w: ByteWriter, signature: FunctionSignature, callee: number): void {
  const code = new ByteWriter().u32(0);
  signature.params.forEach((type, local) => {
    code.byte(0x20).u32(local);
    const convert = TO_FLOAT[type];
    if (convert !== undefined) code.byte(convert);
  });
  code.byte(0x10).u32(callee);
  for (const type of signature.results) {
    const convert = TO_BITS[type];
    if (convert !== undefined) code.byte(convert);
  }
  code.byte(0x0b);
  w.u32(code.length).bytes(code.finish());
}

function section(out: ByteWriter, id: number, write: (w: ByteWriter) => void): void {
  const body = new ByteWriter();
  write(body);
  out.byte(id).u32(body.length).bytes(body.finish());
}
