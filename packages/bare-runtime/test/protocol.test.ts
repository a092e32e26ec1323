import { describe, expect, it } from "vitest";
import {
  decodeValues,
  TAG_EMIT_I32,
  TAG_EMIT_I64,
  TAG_RETURN,
  TAG_TRAP,
  ValueStreamError,
} from "../src/protocol.js";

const calls = [
  { label: "a", result: "i64" as const },
  { label: "b", result: null },
  { label: "c", result: "f32" as const },
];

describe("decodeValues", () => {
  it("rebuilds results, traps and emitted values even when result dwords look like tags", () => {
    const stream = [
      TAG_EMIT_I32,
      -5 >>> 0,
      TAG_RETURN,
      TAG_TRAP,
      0xffffffff,
      TAG_TRAP,
      2,
      TAG_EMIT_I64,
      1,
      0,
      TAG_RETURN,
      TAG_RETURN,
    ];
    expect(decodeValues(stream, calls)).toEqual({
      results: [
        { value: -(2n ** 32n) + BigInt(TAG_TRAP), emitted: [-5] },
        { trap: "divide by zero" },
        { value: TAG_RETURN, emitted: [1n] },
      ],
      complete: true,
    });
  });

  it("says when the stream stops early and rejects malformed streams", () => {
    expect(decodeValues([TAG_RETURN, 1, 0], calls)).toEqual({ results: [{ value: 1n }], complete: false });
    expect(() => decodeValues([TAG_RETURN, 1], calls)).toThrow(ValueStreamError);
    expect(() => decodeValues([12345], calls)).toThrow(/unexpected dword 0x3039 in a/);
    expect(() => decodeValues([TAG_RETURN, 1, 0, TAG_RETURN, TAG_RETURN, 0, 7], calls)).toThrow(
      /1 dwords after/,
    );
  });
});
