/**
 * @sawmill/policy, host side: writes the policy library for one placement into a directory.
 *
 * Layer: build support. Interface: `POLICY_IDL` (the interface file), `preparePolicy(dir,
 * placement)` → the directory, holding `policy.ts` (generated stubs), `policy-table.ts` (the
 * server) and `policy-cache.ts` (the per-server cache). Invariant: the library files import only
 * `./policy`, so the same files serve both placements.
 */

import { fileURLToPath } from "node:url";
import { type Placement, stageIdlLibrary } from "@sawmill/idl";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const POLICY_IDL = here("../idl/policy.idl.ts");

export function preparePolicy(dir: string, placement: Placement): string {
  return stageIdlLibrary(dir, placement, {
    idl: POLICY_IDL,
    interfaceName: "Policy",
    module: "policy",
    sourceDir: here("../assembly"),
    files: ["policy-table.ts", "policy-cache.ts"],
  });
}
