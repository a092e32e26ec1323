import { fileURLToPath } from "node:url";
import { bootMultiboot } from "@sawmill/emulator";
import { describe, expect, it } from "vitest";
import { buildComponent, buildSystemImage } from "../src/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`./assembly/${name}`, import.meta.url));

describe("scheduler", () => {
  it("rotates equal priorities on the timer, runs a lower one only when nothing above is ready", async () => {
    const root = await buildComponent(fixture("scheduler-root.ts"));
    const elf = await buildSystemImage({ root: root.elf });
    // a 100 MHz guest: the 5-tick time slice is 5 M instructions
    const result = await bootMultiboot(elf, {
      memoryMiB: 64,
      maxInstructions: 100_000_000,
      virtualClock: { instructionsPerMs: 100_000 },
    });
    expect(result.serial).toContain("round robin ok\npriorities ok\n");
    expect(result.exitCode).toBe(0x42);
  });
});
