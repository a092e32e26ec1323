/**
 * @sawmill/root — the root task: starts the boot manifest's components with exactly the
 * capabilities, memory, IRQs and I/O ports it grants them, and is their pager of last resort.
 *
 * Layer: root task, host side. Public interface: `buildRoot` (the root task's component),
 * `buildBootSystem` (kernel + root + components + manifest → multiboot ELF).
 */

export { type BootSystemInput, buildBootSystem, type SystemComponent } from "./boot-system.js";
export { buildRoot, ROOT_SOURCE } from "./root-component.js";
