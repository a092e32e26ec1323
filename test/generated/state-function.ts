/**
 * The `state` export of generated modules: a hash of every global and of the memory region that
 * generated code touches, called after each test call so a divergence is caught at the call that
 * caused it, not only where it later becomes visible.
 *
 * Layer: e2e generated tests. Float globals are canonicalized before hashing (a NaN's payload is
 * nondeterministic in WebAssembly); floats in memory already are (stores canonicalize).
 */

import { Code, type FunctionDef, type ValType } from "@sawmill/wasm-encoder";

export const STATE_EXPORT = "state";
/** Generated accesses stay below 0x3f8 + 7 + 8; hash whole i64 words up to here. */
const HASHED_BYTES = 0x410;
const MULTIPLIER = 0x100000001b3n;

export function stateFunction(globals: readonly ValType[]): FunctionDef {
  const [hash, address, f32Scratch, f64Scratch] = [0, 1, 2, 3];
  const c = new Code();
  const mix = () =>
    c.op("local.get", hash).i64Const(MULTIPLIER).op("i64.mul").op("i64.xor").op("local.set", hash);
  globals.forEach((type, g) => {
    c.op("global.get", g);
    if (type === "i32") c.op("i64.extend_i32_u");
    if (type === "f32") canonicalBits(c, "f32", f32Scratch);
    if (type === "f64") canonicalBits(c, "f64", f64Scratch);
    mix();
  });
  c.structured("loop", null);
  c.op("local.get", address).memory("i64.load", 3, 0);
  mix();
  c.op("local.get", address).i32Const(8).op("i32.add").op("local.tee", address);
  c.i32Const(HASHED_BYTES).op("i32.lt_u").op("br_if", 0).op("end");
  c.op("local.get", hash);
  return {
    type: { params: [], results: ["i64"] },
    locals: ["i64", "i32", "f32", "f64"],
    body: c,
    exportName: STATE_EXPORT,
  };
}

/** float on the stack → its bits as i64, any NaN replaced by the canonical NaN. */
function canonicalBits(c: Code, type: "f32" | "f64", scratch: number): void {
  c.op("local.tee", scratch);
  if (type === "f32") c.f32Const(0x7fc00000);
  else c.f64Const(0x7ff8000000000000n);
  c.op("local.get", scratch).op("local.get", scratch).op(`${type}.eq`).op("select");
  if (type === "f32") c.op("i32.reinterpret_f32").op("i64.extend_i32_u");
  else c.op("i64.reinterpret_f64");
}
