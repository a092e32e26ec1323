/**
 * WebAssembly values as test calls pass and return them.
 *
 * Layer: bare-runtime host side. Interface: `argumentBits` turns a call argument into the raw bits
 * of its parameter type; `resultValue` turns raw result bits into the value a `CallResult` carries.
 *
 * Invariants — one representation on both sides of a differential test, exact to the bit:
 * - i32 results are signed numbers, i64 results signed bigints;
 * - f32 results are their IEEE bit pattern as an unsigned number, f64 results their bit pattern as
 *   an unsigned bigint, so NaN payloads and the sign of zero compare exactly;
 * - a float argument given as a number is converted with JavaScript's rounding (canonical NaN for
 *   NaN); given as a bigint it is the raw bit pattern (any NaN payload).
 */

export type ValType = "i32" | "i64" | "f32" | "f64";
export type WasmValue = number | bigint;

/** Raw bits of a value of type `type`: a uint32 for i32/f32, a uint64 bigint for i64/f64. */
export function argumentBits(type: ValType, value: WasmValue): number | bigint {
  switch (type) {
    case "i32":
      return typeof value === "bigint" ? Number(BigInt.asUintN(32, value)) : value >>> 0;
    case "i64":
      return BigInt.asUintN(64, BigInt(value));
    case "f32":
      return typeof value === "bigint" ? Number(BigInt.asUintN(32, value)) : f32Bits(value);
    case "f64":
      return typeof value === "bigint" ? BigInt.asUintN(64, value) : f64Bits(value);
  }
}

/** The argument's bits as little-endian dwords, in memory order (low dword first). */
export function argumentDwords(type: ValType, value: WasmValue): number[] {
  const bits = argumentBits(type, value);
  if (typeof bits === "number") return [bits];
  return [Number(bits & 0xffffffffn), Number(bits >> 32n)];
}

/** Number of dwords a value of `type` occupies on the stack and on the value port. */
export function dwordCount(type: ValType): 1 | 2 {
  return type === "i64" || type === "f64" ? 2 : 1;
}

/** The result value for raw dwords (low first) of type `type`. */
export function resultValue(type: ValType, dwords: readonly number[]): WasmValue {
  const low = dwords[0]! >>> 0;
  switch (type) {
    case "i32":
      return low | 0;
    case "f32":
      return low;
    case "i64":
      return BigInt.asIntN(64, (BigInt(dwords[1]! >>> 0) << 32n) | BigInt(low));
    case "f64":
      return (BigInt(dwords[1]! >>> 0) << 32n) | BigInt(low);
  }
}

const scratch = new DataView(new ArrayBuffer(8));

export function f32Bits(value: number): number {
  scratch.setFloat32(0, value, true);
  return scratch.getUint32(0, true);
}

export function f64Bits(value: number): bigint {
  scratch.setFloat64(0, value, true);
  return scratch.getBigUint64(0, true);
}

/** The float a result's bits stand for (for readable messages; loses NaN payloads). */
export function bitsToFloat(type: "f32" | "f64", bits: WasmValue): number {
  if (type === "f32") {
    scratch.setUint32(0, Number(bits), true);
    return scratch.getFloat32(0, true);
  }
  scratch.setBigUint64(0, BigInt(bits), true);
  return scratch.getFloat64(0, true);
}
