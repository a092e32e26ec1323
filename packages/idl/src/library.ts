/**
 * Staging a library built on one IDL interface: its generated stubs beside its own sources.
 *
 * Layer: host toolchain, build support for packages whose AssemblyScript library sits on an
 * interface (naming, policy). Interface: `stageIdlLibrary(dir, placement, library)` writes
 * `<module>.ts` (the interface generated for `placement`) and copies the library's files into
 * `dir`, and returns `dir`. Invariant: the library files import the interface only as
 * `./<module>`, so one set of files serves both placements.
 */

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { compileIdl } from "./compile.js";
import type { Placement } from "./generate.js";

export interface IdlLibrary {
  /** Path of the `.idl.ts` file. */
  readonly idl: string;
  /** The service interface in it. */
  readonly interfaceName: string;
  /** File name (without `.ts`) the library imports the interface as. */
  readonly module: string;
  /** Folder holding the library's AssemblyScript files, and their names. */
  readonly sourceDir: string;
  readonly files: readonly string[];
}

export function stageIdlLibrary(dir: string, placement: Placement, library: IdlLibrary): string {
  mkdirSync(dir, { recursive: true });
  const path = resolve(library.idl); // absolute, so the interface may extend imported ones
  const module = compileIdl(readFileSync(path, "utf8"), path, { placement }).get(library.interfaceName);
  if (module === undefined) throw new Error(`${basename(path)}: no interface ${library.interfaceName}`);
  writeFileSync(join(dir, `${library.module}.ts`), module);
  for (const file of library.files) copyFileSync(join(library.sourceDir, file), join(dir, file));
  return dir;
}
