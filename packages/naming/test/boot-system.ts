/**
 * Test helper: builds and boots a system of components that link the IDL's x86 stubs.
 *
 * Layer: test support, host side. Interface: `bootComponents(components)` → the v86 result.
 */

import { bootMultiboot } from "@sawmill/emulator";
import { assembleIdlStubs } from "@sawmill/idl";
import { type ComponentManifest, MANIFEST_ENTRY_NAME, writeBootManifest } from "@sawmill/image";
import { buildComponent, buildSystemImage, layout } from "@sawmill/kernel";
import { buildRoot } from "@sawmill/root";

export const SEND = 0x100;
export const GRANT = 0x400;

export function component(name: string, grants: ComponentManifest["grants"]): ComponentManifest {
  return { name, priority: 100, stackPages: 4, memoryPages: 64, grants, irqs: [], ports: [] };
}

export async function bootComponents(components: { manifest: ComponentManifest; source: string }[]) {
  const root = await buildRoot();
  const extraObjects = [assembleIdlStubs({ memoryBase: layout.Address.USER_MEMORY })];
  const entries = [];
  for (const c of components)
    entries.push({ name: c.manifest.name, bytes: (await buildComponent(c.source, { extraObjects })).elf });
  entries.push({
    name: MANIFEST_ENTRY_NAME,
    bytes: writeBootManifest({ components: components.map((c) => c.manifest) }),
  });
  const elf = await buildSystemImage({ root: root.elf, entries });
  return bootMultiboot(elf, { memoryMiB: 64, maxInstructions: 50_000_000 });
}
