import { fileURLToPath } from "node:url";
import { bootMultiboot } from "@sawmill/emulator";
import { buildComponent, buildSystemImage, layout } from "@sawmill/kernel";
import { describe, expect, it } from "vitest";
import { assembleSyncStubs } from "../src/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`./assembly/${name}`, import.meta.url));

describe("sync in v86: three threads of one task", () => {
  it("mutex, semaphore and condition hold under contention", async () => {
    const extraObjects = [assembleSyncStubs({ memoryBase: layout.Address.USER_MEMORY })];
    const root = await buildComponent(fixture("sync-root.ts"), { extraObjects });
    const elf = await buildSystemImage({ root: root.elf });
    const result = await bootMultiboot(elf, { memoryMiB: 64, maxInstructions: 50_000_000 });
    expect(result.serial).not.toContain("FAIL");
    expect(result.serial).toContain("[sync] mutex counter 300\n");
    expect(result.serial).toContain("[sync] semaphore(2) most inside 2\n");
    expect(result.serial).toContain("[sync] condition woken 3\n");
    expect(result.exitCode).toBe(0x51);
    expect(result.instructions).toBeLessThan(5_000_000); // measured: about 1.66 M, kernel boot included
  });
});
