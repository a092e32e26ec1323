/**
 * @sawmill/naming, host side: writes the naming library for one placement into a directory.
 *
 * Layer: build support. Interface: `NAMES_IDL` (the interface file), `prepareNaming(dir,
 * placement)` → the directory, holding `names.ts` (the generated stubs), `name-cache.ts` and
 * `name-table.ts` (the library). Invariant: the library files import only `./names`, so the same
 * files serve both placements.
 */

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileIdl, type Placement } from "@sawmill/idl";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const NAMES_IDL = here("../idl/names.idl.ts");
const LIBRARY = ["name-cache.ts", "name-table.ts", "name-key.ts"];

export function prepareNaming(dir: string, placement: Placement): string {
  mkdirSync(dir, { recursive: true });
  const module = compileIdl(readFileSync(NAMES_IDL, "utf8"), "names.idl.ts", { placement }).get("Names");
  if (module === undefined) throw new Error("names.idl.ts: no interface Names");
  writeFileSync(`${dir}/names.ts`, module);
  for (const file of LIBRARY) copyFileSync(here(`../assembly/${file}`), `${dir}/${file}`);
  return dir;
}
