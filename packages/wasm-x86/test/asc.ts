/**
 * Test support: AssemblyScript source → wasm bytes with `asc -O3 --runtime stub`, in-process.
 *
 * Layer: package tests. Extra sources (e.g. the intrinsic declarations) can be passed by file
 * name so a test program can `import { outb } from "./x86"`.
 */

import asc from "assemblyscript/asc";

export async function compileAssemblyScript(
  source: string,
  extra: Record<string, string> = {},
): Promise<Uint8Array> {
  const files: Record<string, string> = { "program.ts": source, ...extra };
  const outputs = new Map<string, Uint8Array | string>();
  const errors: string[] = [];
  const { error } = await asc.main(["program.ts", "-O3", "--runtime", "stub", "--outFile", "program.wasm"], {
    readFile: (name) => files[name] ?? null,
    writeFile: (name, contents) => void outputs.set(name, contents),
    listFiles: () => [],
    stdout: { write: () => true } as never,
    stderr: { write: (text: string | Uint8Array) => errors.push(String(text)) > 0 } as never,
  });
  const binary = outputs.get("program.wasm");
  if (error || !(binary instanceof Uint8Array))
    throw new Error(`asc failed: ${error?.message}\n${errors.join("")}`);
  return binary;
}
