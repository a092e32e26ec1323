/**
 * @sawmill/policy, host side: writes the policy library for one placement into a directory.
 *
 * Layer: build support. Interface: `POLICY_IDL` (the interface file), `preparePolicy(dir,
 * placement)` → the directory, holding `policy.ts` (generated stubs), `policy-table.ts` (the
 * server) and `policy-cache.ts` (the per-server cache). Invariant: the library files import only
 * `./policy`, so the same files serve both placements.
 */

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileIdl, type Placement } from "@sawmill/idl";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const POLICY_IDL = here("../idl/policy.idl.ts");
const LIBRARY = ["policy-table.ts", "policy-cache.ts"];

export function preparePolicy(dir: string, placement: Placement): string {
  mkdirSync(dir, { recursive: true });
  const module = compileIdl(readFileSync(POLICY_IDL, "utf8"), "policy.idl.ts", { placement }).get("Policy");
  if (module === undefined) throw new Error("policy.idl.ts: no interface Policy");
  writeFileSync(`${dir}/policy.ts`, module);
  for (const file of LIBRARY) copyFileSync(here(`../assembly/${file}`), `${dir}/${file}`);
  return dir;
}
