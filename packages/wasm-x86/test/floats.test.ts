/**
 * Float lowering, differentially: tiny wasm functions run on x86 (v86, bare runtime) and in
 * Node's WebAssembly with the same edge values; results must match bit for bit (NaN payloads,
 * signed zeros) and traps must match by kind.
 *
 * Layer: package unit tests (slow-ish: one v86 boot per test, all calls in that boot).
 */

import type { Call, WasmValue } from "@sawmill/bare-runtime";
import { describe, it } from "vitest";
import { expectSameResults, isNaNArgument, unaryFunction } from "./same-results.js";
import { code, type FunctionSpec, type GlobalSpec } from "./wasm-builder.js";

type FloatType = "f32" | "f64";

const F32: readonly WasmValue[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  1.5,
  2.5,
  -2.5,
  3.5,
  -0.30000001192092896,
  0x3effffffn,
  8388607.5,
  -8388607.5,
  8388608,
  16777215,
  0x4effffffn,
  2147483648,
  -2147483648,
  -2147483904,
  4294967040,
  4294967296,
  0x5effffffn,
  0x5f000000n,
  0xdf000000n,
  0x5f7fffffn,
  0x5f800000n,
  1e-45,
  -1.1754942106924411e-38,
  3.4028234663852886e38,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
  0x7fc00001n,
  0x7f800001n,
  0xffa00005n,
];

const F64: readonly WasmValue[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  1.5,
  2.5,
  -2.5,
  -0.3,
  0.49999999999999994,
  4503599627370495.5,
  -4503599627370495.5,
  2 ** 52,
  2 ** 53 + 2,
  2147483647,
  2147483647.9,
  2147483648,
  -2147483648,
  -2147483648.9,
  -2147483649,
  4294967295.9,
  4294967296,
  -0.9,
  2 ** 63,
  -(2 ** 63),
  -(2 ** 63) - 2048,
  2 ** 63 - 1024,
  2 ** 64,
  2 ** 64 - 2048,
  1.7976931348623157e308,
  5e-324,
  -2.2250738585072014e-308,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
  0x7ff8000000000001n,
  0x7ff0000000000001n,
  0xfff4000000000abcn,
];

/** A shorter list for the operations of two operands (every pair is tried). */
const PAIR_VALUES: Record<FloatType, readonly WasmValue[]> = {
  f32: [
    0,
    -0,
    1,
    -2.5,
    0.5,
    3.4028234663852886e38,
    1e-45,
    Number.POSITIVE_INFINITY,
    Number.NaN,
    0x7fc00001n,
    0xffa00005n,
  ],
  f64: [
    0,
    -0,
    1,
    -2.5,
    0.5,
    1.7976931348623157e308,
    5e-324,
    Number.NEGATIVE_INFINITY,
    Number.NaN,
    0x7ff8000000000001n,
    0xfff4000000000abcn,
  ],
};

const I32: readonly WasmValue[] = [
  0, 1, -1, -2147483648, 2147483647, 16777217, 16777219, -16777217, 0x7fffffc0, -0x7fffffbf,
];

const I64: readonly WasmValue[] = [
  0n,
  1n,
  -1n,
  2n ** 53n,
  2n ** 53n + 1n,
  2n ** 53n - 1n,
  -(2n ** 53n) - 1n,
  -(2n ** 53n),
  2n ** 63n - 1n,
  -(2n ** 63n),
  0x7fffff4000000001n,
  -0x80000000000001n,
  -0x7ffffeffffffffffn,
  0x20000020000001n,
  -9007199791611905n,
  0x20000000000801n,
  0x20000000000800n,
  0x20000000000c00n,
  0x100000000n,
  0xffffffffn,
  -0x100000000n,
  0x123456789abcdefn,
];

function callsOf(name: string, values: readonly WasmValue[]): Call[] {
  return values.map((v) => ({ export: name, args: [v] }));
}

function pairCalls(name: string, values: readonly WasmValue[]): Call[] {
  return values.flatMap((a) => values.map((b) => ({ export: name, args: [a, b] })));
}

const VALUES: Record<FloatType, readonly WasmValue[]> = { f32: F32, f64: F64 };

describe("float lowering matches V8 bit for bit", () => {
  for (const type of ["f32", "f64"] as const) {
    it(`${type} unary operations: abs, neg, sqrt, ceil, floor, trunc, nearest`, async () => {
      const ops = ["abs", "neg", "sqrt", "ceil", "floor", "trunc", "nearest"];
      const functions = ops.map((o) => unaryFunction(o, `${type}.${o}`, type, type));
      await expectSameResults(
        functions,
        ops.flatMap((o) => callsOf(o, VALUES[type])),
      );
    });

    it(`${type} binary operations with register, memory and constant operands`, async () => {
      const ops = ["add", "sub", "mul", "div", "min", "max", "copysign"];
      const functions: FunctionSpec[] = ops.flatMap((o) => [
        {
          name: o,
          params: [type, type],
          results: [type],
          body: [...code.get(0), ...code.get(1), ...code.op(`${type}.${o}`)],
        },
        {
          name: `${o}_const`,
          params: [type],
          results: [type],
          body: [
            ...code.get(0),
            ...(type === "f32" ? code.f32(-0.5) : code.f64(-0.5)),
            ...code.op(`${type}.${o}`),
          ],
        },
        {
          name: `${o}_sqrt`, // the left operand computed into a register first
          params: [type, type],
          results: [type],
          body: [...code.get(0), ...code.op(`${type}.sqrt`), ...code.get(1), ...code.op(`${type}.${o}`)],
        },
      ]);
      const calls = ops.flatMap((o) => [
        ...pairCalls(o, PAIR_VALUES[type]),
        ...callsOf(`${o}_const`, PAIR_VALUES[type]),
        ...pairCalls(`${o}_sqrt`, PAIR_VALUES[type]).slice(0, 40),
      ]);
      // Two NaN operands: wasm lets either payload through. The code keeps the left operand
      // first (hardware and V8 return its payload), but v86 computes add and mul with host
      // wasm arithmetic, which may return the other one: there only NaN-ness is compared.
      const commutedByV86 = (call: Call) =>
        /^(add|mul)/.test(call.export) && call.args.every((v) => isNaNArgument(type, v));
      await expectSameResults(functions, calls, commutedByV86);
    });

    it(`${type} comparisons as values, branches and selects`, async () => {
      const ops = ["eq", "ne", "lt", "gt", "le", "ge"];
      const functions: FunctionSpec[] = ops.flatMap((o) => {
        const compare = [...code.get(0), ...code.get(1), ...code.op(`${type}.${o}`)];
        return [
          { name: o, params: [type, type], results: ["i32"], body: compare },
          {
            name: `${o}_branch`,
            params: [type, type],
            results: ["i32"],
            body: [...compare, ...code.ifElse("i32", code.i32(10), code.i32(20))],
          },
          {
            name: `${o}_select`,
            params: [type, type],
            results: [type],
            body: [...code.get(0), ...code.get(1), ...compare, ...code.op("select")],
          },
        ];
      });
      await expectSameResults(
        functions,
        ops.flatMap((o) => [o, `${o}_branch`, `${o}_select`].flatMap((n) => pairCalls(n, PAIR_VALUES[type]))),
      );
    });

    it(`${type} → i32 and i64 truncations, trapping and saturating`, async () => {
      const names = [
        "i32.trunc_s",
        "i32.trunc_u",
        "i64.trunc_s",
        "i64.trunc_u",
        "i32.trunc_sat_s",
        "i32.trunc_sat_u",
        "i64.trunc_sat_s",
        "i64.trunc_sat_u",
      ];
      const functions = names.map((n) => {
        const [result, rest] = n.split(".") as ["i32" | "i64", string];
        const opcode = `${result}.${rest.replace(/_(s|u)$/, `_${type}_$1`)}`;
        return unaryFunction(n, opcode, type, result);
      });
      await expectSameResults(
        functions,
        names.flatMap((n) => callsOf(n, VALUES[type])),
      );
    });

    it(`integers → ${type}, rounding once to nearest even`, async () => {
      const functions = [
        unaryFunction("from_i32", `${type}.convert_i32_s`, "i32", type),
        unaryFunction("from_u32", `${type}.convert_i32_u`, "i32", type),
        unaryFunction("from_i64", `${type}.convert_i64_s`, "i64", type),
        unaryFunction("from_u64", `${type}.convert_i64_u`, "i64", type),
      ];
      await expectSameResults(functions, [
        ...callsOf("from_i32", I32),
        ...callsOf("from_u32", I32),
        ...callsOf("from_i64", I64),
        ...callsOf("from_u64", I64),
      ]);
    });
  }

  it("demote, promote and the reinterpretations keep NaN payloads", async () => {
    const functions: FunctionSpec[] = [
      unaryFunction("demote", "f32.demote_f64", "f64", "f32"),
      unaryFunction("promote", "f64.promote_f32", "f32", "f64"),
      unaryFunction("bits32", "i32.reinterpret_f32", "f32", "i32"),
      unaryFunction("float32", "f32.reinterpret_i32", "i32", "f32"),
      unaryFunction("bits64", "i64.reinterpret_f64", "f64", "i64"),
      unaryFunction("float64", "f64.reinterpret_i64", "i64", "f64"),
      {
        name: "roundTrip64", // i64 pair → xmm → pair, through arithmetic on both sides
        params: ["i64"],
        results: ["i64"],
        body: [
          ...code.get(0),
          ...code.i64(1n),
          ...code.op("i64.add"),
          ...code.op("f64.reinterpret_i64"),
          ...code.op("f64.neg"),
          ...code.op("i64.reinterpret_f64"),
        ],
      },
    ];
    await expectSameResults(functions, [
      ...callsOf("demote", F64),
      ...callsOf("promote", F32),
      ...callsOf("bits32", F32),
      ...callsOf("float32", [...I32, 0x7f800001, -0x5fffff]),
      ...callsOf("bits64", F64),
      ...callsOf("float64", [...I64, 0x7ff0000000000001n, -0xbffffffffff544n]),
      ...callsOf("roundTrip64", I64),
    ]);
  });

  it("constants folded from immutable globals keep their sign (copysign, reinterpret, compare)", async () => {
    const globals: GlobalSpec[] = [
      { type: "f32", init: code.f32(-1.5) },
      { type: "f64", init: code.f64(-0) },
    ];
    const functions: FunctionSpec[] = [
      {
        name: "signOf32",
        params: ["f32"],
        results: ["f32"],
        body: [...code.get(0), ...code.global(0), ...code.op("f32.copysign")],
      },
      {
        name: "signOf64",
        params: ["f64"],
        results: ["f64"],
        body: [...code.get(0), ...code.global(1), ...code.op("f64.copysign")],
      },
      {
        name: "bitsBelow",
        params: ["i32"],
        results: ["i32"],
        body: [...code.global(0), ...code.op("i32.reinterpret_f32"), ...code.get(0), ...code.op("i32.lt_s")],
      },
    ];
    const calls = [
      ...callsOf("signOf32", [1, -2, 0, Number.NaN, 0x7fc00001n]),
      ...callsOf("signOf64", [1, -2, 0, Number.NaN, 0x7ff8000000000001n]),
      ...callsOf("bitsBelow", [0, -1, -0x40400000, -0x40400001]),
    ];
    await expectSameResults(functions, calls, () => false, globals);
  });

  it("more live floats than xmm registers, across calls and block results", async () => {
    const terms = 12; // x·0 … x·11 all live at once: 12 values, 8 xmm registers
    const products = Array.from({ length: terms }, (_, k) => [
      ...code.get(0),
      ...code.f64(k + 0.5),
      ...code.op("f64.mul"),
    ]);
    const sums = Array.from({ length: terms - 1 }, () => code.op("f64.add"));
    const functions: FunctionSpec[] = [
      { name: "wide", params: ["f64"], results: ["f64"], body: [...products.flat(), ...sums.flat()] },
      {
        name: "acrossCall", // values live in xmm registers while `wide` (a cdecl call) clobbers them all
        params: ["f64", "f32"],
        results: ["f64"],
        body: [
          ...code.get(0),
          ...code.get(1),
          ...code.op("f64.promote_f32"),
          ...code.get(0),
          ...code.op("call"),
          0,
          ...code.op("f64.sub"),
          ...code.op("f64.div"),
        ],
      },
      {
        name: "blockResult", // an f32 block result travels in xmm0 (sub, not add: see above)
        params: ["f32", "i32"],
        results: ["f32"],
        body: [
          ...code.get(1),
          ...code.ifElse(
            "f32",
            [...code.get(0), ...code.op("f32.sqrt")],
            [...code.get(0), ...code.op("f32.neg")],
          ),
          ...code.get(0),
          ...code.op("f32.sub"),
        ],
      },
    ];
    await expectSameResults(functions, [
      ...callsOf("wide", F64),
      ...F64.slice(0, 12).map((x, i) => ({ export: "acrossCall", args: [x, F32[i]!] })),
      ...F32.flatMap((x) => [0, 1].map((c) => ({ export: "blockResult", args: [x, c] }))),
    ]);
  });
});
