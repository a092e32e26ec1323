/**
 * @sawmill/naming, host side: writes the naming library for one placement into a directory.
 *
 * Layer: build support. Interface: `NAMES_IDL` (the interface file), `prepareNaming(dir,
 * placement)` → the directory, holding `names.ts` (the generated stubs) and the library:
 * `name-cache.ts`, `name-table.ts`, `name-slots.ts`, `name-key.ts`. Invariant: the library
 * files import the interface only as `./names` (besides the kernel's user stubs), so the same
 * files serve both placements.
 */

import { fileURLToPath } from "node:url";
import { type Placement, stageIdlLibrary } from "@sawmill/idl";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const NAMES_IDL = here("../idl/names.idl.ts");

export function prepareNaming(dir: string, placement: Placement): string {
  return stageIdlLibrary(dir, placement, {
    idl: NAMES_IDL,
    interfaceName: "Names",
    module: "names",
    sourceDir: here("../assembly"),
    files: ["name-cache.ts", "name-table.ts", "name-slots.ts", "name-key.ts"],
  });
}
