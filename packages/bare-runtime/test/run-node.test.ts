import { describe, expect, it } from "vitest";
import { type CallResult, f32Bits, runInNode } from "../src/index.js";
import { nodeFixture } from "./wasm-fixture.js";

describe("runInNode", () => {
  it("reports values with exact float bits, NaN payloads included", async () => {
    const { results } = await runInNode(nodeFixture(null), [
      { export: "div_s", args: [7, -2] },
      { export: "same_f32", args: [0x7fa0_0001n] },
      { export: "same_f32", args: [-0] },
      { export: "same_f64", args: [0xfff8_0000_0000_0001n] },
      { export: "same_i64", args: [-(2n ** 63n)] },
      { export: "same_i64", args: [2n ** 64n - 1n] },
    ]);
    expect(results).toEqual<CallResult[]>([
      { value: -3 },
      { value: 0x7fa0_0001 },
      { value: f32Bits(-0) },
      { value: 0xfff8_0000_0000_0001n },
      { value: -(2n ** 63n) },
      { value: -1n },
    ]);
  });

  it("maps V8's traps to the runtime's trap names and keeps going", async () => {
    const { results } = await runInNode(nodeFixture(null), [
      { export: "div_s", args: [1, 0] },
      { export: "rem_s", args: [1, 0] },
      { export: "div_s", args: [-(2 ** 31), -1] },
      { export: "rem_s", args: [-(2 ** 31), -1] },
      { export: "to_i32", args: [1] },
      { export: "unreachable", args: [] },
      { export: "abort", args: [] },
      { export: "recurse", args: [] },
      { export: "div_s", args: [6, 3] },
    ]);
    expect(results).toEqual<CallResult[]>([
      { trap: "divide by zero" },
      { trap: "divide by zero" },
      { trap: "integer overflow" },
      { value: 0 },
      { trap: "invalid conversion to integer" },
      { trap: "unreachable" },
      { trap: "abort" },
      { trap: "stack overflow" },
      { value: 2 },
    ]);
  });

  it("caps memory.grow like the bare runtime, and reports emitted values per call", async () => {
    const grows = [3, 1, 0, 1].map((delta) => ({ export: "grow", args: [delta] }));
    const capped = await runInNode(nodeFixture(null), grows, { maxMemoryPages: 4 });
    expect(capped.results).toEqual([1, -1, 4, -1].map((value) => ({ value })));
    const bounded = await runInNode(nodeFixture(2), grows, { maxMemoryPages: 4 });
    expect(bounded.results).toEqual([-1, 1, 2, -1].map((value) => ({ value })));
    const emitted = await runInNode(nodeFixture(null), [
      { export: "emit", args: [-5] },
      { export: "div_s", args: [1, 1] },
    ]);
    expect(emitted.results).toEqual<CallResult[]>([{ value: null, emitted: [-5, -5n] }, { value: 1 }]);
  });
});
