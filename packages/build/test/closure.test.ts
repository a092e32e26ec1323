// The system-call closure: pruning what nothing needs, the missing-provider error, colocation.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BuildError, buildImage, formatBuildError } from "../src/index.js";
import { fixtureConfig, REPO, runUntil, tempDir } from "./support.js";

const SEARCH = { searchPaths: [REPO] };
const BASE = `target:
  memory: 16MiB
components:
  - package: "@sawmill/uart"
  - package: "@sawmill/console"
  - package: "@sawmill/libc"
`;

describe("the system-call closure", () => {
  it("leaves out a file-system server when the application only calls write and exit", async () => {
    const yaml = `name: pruned\n${BASE}  - package: "@fixture/vfs"\napplications:\n  - package: "@sawmill/hello"\n`;
    const config = fixtureConfig("pruned", yaml, ["vfs"]);
    const out = tempDir();
    const result = await buildImage(config, { ...SEARCH, outDir: out, cacheDir: join(out, "cache") });
    expect(result.manifest.pruned).toEqual(["vfs"]);
    expect(result.manifest.tasks.map((t) => t.name)).toEqual(["uart", "console", "hello"]);
    expect(result.manifest.syscalls.map((s) => s.name)).toEqual(["exit", "write"]);
  }, 600_000);

  it("refuses an application calling open when no configured component provides it", async () => {
    const yaml = `name: missing\n${BASE}applications:\n  - package: "@fixture/hello-open"\n`;
    const config = fixtureConfig("missing", yaml, ["hello-open"]);
    const out = tempDir();
    const error = await buildImage(config, { ...SEARCH, outDir: out, cacheDir: join(out, "cache") }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(BuildError);
    expect(formatBuildError(error)).toBe(
      `${config}: application "hello-open" calls open, which no configured component provides\n` +
        '  hint: add - package: "@sawmill/vfs" to components: (it provides open)',
    );
  }, 600_000);

  it("names the client library when an application calls it and libc is not configured", async () => {
    const yaml = `name: nolibc\ntarget:\n  memory: 16MiB\ncomponents:\n  - package: "@sawmill/uart"\n  - package: "@sawmill/console"\napplications:\n  - package: "@fixture/hello-open"\n`;
    const config = fixtureConfig("nolibc", yaml, ["hello-open"]);
    const out = tempDir();
    const error = await buildImage(config, { ...SEARCH, outDir: out, cacheDir: join(out, "cache") }).catch(
      (e) => e,
    );
    expect(formatBuildError(error)).toBe(
      `${config}: application "hello-open" calls exit, which no configured component provides\n` +
        '  hint: add - package: "@sawmill/libc" to components: (it provides exit)',
    );
  }, 600_000);
});

describe("build errors", () => {
  it("reports an application that does not compile with paths inside its package", async () => {
    const yaml = `name: broken\ntarget:\n  memory: 16MiB\napplications:\n  - package: "@fixture/broken"\n`;
    const config = fixtureConfig("broken", yaml, ["broken"]);
    const out = tempDir();
    const error = await buildImage(config, { ...SEARCH, outDir: out, cacheDir: join(out, "cache") }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(BuildError);
    expect(error.message).toMatch(/^broken: the AssemblyScript does not compile\n/);
    expect(error.message).toContain("broken/main.ts");
    expect(error.message).not.toContain("sawmill-build/stage");
  }, 600_000);
});

describe("placement", () => {
  it("colocates the uart driver and the console server: serial becomes direct calls, the image still prints", async () => {
    const out = tempDir();
    const config = fileURLToPath(new URL("./configs/hello-colocated.yaml", import.meta.url));
    const result = await buildImage(config, { outDir: out, cacheDir: join(out, "cache") });
    const [io, hello] = result.manifest.tasks;
    expect(io).toMatchObject({
      name: "io",
      placement: "colocated",
      members: ["uart", "console"],
      colocated: ["serial"],
    });
    expect(io!.serves).toEqual([{ interface: "console", slot: 1, endpoint: 0 }]);
    expect(io!.uses).toEqual([]);
    expect(io!.memoryPages).toBe(32);
    expect(hello!.uses).toEqual([{ interface: "console", slot: 1, server: "io", badge: 2 }]);
    const svg = readFileSync(result.files.graph, "utf8");
    expect(svg).toContain("io (one address space)");
    const run = await runUntil(
      { multiboot: new Uint8Array(readFileSync(result.files.elf)) },
      "Hello from SawMill\n",
    );
    expect(run.found).toBe(true);
    expect(run.serial).toContain("[root] started io");
    expect(run.serial).not.toContain("[root] started uart");
  }, 600_000);
});
