/**
 * The root task as a component: assembly/main.ts built like any other component.
 *
 * Layer: root task, host side. Interface: `buildRoot()` → the root task's component (ELF,
 * linked image, system calls), `ROOT_SOURCE` (its AssemblyScript entry). The kernel starts it
 * from the boot archive entry "root" (see the kernel's assembly/root-task.ts).
 */

import { fileURLToPath } from "node:url";
import { buildComponent, type Component } from "@sawmill/kernel";

export const ROOT_SOURCE = fileURLToPath(new URL("../assembly/main.ts", import.meta.url));

export function buildRoot(): Promise<Component> {
  return buildComponent(ROOT_SOURCE);
}
