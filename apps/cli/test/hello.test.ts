/**
 * configs/hello.yaml through the CLI as a user runs it: build, inspect, graph, run.
 * One build into a temporary directory; the later commands rebuild from the builder's cache.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SawmillRun, sawmill } from "./sawmill-process.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CONFIG = "configs/hello.yaml";
/** The greeting comes after ~0.6 M instructions (packages/build's README); then the system idles. */
const BUDGET = "3000000";
const SLOW = 900_000;

let out: string;
let built: SawmillRun;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "sawmill-cli-hello-"));
  built = await sawmill(["build", CONFIG, "--out", out], { cwd: ROOT });
}, SLOW);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("sawmill on configs/hello.yaml", () => {
  it("build writes the four outputs, lists them on stdout and reports progress on stderr", () => {
    expect(built.code).toBe(0);
    for (const file of ["hello.elf", "hello.img", "manifest.json", "graph.svg"]) {
      expect(existsSync(join(out, file))).toBe(true);
      expect(built.stdout).toContain(join(out, file));
    }
    expect(built.stdout).toMatch(/^file +size\n/);
    expect(built.stderr).toMatch(/^sawmill: loading configs\/hello\.yaml\n/);
    expect(built.stderr).toContain("sawmill: hello calls exit, write\n");
    expect(built.stderr).not.toContain("\x1b");
  });

  it(
    "inspect prints the tasks with their sizes and the system calls",
    async () => {
      const run = await sawmill(["inspect", CONFIG, "--out", out, "-q"], { cwd: ROOT });
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("");
      const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
      for (const task of manifest.tasks)
        expect(run.stdout).toMatch(new RegExp(`\\n${task.name} .* ${task.size.elf} `));
      expect(manifest.syscalls.map((s: { name: string }) => s.name)).toEqual(["exit", "write"]);
      for (const call of manifest.syscalls)
        expect(run.stdout).toMatch(
          new RegExp(`\\n {2}${call.name} +provided by ${call.provider}, called by hello\\n`),
        );
      const json = await sawmill(["inspect", CONFIG, "--out", out, "-q", "--json"], { cwd: ROOT });
      expect(JSON.parse(json.stdout)).toEqual(manifest);
    },
    SLOW,
  );

  it(
    "graph writes the build's SVG to -o",
    async () => {
      const file = join(out, "copy.svg");
      const run = await sawmill(["graph", CONFIG, "--out", out, "-q", "-o", file], { cwd: ROOT });
      expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
      expect(readFileSync(file, "utf8")).toBe(readFileSync(join(out, "graph.svg"), "utf8"));
      expect(readFileSync(file, "utf8")).toMatch(/^<svg /);
    },
    SLOW,
  );

  it(
    "run boots the image in v86: the app's line on stdout, the end on stderr, exit 3",
    async () => {
      const run = await sawmill(["run", CONFIG, "--out", out, "--max-instructions", BUDGET], { cwd: ROOT });
      expect(run.stdout).toMatch(/^SawMill kernel\n/);
      expect(run.stdout).toMatch(/\nHello from SawMill\n$/);
      expect(run.stderr).toMatch(
        /\n\[instruction limit reached, no exit code, after [0-9,]+ instructions\]\n$/,
      );
      expect(run.code).toBe(3);
    },
    SLOW,
  );

  it(
    "run --disk boots the disk image through SeaBIOS; SIGINT quits cleanly with 130",
    async () => {
      const run = await sawmill(["run", CONFIG, "--out", out, "--disk"], {
        cwd: ROOT,
        onStdout: (text, child) => {
          if (text.includes("Hello from SawMill\n")) child.kill("SIGINT");
        },
      });
      expect(run.stdout).toMatch(/^SawMill kernel\n/);
      expect(run.stdout).toContain("\nHello from SawMill\n");
      expect(run.stderr).toMatch(/\n\[sawmill: quit \(SIGINT\) after [0-9,]+ instructions\]\n$/);
      expect(run.code).toBe(130);
    },
    SLOW,
  );
});
