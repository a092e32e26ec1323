/**
 * Compiles AssemblyScript test programs with asc, in-process, with an on-disk cache.
 *
 * Layer: e2e test support. Interface: `compileAssemblyScript(source, flags)` → wasm bytes, built with
 * `-O3 --runtime stub` plus the program's own flags. Outputs are cached under
 * node_modules/.cache/sawmill-e2e/asc keyed by a hash of the asc version, the flags and the source,
 * so a second run compiles nothing.
 */

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import asc from "assemblyscript/asc";

const REPOSITORY = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CACHE = join(REPOSITORY, "node_modules", ".cache", "sawmill-e2e", "asc");
const BASE_FLAGS = ["-O3", "--runtime", "stub"];
const ASC_VERSION: string = createRequire(import.meta.url)("assemblyscript/package.json").version;

export async function compileAssemblyScript(
  source: string,
  flags: readonly string[] = [],
): Promise<Uint8Array> {
  const key = createHash("sha256")
    .update(JSON.stringify([ASC_VERSION, BASE_FLAGS, flags, source]))
    .digest("hex");
  const cached = join(CACHE, `${key.slice(0, 32)}.wasm`);
  try {
    return new Uint8Array(readFileSync(cached));
  } catch {
    const binary = await runAsc(source, flags);
    mkdirSync(CACHE, { recursive: true });
    // Write then rename, so an interrupted run never leaves a truncated module in the cache.
    const partial = `${cached}.${process.pid}.partial`;
    writeFileSync(partial, binary);
    renameSync(partial, cached);
    return binary;
  }
}

async function runAsc(source: string, flags: readonly string[]): Promise<Uint8Array> {
  const outputs = new Map<string, Uint8Array | string>();
  const errors: string[] = [];
  const { error } = await asc.main(["program.ts", ...BASE_FLAGS, ...flags, "--outFile", "program.wasm"], {
    readFile: (name) => (name === "program.ts" ? source : null),
    writeFile: (name, contents) => void outputs.set(name, contents),
    listFiles: () => [],
    stdout: { write: () => true } as never,
    stderr: { write: (text: string | Uint8Array) => errors.push(String(text)) > 0 } as never,
  });
  const binary = outputs.get("program.wasm");
  if (error !== null || !(binary instanceof Uint8Array)) {
    throw new Error(`asc failed: ${error?.message ?? "no output"}\n${errors.join("")}`);
  }
  return binary;
}
