/**
 * AssemblyScript → WebAssembly, in process.
 *
 * Layer: toolchain, first stage of the target pipeline (assembly/*.ts → module.wasm).
 * Interface:
 *   compileFile(path, { flags })             — an entry file on disk; its imports (relative files
 *                                              and packages' `assembly/` folders) come from disk.
 *   compileSource(source, { flags, files })  — a source text, plus optional in-memory files it
 *                                              imports by relative name; cached on disk by content.
 * Both return the wasm bytes or throw AscError carrying asc's diagnostics (file(line,col)).
 */

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import asc from "assemblyscript/asc";
import { STANDARD_ASC_FLAGS } from "./asc-flags.js";

export interface CompileOptions {
  /** Flags after the standard ones (later flags win). */
  readonly flags?: readonly string[];
}

export interface SourceOptions extends CompileOptions {
  /** Further sources by file name (e.g. `{ "x86.ts": declarations }` for `import … from "./x86"`). */
  readonly files?: Readonly<Record<string, string>>;
}

export class AscError extends Error {
  override readonly name = "AscError";
}

const ENTRY = "input.ts";
const OUTPUT = "module.wasm";
const require = createRequire(import.meta.url);
const ASC_VERSION: string = require("assemblyscript/package.json").version;
/** Beside the installed asc, in the node_modules/.cache convention tools share. */
const CACHE = join(dirname(require.resolve("assemblyscript/package.json")), "..", ".cache", "sawmill-asc");

export async function compileFile(path: string, options: CompileOptions = {}): Promise<Uint8Array> {
  const argv = [basename(path), "--baseDir", dirname(path), ...ascArguments(options)];
  return runAsc(argv, path);
}

export async function compileSource(source: string, options: SourceOptions = {}): Promise<Uint8Array> {
  const files = { ...options.files, [ENTRY]: source };
  const cached = cachePath(files, options);
  try {
    return new Uint8Array(readFileSync(cached));
  } catch {
    const wasm = await runAsc([ENTRY, ...ascArguments(options)], "<source>", files);
    writeAtomically(cached, wasm);
    return wasm;
  }
}

function ascArguments(options: CompileOptions): string[] {
  return [...STANDARD_ASC_FLAGS, ...(options.flags ?? []), "--outFile", OUTPUT];
}

function cachePath(files: Record<string, string>, options: CompileOptions): string {
  const names = Object.keys(files).sort();
  const key = createHash("sha256")
    .update(
      JSON.stringify([ASC_VERSION, STANDARD_ASC_FLAGS, options.flags ?? [], names.map((n) => [n, files[n]])]),
    )
    .digest("hex")
    .slice(0, 32);
  return join(CACHE, `${key}.wasm`);
}

/** Write then rename, so a concurrent or interrupted run never reads a truncated module. */
function writeAtomically(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, path);
}

/** Runs asc with output captured in memory; `files` replaces the disk when given. */
async function runAsc(argv: string[], what: string, files?: Record<string, string>): Promise<Uint8Array> {
  let wasm: Uint8Array | undefined;
  const diagnostics = asc.createMemoryStream();
  const { error } = await asc.main(argv, {
    ...(files === undefined ? {} : { readFile: (name: string) => files[name] ?? null, listFiles: () => [] }),
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
