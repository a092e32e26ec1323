import { fileURLToPath } from "node:url";
import { bootMultiboot } from "@sawmill/emulator";
import { describe, expect, it } from "vitest";
import { buildComponent, buildSystemImage } from "../src/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`./assembly/${name}`, import.meta.url));

/** 100 000 instructions per virtual millisecond: a 10 ms tick every million instructions. */
const CLOCK = { instructionsPerMs: 100_000 };

describe("devices: interrupts, I/O ports and exceptions", () => {
  it("delivers timer ticks, grants ports and sends exceptions to the thread's handler", async () => {
    const root = await buildComponent(fixture("devices-root.ts"));
    const elf = await buildSystemImage({ root: root.elf });
    const result = await bootMultiboot(elf, {
      memoryMiB: 64,
      maxInstructions: 100_000_000,
      virtualClock: CLOCK,
    });
    expect(result.serial).toContain("ports ok");
    expect(result.serial).toContain("timer ticks ok");
    expect(result.serial).toContain("exceptions ok");
    expect(result.values).toEqual([0x1234, 0x7100, 0x7101, 0x7102, 0x7103, 0x7104, 0x600d]);
    expect(result.exitCode).toBe(0x42);
  });

  it("stops a task that touches a port it was not granted; a task with the grant writes it", async () => {
    const [root, child] = await Promise.all([
      buildComponent(fixture("ports-root.ts")),
      buildComponent(fixture("ports-child.ts")),
    ]);
    const elf = await buildSystemImage({ root: root.elf, entries: [{ name: "child", bytes: child.elf }] });
    const result = await bootMultiboot(elf, { memoryMiB: 64, maxInstructions: 100_000_000 });
    expect(result.serial).toMatch(/general protection fault at eip 0x[0-9a-f]+; task ended/);
    expect(result.serial).toContain("ports: the granted child wrote its value");
    expect(result.values).toEqual([0x600d]);
    expect(result.exitCode).toBe(0x42);
  });
});
