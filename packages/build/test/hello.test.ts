// configs/hello.yaml end to end: the closure and placement recorded in manifest.json, the image
// booted in v86 from the multiboot ELF and from the raw disk image (SeaBIOS), the graph, the
// cache on a rebuild, and byte-identical output from a build with an empty cache.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bootQemuDisk, loadSeaBios, qemuAvailable } from "@sawmill/emulator";
import { beforeAll, describe, expect, it } from "vitest";
import { type BuildResult, buildImage, inspectImage } from "../src/index.js";
import { HELLO_YAML, runUntil, tempDir } from "./support.js";

const GREETING = "Hello from SawMill\n";
const OUTPUTS = ["elf", "disk", "manifest", "graph"] as const;

describe("configs/hello.yaml", () => {
  let cacheDir: string;
  let first: BuildResult;

  beforeAll(async () => {
    cacheDir = tempDir();
    first = await buildImage(HELLO_YAML, { outDir: join(cacheDir, "out"), cacheDir });
  }, 600_000);

  it("holds the uart driver, the console server and hello with libc, each in its own task", () => {
    const m = first.manifest;
    expect(m.tasks.map((t) => [t.name, t.placement, t.members])).toEqual([
      ["uart", "separate", ["uart"]],
      ["console", "separate", ["console"]],
      ["hello", "application", ["hello", "libc"]],
    ]);
    expect(m.syscalls).toEqual([
      { name: "exit", provider: "libc", applications: ["hello"] },
      { name: "write", provider: "console", applications: ["hello"] },
    ]);
    expect(m.pruned).toEqual([]);
    const [uart, console, hello] = m.tasks;
    expect(uart!.serves).toEqual([{ interface: "serial", slot: 2, endpoint: 0 }]);
    expect(uart!.irqs).toEqual([4]);
    expect(uart!.ports).toEqual([{ base: 0x3f8, count: 8 }]);
    expect(console!.serves).toEqual([{ interface: "console", slot: 1, endpoint: 0 }]);
    expect(console!.uses).toEqual([{ interface: "serial", slot: 2, server: "uart", badge: 2 }]);
    expect(hello!.uses).toEqual([{ interface: "console", slot: 1, server: "console", badge: 3 }]);
    expect(hello!.kernelCalls).toEqual(["exit"]);
    for (const t of m.tasks) expect(t.size.elf).toBeGreaterThan(t.size.text);
  });

  it("boots from the multiboot ELF in v86 and prints what the application wrote", async () => {
    const run = await runUntil({ multiboot: new Uint8Array(readFileSync(first.files.elf)) }, GREETING);
    expect(run.found).toBe(true);
    expect(run.serial).toContain("[root] started uart");
    expect(run.serial).toContain("[root] started console");
    expect(run.serial.endsWith(GREETING)).toBe(true);
  }, 120_000);

  it("boots from the raw disk image through SeaBIOS in v86", async () => {
    const disk = new Uint8Array(readFileSync(first.files.disk));
    const run = await runUntil({ disk, firmware: await loadSeaBios() }, GREETING);
    expect(run.found).toBe(true);
    expect(run.serial).toContain("SawMill kernel");
  }, 120_000);

  it.skipIf(!qemuAvailable())(
    "boots from the raw disk image in QEMU",
    async () => {
      // The image never ends the machine (hello exits its task only): the run ends at the time limit.
      const disk = new Uint8Array(readFileSync(first.files.disk));
      const run = await bootQemuDisk(disk, { memoryMiB: 32, timeoutMs: 20_000 });
      expect(run.serial).toContain("[root] started hello");
      expect(run.serial).toContain(GREETING);
    },
    60_000,
  );

  it("draws the graph: three task boxes, two IPC edges", () => {
    const svg = readFileSync(first.files.graph, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<line /g)).toHaveLength(2);
    for (const name of ["uart", "console", "hello + libc", "serial", ">console<"])
      expect(svg).toContain(name);
  });

  it("rebuilds an unchanged configuration entirely from the cache, with the same bytes", async () => {
    const again = await buildImage(HELLO_YAML, { outDir: join(cacheDir, "again"), cacheDir });
    // One module (hello, for its imports), three task ELFs, one image: all hits.
    expect(again.cache).toEqual({ hits: 1 + 3 * 2 + 1, misses: 0 });
    for (const f of OUTPUTS) expect(readFileSync(again.files[f])).toEqual(readFileSync(first.files[f]));
    expect(await inspectImage(again.outDir)).toEqual(first.manifest);
  }, 120_000);

  it("is deterministic: a build with an empty cache gives byte-identical outputs", async () => {
    const other = tempDir();
    const fresh = await buildImage(HELLO_YAML, { outDir: join(other, "out"), cacheDir: other });
    // Only hit: hello's module, compiled for its imports and reused when its task is linked.
    expect(fresh.cache.hits).toBe(1);
    for (const f of OUTPUTS) expect(readFileSync(fresh.files[f])).toEqual(readFileSync(first.files[f]));
  }, 600_000);
});
