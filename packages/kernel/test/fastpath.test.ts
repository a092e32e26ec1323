import { fileURLToPath } from "node:url";
import { bootMultiboot } from "@sawmill/emulator";
import { describe, expect, it } from "vitest";
import { FAST_PATH_MARKERS, MARKER_OVERHEAD, REPLY_MARKER_OFFSET } from "../src/entry/fastpath.js";
import { buildComponent, buildSystemImage, type KernelEntryOptions } from "../src/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`./assembly/${name}`, import.meta.url));

async function run(name: string, kernel: KernelEntryOptions) {
  const root = await buildComponent(fixture(name));
  const elf = await buildSystemImage({ root: root.elf, kernel });
  return bootMultiboot(elf, { memoryMiB: 64, maxInstructions: 100_000_000 });
}

/** Round trips of fastpath-root.ts that both directions take on the fast path. */
function fastRoundTrips(): number {
  let n = 0;
  for (let i = 0; i < 1000; i++) if (i % 6 !== 5 && i % 50 !== 49) n++;
  return n;
}

describe("IPC fast path", () => {
  it.each(["fastpath-root.ts", "ipc-root.ts"])(
    "%s gives the same results with and without the fast path",
    async (name) => {
      const slow = await run(name, { fastPath: false });
      const fast = await run(name, {});
      expect(slow.exitCode).toBe(0x42);
      expect(fast.serial).toBe(slow.serial);
      expect(fast.exitCode).toBe(slow.exitCode);
    },
  );

  it("takes every register-only call and reply, each far cheaper than the slow path", async () => {
    const slow = await run("fastpath-root.ts", { fastPath: false });
    const fast = await run("fastpath-root.ts", {});
    const marked = await run("fastpath-root.ts", { markers: true });
    expect(marked.serial).toBe(fast.serial);
    const ids = marked.markers.map((m) => m.id);
    const exiting = [FAST_PATH_MARKERS.EXITING, FAST_PATH_MARKERS.EXITING + REPLY_MARKER_OFFSET];
    const exits = ids.filter((id) => exiting.includes(id)).length;
    // minus one: the first call comes before the server waits (it queues, the slow path's case)
    expect(exits).toBe(2 * fastRoundTrips() - 1);
    // each fast system call, from its first marker to its last, minus the markers' own code
    const spans: number[] = [];
    let start = -1;
    for (const marker of marked.markers) {
      if (marker.id === FAST_PATH_MARKERS.FRAME_SAVED) start = marker.instructions;
      if (exiting.includes(marker.id) && start >= 0) {
        spans.push(marker.instructions - start - 5 * MARKER_OVERHEAD);
        start = -1;
      }
    }
    expect(spans).toHaveLength(exits);
    expect(Math.max(...spans)).toBeLessThan(120);
    const saved = ((slow.instructions ?? 0) - (fast.instructions ?? 0)) / fastRoundTrips();
    expect(saved).toBeGreaterThan(1000);
  });
});
