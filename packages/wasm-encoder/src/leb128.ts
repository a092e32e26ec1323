/**
 * LEB128, the variable-length integer encoding of the WebAssembly binary format.
 *
 * Layer: wasm-encoder primitives. Interface: `unsignedLeb128(n)` for u32 counts, indices and
 * sizes; `signedLeb128(n)` for `i32.const` / `i64.const` immediates (any bigint in the s64 range).
 *
 * Invariant: the shortest encoding is produced (what wasm tools emit; decoders accept longer ones).
 */

/** `value` taken as a u32 (`>>> 0`), seven bits per byte, low bits first. */
export function unsignedLeb128(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    const b = v & 0x7f;
    v >>>= 7;
    out.push(v === 0 ? b : b | 0x80);
  } while (v !== 0);
  return out;
}

/** `value` wrapped to s64, seven bits per byte until the rest is all sign bits. */
export function signedLeb128(value: bigint): number[] {
  const out: number[] = [];
  let v = BigInt.asIntN(64, value);
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    const done = (v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}
