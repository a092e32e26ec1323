/**
 * Compiles one AssemblyScript kernel to WebAssembly with asc, in memory.
 *
 * Layer: benchmark tooling, host side. Interface: `compileAssemblyScript(path)` → wasm bytes;
 * `ASC_FLAGS` is the exact command line the benchmark reports.
 *
 * `--runtime stub` because target code has no garbage collector; `--noAssert` because a C
 * programmer's build has no assertions either. asc reads the entry file and its imports
 * (kernels/common.ts) from disk, relative to the entry's directory.
 */

import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import asc from "assemblyscript/asc";

export const ASC_FLAGS: readonly string[] = ["-O3", "--runtime", "stub", "--noAssert"];

export async function compileAssemblyScript(path: string): Promise<Uint8Array> {
  const outputs = new Map<string, Uint8Array>();
  const stderr = asc.createMemoryStream();
  const argv = [basename(path), ...ASC_FLAGS, "--baseDir", dirname(path), "--outFile", "kernel.wasm"];
  const { error } = await asc.main(argv, {
    readFile: (name, baseDir) => readFile(join(baseDir, name), "utf8").catch(() => null),
    writeFile: (name, contents) => {
      if (typeof contents !== "string") outputs.set(name, contents);
    },
    listFiles: () => [],
    stdout: asc.createMemoryStream(),
    stderr,
  });
  const wasm = outputs.get("kernel.wasm");
  if (error !== null || wasm === undefined) {
    throw new Error(`asc failed on ${path}: ${error?.message ?? "no output"}\n${stderr.toString()}`);
  }
  return wasm;
}
