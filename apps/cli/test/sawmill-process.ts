/**
 * Test helper: runs the `sawmill` command as a child process (sources through tsx), and a
 * temporary workspace whose node_modules holds the fixture component packages.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const MAIN = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

export interface SawmillRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  cwd?: string;
  /** Text piped to stdin, then closed (default: stdin closed at once). */
  input?: string;
  /** Called with all stdout so far on every chunk (e.g. to signal the child once it printed). */
  onStdout?: (stdout: string, child: ChildProcess) => void;
}

export function sawmill(args: readonly string[], options: SpawnOptions = {}): Promise<SawmillRun> {
  const child = spawn(process.execPath, ["--conditions=@sawmill/source", "--import", TSX, MAIN, ...args], {
    cwd: options.cwd,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (t: string) => {
    stdout += t;
    options.onStdout?.(stdout, child);
  });
  child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
  child.stdin.end(options.input ?? "");
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export interface FixtureWorkspace {
  /** Real path: configs/*.yaml copied here, fixture packages in node_modules/@fixture/. */
  dir: string;
  remove(): void;
}

export function fixtureWorkspace(): FixtureWorkspace {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "sawmill-cli-")));
  cpSync(join(FIXTURES, "configs"), dir, { recursive: true });
  for (const name of readdirSync(join(FIXTURES, "packages"))) {
    mkdirSync(join(dir, "node_modules", "@fixture"), { recursive: true });
    cpSync(join(FIXTURES, "packages", name), join(dir, "node_modules", "@fixture", name), {
      recursive: true,
    });
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
