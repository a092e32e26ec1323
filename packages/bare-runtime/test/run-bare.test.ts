import { describe, expect, it } from "vitest";
import { type CallResult, f32Bits, f64Bits, runOnBareMetal, TrapKind, trapName } from "../src/index.js";
import { ABORT_MESSAGE, fixtureModule } from "./fixture-module.js";

const QUIET_NAN_WITH_PAYLOAD = 0x7ff4_0000_dead_beefn;

describe("runOnBareMetal with a hand-assembled module", () => {
  it("runs start, passes cdecl arguments and reports every result type", async () => {
    const run = await runOnBareMetal(fixtureModule({ initialPages: 1, maxPages: null }), [
      { export: "load", args: [8] },
      { export: "add", args: [2, -5] },
      { export: "sub64", args: [0n, 1n] },
      { export: "sub64", args: [0x1_0000_0000n, 1n] },
      { export: "same_f64", args: [QUIET_NAN_WITH_PAYLOAD] },
      { export: "same_f64", args: [-0] },
      { export: "same_f32", args: [0x7fa0_0001n] },
      { export: "same_f32", args: [1.5] },
    ]);
    expect(run.results).toEqual<CallResult[]>([
      { value: 1 },
      { value: -3 },
      { value: -1n },
      { value: 0xffff_ffffn },
      { value: QUIET_NAN_WITH_PAYLOAD },
      { value: f64Bits(-0) },
      { value: 0x7fa0_0001 },
      { value: f32Bits(1.5) },
    ]);
  });

  it("reports traps and CPU exceptions, then goes on with the next call", async () => {
    const run = await runOnBareMetal(fixtureModule(null), [
      { export: "trap", args: [TrapKind.DivideByZero] },
      { export: "add", args: [1, 1] },
      { export: "invalid_opcode", args: [] },
      { export: "cpu_divide", args: [] },
      { export: "abort", args: [] },
      { export: "recurse_forever", args: [] },
      { export: "add", args: [2, 2] },
    ]);
    expect(run.results).toEqual<CallResult[]>([
      { trap: "divide by zero" },
      { value: 2 },
      { trap: trapName(TrapKind.CpuExceptionBase + 6) },
      { trap: trapName(TrapKind.CpuExceptionBase + 0) },
      { trap: "abort" },
      { trap: "stack overflow" },
      { value: 4 },
    ]);
    expect(run.serial).toContain(`abort: ${ABORT_MESSAGE} line 0x0000002a`);
  });

  it("grows memory up to the smaller of the module maximum and the cap, like WebAssembly", async () => {
    const calls = [
      { export: "size", args: [] },
      { export: "grow", args: [2] },
      { export: "size", args: [] },
      { export: "grow", args: [0] },
      { export: "grow", args: [2] },
      { export: "grow", args: [1] },
      { export: "grow", args: [-1] },
      { export: "store", args: [3 * 65536 + 4, 77] },
      { export: "load", args: [3 * 65536 + 4] },
    ];
    const bounded = await runOnBareMetal(fixtureModule({ initialPages: 1, maxPages: 4 }), calls);
    expect(bounded.results).toEqual([1, 1, 3, 3, -1, 3, -1, null, 77].map((value) => ({ value })));
    const capped = await runOnBareMetal(fixtureModule({ initialPages: 1, maxPages: null }), calls, {
      maxMemoryPages: 3,
    });
    expect(capped.results.slice(0, 7)).toEqual([1, 1, 3, 3, -1, -1, -1].map((value) => ({ value })));
  });

  it("reports emitted values with their call, and markers around marked calls", async () => {
    const run = await runOnBareMetal(fixtureModule(null), [
      { export: "emit_both", args: [-7, -(2n ** 40n)] },
      { export: "add", args: [1, 2], marker: 10 },
    ]);
    expect(run.results).toEqual<CallResult[]>([{ value: null, emitted: [-7, -(2n ** 40n)] }, { value: 3 }]);
    expect(run.markers.map((m) => m.id)).toEqual([10, 11]);
    const [before, after] = run.markers;
    const ADD_BODY = 3; // mov, add, ret
    expect(after!.instructions - before!.instructions).toBe(1 + ADD_BODY + 4);
  });

  it("fails with the results so far when the guest never finishes", async () => {
    const run = runOnBareMetal(
      fixtureModule(null),
      [
        { export: "add", args: [1, 2] },
        { export: "spin", args: [] },
        { export: "add", args: [3, 4] },
      ],
      { maxInstructions: 2_000_000 },
    );
    await expect(run).rejects.toThrow(
      /timed out after 1 of 3 calls \(next: call #1 spin\(\)\)\nresults: \[\{"value":3\}\]/,
    );
  });
});
