/**
 * Float lowering against V8 on seeded random operands: bit patterns biased towards the places
 * where lowerings go wrong (integers and ties for rounding, exponents near 2^31/2^32/2^63/2^64
 * for truncation, i64 values of every bit length for the conversions, equal and sign-flipped
 * pairs for min/max and compares). Deterministic: the same seed gives the same calls.
 *
 * Layer: package unit tests. Complements `floats.test.ts` (hand-picked edge values).
 */

import type { Call } from "@sawmill/bare-runtime";
import { describe, it } from "vitest";
import type { ValType } from "../src/types.js";
import { expectSameResults, isNaNArgument, unaryFunction } from "./same-results.js";
import { code, type FunctionSpec } from "./wasm-builder.js";

type FloatType = "f32" | "f64";

/** One function under test: export name, opcode, parameter and result type, operand maker. */
type Case = readonly [string, string, ValType, ValType, () => bigint | number];

const CALLS_PER_FUNCTION = 150;

/** A 32-bit linear congruential generator (deterministic, good enough to spread bits). */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
  const below = (n: number): number => next() % n;
  const bits64 = (): bigint => (BigInt(next()) << 32n) | BigInt(next());
  return { next, below, bits64 };
}

type Random = ReturnType<typeof generator>;

const LAYOUT = {
  f32: { exponentBits: 8, fractionBits: 23, bias: 127 },
  f64: { exponentBits: 11, fractionBits: 52, bias: 1023 },
} as const;

/** A float bit pattern: any exponent, or one near 1..2^68; fractions full, short or cleared low. */
function floatBits(random: Random, type: FloatType): bigint {
  const { exponentBits, fractionBits, bias } = LAYOUT[type];
  const sign = BigInt(random.below(2)) << BigInt(exponentBits + fractionBits);
  const anyExponent = random.below(3) === 0;
  const exponent = anyExponent ? random.below(2 ** exponentBits) : bias - 2 + random.below(70);
  let fraction = random.bits64() & ((1n << BigInt(fractionBits)) - 1n);
  if (random.below(2) === 0) fraction &= ~((1n << BigInt(random.below(fractionBits))) - 1n);
  return sign | (BigInt(exponent) << BigInt(fractionBits)) | fraction;
}

/** An i64 of a random bit length (0..64) and sign. */
function integerBits(random: Random): bigint {
  const length = random.below(65);
  const magnitude = length === 0 ? 0n : random.bits64() >> BigInt(64 - length);
  return BigInt.asIntN(64, random.below(2) === 0 ? magnitude : -magnitude);
}

function unaryCalls(name: string, make: () => bigint | number): Call[] {
  return Array.from({ length: CALLS_PER_FUNCTION }, () => ({ export: name, args: [make()] }));
}

describe("float lowering matches V8 on random operands", () => {
  for (const type of ["f32", "f64"] as const) {
    it(`${type} rounding, sqrt and every conversion to and from integers`, async () => {
      const random = generator(type === "f32" ? 1 : 2);
      const float = () => floatBits(random, type);
      const i64 = () => integerBits(random);
      const i32 = () => Number(BigInt.asIntN(32, integerBits(random)));
      const cases: Case[] = [
        ...["ceil", "floor", "trunc", "nearest", "sqrt"].map(
          (o) => [o, `${type}.${o}`, type, type, float] as const,
        ),
        ...["s", "u"].flatMap((s) => [
          [`to_i32_${s}`, `i32.trunc_${type}_${s}`, type, "i32", float] as const,
          [`to_i64_${s}`, `i64.trunc_${type}_${s}`, type, "i64", float] as const,
          [`sat_i32_${s}`, `i32.trunc_sat_${type}_${s}`, type, "i32", float] as const,
          [`sat_i64_${s}`, `i64.trunc_sat_${type}_${s}`, type, "i64", float] as const,
          [`from_i32_${s}`, `${type}.convert_i32_${s}`, "i32", type, i32] as const,
          [`from_i64_${s}`, `${type}.convert_i64_${s}`, "i64", type, i64] as const,
        ]),
      ];
      const functions = cases.map(([name, opcode, param, result]) =>
        unaryFunction(name, opcode, param, result),
      );
      await expectSameResults(
        functions,
        cases.flatMap(([name, , , , make]) => unaryCalls(name, make)),
      );
    });

    it(`${type} arithmetic, min/max, copysign and compares`, async () => {
      const random = generator(type === "f32" ? 3 : 4);
      const signBit = type === "f32" ? 0x80000000n : 1n << 63n;
      const ops = ["add", "sub", "mul", "div", "min", "max", "copysign", "eq", "ne", "lt", "gt", "le", "ge"];
      const functions: FunctionSpec[] = ops.map((o) => ({
        name: o,
        params: [type, type],
        results: [["add", "sub", "mul", "div", "min", "max", "copysign"].includes(o) ? type : "i32"],
        body: [...code.get(0), ...code.get(1), ...code.op(`${type}.${o}`)],
      }));
      const pair = (): [bigint, bigint] => {
        const a = floatBits(random, type);
        const kind = random.below(4);
        return [a, kind === 0 ? a : kind === 1 ? a ^ signBit : floatBits(random, type)];
      };
      const calls = ops.flatMap((o) => unaryCalls(o, () => 0n).map((c) => ({ ...c, args: pair() })));
      // as in floats.test.ts: v86 may return either NaN of add/mul, so there only NaN-ness counts
      const commutedByV86 = (call: Call) =>
        (call.export === "add" || call.export === "mul") && call.args.every((v) => isNaNArgument(type, v));
      await expectSameResults(functions, calls, commutedByV86);
    });
  }

  it("f32.demote_f64 and f64.promote_f32", async () => {
    const random = generator(5);
    await expectSameResults(
      [
        unaryFunction("demote", "f32.demote_f64", "f64", "f32"),
        unaryFunction("promote", "f64.promote_f32", "f32", "f64"),
      ],
      [
        ...unaryCalls("demote", () => floatBits(random, "f64")),
        ...unaryCalls("promote", () => floatBits(random, "f32")),
      ],
    );
  });
});
