import { describe, expect, it } from "vitest";
import { bootMultiboot } from "../src/index.js";
import { pitGuest } from "./pit-guest.js";

describe("virtual clock", () => {
  // ~1 kHz timer; 4 M spin iterations = 8 M instructions = 8 ms at the default 1 M instructions/ms.
  const elf = pitGuest({ divisor: 1193, spinIterations: 4_000_000, haltTicks: 20 });

  it("delivers the same ticks at the same instruction counts on every run", async () => {
    const first = await bootMultiboot(elf, { virtualClock: true });
    const second = await bootMultiboot(elf, { virtualClock: true });
    expect(first.exitCode).toBe(0);
    expect(first.markers.length).toBe(first.values[0]);
    expect(second.markers).toEqual(first.markers);
    expect(second.instructions).toBe(first.instructions);
  });

  it("derives time from executed instructions", async () => {
    const normal = await bootMultiboot(elf, { virtualClock: true });
    const slow = await bootMultiboot(elf, { virtualClock: { instructionsPerMs: 100_000 } });
    const spinTicks = (ticks: number) => ticks - 20;
    // 8 M instructions: ~8 ms at 1 M/ms, ~80 ms at 100 k/ms, with a 1 kHz timer. v86 checks its
    // timers about every 100 k instructions and merges periods that elapsed in between, so at
    // 100 k/ms a few ticks go missing.
    expect(spinTicks(normal.values[0])).toBeGreaterThanOrEqual(7);
    expect(spinTicks(normal.values[0])).toBeLessThanOrEqual(9);
    expect(spinTicks(slow.values[0])).toBeGreaterThanOrEqual(70);
    expect(spinTicks(slow.values[0])).toBeLessThanOrEqual(81);
  });
});
