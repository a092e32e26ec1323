/**
 * The root task as a component: assembly/main.ts built like any other component.
 *
 * Layer: root task, host side. Interface: `buildRoot()` → the root task's component (ELF,
 * linked image, system calls), `ROOT_SOURCE` (its AssemblyScript entry), `rootTaskStubs()` →
 * the x86 objects a component calling RootTask links (`buildComponent`'s `extraObjects`). The kernel starts it
 * from the boot archive entry "root" (see the kernel's assembly/root-task.ts). Root serves its
 * interface through the generated RootTask dispatch, so it links the IDL's x86 stubs.
 */

import { fileURLToPath } from "node:url";
import { assembleIdlStubs } from "@sawmill/idl";
import { buildComponent, type Component, layout } from "@sawmill/kernel";
import type { X86Object } from "@sawmill/x86";

export const ROOT_SOURCE = fileURLToPath(new URL("../assembly/main.ts", import.meta.url));

export function rootTaskStubs(): X86Object[] {
  return [assembleIdlStubs({ memoryBase: layout.Address.USER_MEMORY })];
}

export function buildRoot(): Promise<Component> {
  return buildComponent(ROOT_SOURCE, { extraObjects: rootTaskStubs() });
}
