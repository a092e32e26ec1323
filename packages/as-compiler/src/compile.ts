/**
 * AssemblyScript → WebAssembly, in process.
 *
 * Layer: toolchain, first stage of the target pipeline (assembly/*.ts → module.wasm).
 * Interface:
 *   compileFile(path, { flags })      — an entry file on disk; its imports (relative files and
 *                                       packages' `assembly/` folders in node_modules) come from disk.
 *   compileSource(source, { flags })  — one self-contained source text; cached on disk by content.
 * Both return the wasm bytes or throw AscError carrying asc's diagnostics (file:line:col).
 */

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import asc from "assemblyscript/asc";
import { STANDARD_ASC_FLAGS } from "./asc-flags.js";

export interface CompileOptions {
  /** Flags after the standard ones (later flags win). */
  readonly flags?: readonly string[];
}

export class AscError extends Error {
  override readonly name = "AscError";
}

const OUTPUT = "module.wasm";
const require = createRequire(import.meta.url);
const ASC_VERSION: string = require("assemblyscript/package.json").version;
/** Beside the installed asc, in the node_modules/.cache convention tools share. */
const CACHE = join(dirname(require.resolve("assemblyscript/package.json")), "..", ".cache", "sawmill-asc");

export async function compileFile(path: string, options: CompileOptions = {}): Promise<Uint8Array> {
  const argv = [basename(path), "--baseDir", dirname(path), ...ascArguments(options)];
  return runAsc(argv, path);
}

export async function compileSource(source: string, options: CompileOptions = {}): Promise<Uint8Array> {
  const cached = cachePath(source, options);
  try {
    return new Uint8Array(readFileSync(cached));
  } catch {
    const wasm = await runAsc(["input.ts", ...ascArguments(options)], "<source>", source);
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(cached, wasm);
    return wasm;
  }
}

function ascArguments(options: CompileOptions): string[] {
  return [...STANDARD_ASC_FLAGS, ...(options.flags ?? []), "--outFile", OUTPUT];
}

function cachePath(source: string, options: CompileOptions): string {
  const key = createHash("sha256")
    .update(JSON.stringify([ASC_VERSION, STANDARD_ASC_FLAGS, options.flags ?? [], source]))
    .digest("hex")
    .slice(0, 32);
  return join(CACHE, `${key}.wasm`);
}

/** Runs asc with output captured in memory; `source` replaces the entry file when given. */
async function runAsc(argv: string[], what: string, source?: string): Promise<Uint8Array> {
  let wasm: Uint8Array | undefined;
  const diagnostics = asc.createMemoryStream();
  const { error } = await asc.main(argv, {
    ...(source === undefined ? {} : { readFile: (name: string) => (name === "input.ts" ? source : null) }),
    ...(source === undefined ? {} : { listFiles: () => [] }),
    writeFile: (name, contents) => {
      if (name.endsWith(OUTPUT) && contents instanceof Uint8Array) wasm = contents;
    },
    stdout: asc.createMemoryStream(),
    stderr: diagnostics,
  });
  if (error !== null || wasm === undefined) {
    throw new AscError(`asc could not compile ${what}:\n${diagnostics.toString().trim() || error?.message}`);
  }
  return wasm;
}
