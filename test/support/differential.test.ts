import type { CallResult } from "@sawmill/bare-runtime";
import { describe, expect, it } from "vitest";
import { mismatchReport } from "./differential.js";

const call = { export: "f", args: [1, 2n] };

describe("mismatchReport", () => {
  it("accepts identical results and reports any difference, one line per call", () => {
    const same: CallResult[] = [{ value: 3 }, { trap: "divide by zero" }, { value: null, emitted: [1, 2n] }];
    expect(mismatchReport([call, call, call], same, same)).toEqual([]);
    const differing: [CallResult, CallResult][] = [
      [{ value: 3 }, { value: 4 }],
      [{ value: 0x7fc00000 }, { value: 0x7fc00001 }],
      [{ value: 1n }, { value: 1 }],
      [{ trap: "divide by zero" }, { trap: "integer overflow" }],
      [{ trap: "unreachable" }, { value: null }],
      [{ value: null, emitted: [1] }, { value: null }],
      [
        { value: null, emitted: [1] },
        { value: null, emitted: [1n] },
      ],
    ];
    for (const [node, bare] of differing) {
      expect(
        mismatchReport([call], [node], [bare]),
        JSON.stringify([node, bare], (_, v) => String(v)),
      ).toHaveLength(1);
    }
  });

  it("names the call and shows float results as bits and value", () => {
    const [line] = mismatchReport(
      [call],
      [{ value: 0x3fc00000 }],
      [{ value: 0x3f800000 }],
      new Map([["f", "f32"]]),
    );
    expect(line).toBe("f(1, 2n): node 1069547520 (1.5), x86 1065353216 (1)");
  });

  it("reports a call missing on one side", () => {
    expect(mismatchReport([call], [{ value: 1 }], [])).toEqual(["f(1, 2n): node 1, x86 (missing)"]);
  });
});
