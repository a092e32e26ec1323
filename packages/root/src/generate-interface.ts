/**
 * Writes the root task's interface as AssemblyScript (assembly/generated/root-task.ts): the
 * RootTask client components call and the server dispatch root runs, from idl/root.idl.ts.
 *
 * Layer: root task, host-side generator. `generateRootTaskModule()` is pure; running this module
 * as a script (`npm run generate -w @sawmill/root`) writes the file. A test checks the committed
 * file is current, so the IDL and what root and its components compile can never disagree.
 * Root is never colocated with a component, so only the separate placement is generated.
 */

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileIdl } from "@sawmill/idl";

export const ROOT_IDL = fileURLToPath(new URL("../idl/root.idl.ts", import.meta.url));
export const GENERATED_ROOT_TASK = fileURLToPath(
  new URL("../assembly/generated/root-task.ts", import.meta.url),
);

const HEADER =
  "// Written by packages/root/src/generate-interface.ts: run `npm run generate -w @sawmill/root`.\n";

export function generateRootTaskModule(): string {
  // The absolute path: RootTask extends the kernel's Pager, imported from @sawmill/kernel.
  const module = compileIdl(readFileSync(ROOT_IDL, "utf8"), ROOT_IDL, { placement: "separate" }).get(
    "RootTask",
  );
  if (module === undefined) throw new Error("root.idl.ts: no interface RootTask");
  return HEADER + module;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(GENERATED_ROOT_TASK, generateRootTaskModule());
}
