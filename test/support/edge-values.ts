/**
 * Edge values per WebAssembly type, and argument lists built from them.
 *
 * Layer: e2e test support. Interface: `EDGE_VALUES[type]`, and `edgeArgumentLists(params, limit)`
 * — every combination of edge values when there are at most `limit` of them, else a deterministic
 * spread that still pairs every value of each parameter with several of the others.
 *
 * Float values given as bigints are raw bit patterns (NaN payloads, signalling NaNs).
 */

import type { ValType, WasmValue } from "@sawmill/bare-runtime";

const I32_MIN = -(2 ** 31);
const I64_MIN = -(2n ** 63n);

export const EDGE_VALUES: Record<ValType, readonly WasmValue[]> = {
  i32: [
    0,
    1,
    -1,
    2,
    3,
    7,
    31,
    32,
    33,
    255,
    0x8000,
    0xffff,
    0x12345678,
    I32_MIN,
    2 ** 31 - 1,
    I32_MIN + 1,
    -0x55555556,
    -32,
  ],
  i64: [
    0n,
    1n,
    -1n,
    2n,
    3n,
    31n,
    32n,
    63n,
    64n,
    65n,
    0xffffffffn,
    0x100000000n,
    0x123456789abcdefn,
    I64_MIN,
    -I64_MIN - 1n,
    I64_MIN + 1n,
    -0x5555555555555556n,
    -(2n ** 32n),
  ],
  f32: [
    0,
    -0,
    1,
    -1,
    0.5,
    1.5,
    2.5,
    -2.5,
    3.4028234663852886e38,
    -2147483648,
    2147483648,
    4294967296,
    1e-45,
    -1.1754942106924411e-38,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    0x7fc00001n,
    0xffa00005n,
    16777217,
  ],
  f64: [
    0,
    -0,
    1,
    -1,
    0.5,
    2.5,
    -3.5,
    2147483647.5,
    -2147483648.9,
    4294967295.9,
    4294967296,
    -1.5,
    2 ** 63,
    -(2 ** 63) - 2048,
    2 ** 64,
    1.7976931348623157e308,
    5e-324,
    -2.2250738585072014e-308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    0x7ff8000000000001n,
    0xfff4000000000abcn,
    2 ** 53 + 2,
  ],
};

export function edgeArgumentLists(params: readonly ValType[], limit = 400): WasmValue[][] {
  const pools = params.map((type) => EDGE_VALUES[type]);
  const total = pools.reduce((n, pool) => n * pool.length, 1);
  if (total <= limit) return product(pools);
  const lists: WasmValue[][] = [];
  for (let i = 0; i < limit; i++) {
    // Parameter k steps with a different stride, so values meet in many combinations.
    lists.push(
      pools.map((pool, k) => pool[(i * (2 * k + 1) + Math.floor(i / pool.length) * k) % pool.length]!),
    );
  }
  return lists;
}

function product(pools: readonly (readonly WasmValue[])[]): WasmValue[][] {
  return pools.reduce<WasmValue[][]>(
    (lists, pool) => lists.flatMap((list) => pool.map((v) => [...list, v])),
    [[]],
  );
}
