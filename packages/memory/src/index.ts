/**
 * @sawmill/memory, host side: stages the memory library for one placement into a directory.
 *
 * Layer: build support for user-level memory management above the kernel's map items.
 * Interface: `DATASPACE_IDL` (the protocol's interface file), `MEMORY_FILES` (the library's
 * AssemblyScript files), `prepareMemory(dir, placement)` → the directory, holding
 * `dataspace-protocol.ts` (the stubs generated from the interface for the placement),
 * `pager-protocol.ts` (the kernel's Pager protocol, always separate) and the library. Components
 * built from it link `assembleIdlStubs` from `@sawmill/idl`. Invariant: the library files import
 * the interfaces only as `./dataspace-protocol` and `./pager-protocol`, so the same files serve
 * both placements.
 */

import { fileURLToPath } from "node:url";
import { type Placement, stageIdlLibrary } from "@sawmill/idl";
import { KERNEL_PROTOCOLS } from "@sawmill/kernel";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const DATASPACE_IDL = here("../idl/dataspace.idl.ts");

export const MEMORY_FILES = [
  "dataspace.ts",
  "table-manager.ts",
  "anonymous.ts",
  "stacked.ts",
  "region-mapper.ts",
  "buffer.ts",
] as const;

/**
 * Stages the library for `placement`. The kernel's Pager protocol, which the region mapper
 * serves, is staged separate whatever the placement: its client is the kernel.
 */
export function prepareMemory(dir: string, placement: Placement): string {
  stageIdlLibrary(dir, "separate", {
    idl: KERNEL_PROTOCOLS.pager,
    interfaceName: "Pager",
    module: "pager-protocol",
    sourceDir: here("../assembly"),
    files: [],
  });
  return stageIdlLibrary(dir, placement, {
    idl: DATASPACE_IDL,
    interfaceName: "Dataspace",
    module: "dataspace-protocol",
    sourceDir: here("../assembly"),
    files: MEMORY_FILES,
  });
}
