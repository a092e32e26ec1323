import { fileURLToPath } from "node:url";
import { bootMultiboot, bootQemu, qemuAvailable } from "@sawmill/emulator";
import { describe, expect, it } from "vitest";
import { FAST_PATH_MARKERS, MARKER_OVERHEAD, REPLY_MARKER_OFFSET } from "../src/entry/fastpath.js";
import { buildComponent, buildSystemImage, type KernelEntryOptions } from "../src/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`./assembly/${name}`, import.meta.url));

/** The image of `root` (with fastpath-child.ts as the archive's "child" when `withChild`) on `kernel`. */
async function image(root: string, kernel: KernelEntryOptions, withChild: boolean): Promise<Uint8Array> {
  const entries = withChild
    ? [{ name: "child", bytes: (await buildComponent(fixture("fastpath-child.ts"))).elf }]
    : [];
  return buildSystemImage({ root: (await buildComponent(fixture(root))).elf, entries, kernel });
}

async function run(root: string, kernel: KernelEntryOptions, withChild = false) {
  return bootMultiboot(await image(root, kernel, withChild), { memoryMiB: 64, maxInstructions: 100_000_000 });
}

/** Round trips of the 1000 in the fixtures whose call and reply both qualify for the fast path. */
function fastRoundTrips(): number {
  let n = 0;
  for (let i = 0; i < 1000; i++) if (i % 6 !== 5 && i % 50 !== 49) n++; // 5 words, or a timeout
  return n;
}

const EXITING = [FAST_PATH_MARKERS.EXITING, FAST_PATH_MARKERS.EXITING + REPLY_MARKER_OFFSET] as const;

function fastExits(markers: readonly { id: number }[]): number {
  return markers.filter((m) => (EXITING as readonly number[]).includes(m.id)).length;
}

describe("IPC fast path", () => {
  it.each([
    ["fastpath-root.ts", false],
    ["ipc-root.ts", false],
    ["fastpath-space-root.ts", true],
  ] as const)("%s prints the same with and without the fast path", async (root, withChild) => {
    const slow = await run(root, { fastPath: false }, withChild);
    const fast = await run(root, {}, withChild);
    expect(slow.exitCode).toBe(0x42);
    expect(fast.serial).toBe(slow.serial);
    expect(fast.exitCode).toBe(slow.exitCode);
    expect(fast.instructions).toBeLessThan(slow.instructions ?? 0);
  });

  it("takes every eligible call and reply within a task, each far cheaper than the slow path", async () => {
    const slow = await run("fastpath-root.ts", { fastPath: false });
    const fast = await run("fastpath-root.ts", {});
    const marked = await run("fastpath-root.ts", { markers: true });
    expect(marked.serial).toBe(fast.serial);
    // minus one: the first call comes before the server waits (it queues: the slow path's case)
    expect(fastExits(marked.markers)).toBe(2 * fastRoundTrips() - 1);
    // each fast system call, from its first marker to its last, minus the markers' own code
    const spans: number[] = [];
    let start = -1;
    for (const marker of marked.markers) {
      if (marker.id === FAST_PATH_MARKERS.FRAME_SAVED) start = marker.instructions;
      if ((EXITING as readonly number[]).includes(marker.id) && start >= 0) {
        spans.push(marker.instructions - start - 5 * MARKER_OVERHEAD);
        start = -1;
      }
    }
    expect(spans).toHaveLength(fastExits(marked.markers));
    expect(Math.max(...spans)).toBeLessThan(120);
    const saved = ((slow.instructions ?? 0) - (fast.instructions ?? 0)) / fastRoundTrips();
    expect(saved).toBeGreaterThan(1000);
  });

  it("takes every eligible call and reply between two tasks; page-fault replies stay on the slow path", async () => {
    const marked = await run("fastpath-space-root.ts", { markers: true }, true);
    expect(marked.exitCode).toBe(0x42);
    // plus one: the child's final DONE call (root prints and stops instead of replying)
    expect(fastExits(marked.markers)).toBe(2 * fastRoundTrips() + 1);
  });
});

describe.skipIf(!qemuAvailable())("IPC fast path in QEMU", () => {
  it("prints the same with and without the fast path between two tasks", async () => {
    const qemu = async (kernel: KernelEntryOptions) =>
      bootQemu(await image("fastpath-space-root.ts", kernel, true), {
        memoryMiB: 64,
        timeoutMs: 60_000,
        icount: false,
      });
    const slow = await qemu({ fastPath: false });
    const fast = await qemu({});
    expect(slow.exitCode).toBe(0x42);
    expect(fast.serial).toBe(slow.serial);
    expect(fast.exitCode).toBe(slow.exitCode);
  });
});
