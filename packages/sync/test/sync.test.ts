import { fileURLToPath } from "node:url";
import { bootMultiboot } from "@sawmill/emulator";
import type { ComponentManifest } from "@sawmill/image";
import { layout } from "@sawmill/kernel";
import { buildBootSystem, rootTaskStubs } from "@sawmill/root";
import { describe, expect, it } from "vitest";
import { assembleSyncStubs } from "../src/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`./assembly/${name}`, import.meta.url));

/** Endpoints for the mutex, the semaphores, the guard and the condition (20–24) and parking (29). */
const ENDPOINT_SLOTS = [20, 21, 22, 23, 24, 29];

const syncComponent: ComponentManifest = {
  name: "sync",
  priority: 100,
  stackPages: 2,
  memoryPages: 48,
  grants: ENDPOINT_SLOTS.map((slot, endpoint) => ({ kind: "endpoint", slot, endpoint })),
  irqs: [],
  ports: [],
};

describe("sync in v86: three threads of a component the root task started", () => {
  it("mutex, semaphore and condition hold under contention", async () => {
    const extraObjects = [...rootTaskStubs(), assembleSyncStubs({ memoryBase: layout.Address.USER_MEMORY })];
    const elf = await buildBootSystem({
      components: [{ name: "sync", source: fixture("sync-component.ts"), options: { extraObjects } }],
      manifest: { components: [syncComponent] },
    });
    const result = await bootMultiboot(elf, { memoryMiB: 64, maxInstructions: 50_000_000 });
    expect(result.serial).toContain("[root] started sync: task 2, 48 pages budget, 6 grants");
    expect(result.serial).not.toContain("FAIL");
    expect(result.serial).not.toContain("not mapped");
    expect(result.serial).toContain("[sync] mutex counter 300\n");
    expect(result.serial).toContain("[sync] semaphore(2) most inside 2\n");
    expect(result.serial).toContain("[sync] condition waited 3\n");
    expect(result.serial).toContain("[sync] condition woken 3\n");
    expect(result.exitCode).toBe(0x51);
    expect(result.instructions).toBeLessThan(5_000_000); // measured: about 1.72 M, kernel boot included
  });
});
