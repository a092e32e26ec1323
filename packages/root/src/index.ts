/**
 * @sawmill/root — the root task: starts the boot manifest's components with exactly the
 * capabilities, memory, IRQs and I/O ports it grants them, and is their pager of last resort.
 *
 * Layer: root task, host side. Public interface: `buildRoot` (the root task's component),
 * `buildBootSystem` (kernel + root + components + manifest → multiboot ELF),
 * `buildManifestSystem` / `componentManifest` (the same from components with their manifest entries), `rootTaskStubs`
 * (what a component calling RootTask links), `ROOT_IDL` and `generateRootTaskModule` (root's
 * interface and the AssemblyScript generated from it, committed as
 * assembly/generated/root-task.ts).
 */

export {
  type BootSystemInput,
  buildBootSystem,
  buildManifestSystem,
  componentManifest,
  type ManifestComponent,
  type SystemComponent,
} from "./boot-system.js";
export { GENERATED_ROOT_TASK, generateRootTaskModule, ROOT_IDL } from "./generate-interface.js";
export { buildRoot, ROOT_SOURCE, rootTaskStubs } from "./root-component.js";
