// Manifest walking: finding the boot manifest in the archive and checking it before anything
// is started. Layer: root task (AssemblyScript, ring 3).
//
// Interface: openManifest(archive, size) → the manifest's address, or 0 after printing on the
// console why the boot archive or manifest cannot be used; componentElf(archive, component) →
// address of the component's ELF (valid once openManifest succeeded).
// Invariant: root starts nothing unless the whole manifest is valid — every component has an
// i386 ELF in the archive, a priority ≤ 255, 1–15 stack pages (one stack slot), a budget that
// fits the wasm memory range, every grant has a known kind and a slot that is neither 0 nor one
// of the IRQ slots nor root's (component-slots.ts), clients name existing endpoints, IRQ lines and port ranges are in range —
// so a bad manifest never leaves half a system.

import {
  archiveEntryAddress,
  archiveEntrySize,
  archiveFind,
  archiveFindBytes,
  archiveValid,
} from "@sawmill/image/assembly/boot-archive";
import {
  componentGrant,
  componentGrantCount,
  componentIrq,
  componentIrqCount,
  componentMemoryPages,
  componentName,
  componentPortRange,
  componentPortRangeCount,
  componentPriority,
  componentStackPages,
  GRANT_CLIENT,
  GRANT_ENDPOINT,
  grantComponent,
  grantEndpoint,
  grantKind,
  grantSlot,
  MANIFEST_ENTRY,
  manifestComponent,
  manifestComponentCount,
  manifestValid,
  portRangeBase,
  portRangeCount,
} from "@sawmill/image/assembly/boot-manifest";
import { elfValid } from "@sawmill/image/assembly/elf";
import { nameLength } from "@sawmill/image/assembly/fixed-name";
import { print, printName } from "./console";
import { MAX_COMPONENTS, MEMORY_PAGES, STACK_PAGES } from "./layout";
import { ROOT_SLOTS_END, ROOT_TASK_SLOT } from "./component-slots";
import { IRQ_SLOT_BASE, IRQ_SLOTS } from "./slots";

const MAX_PRIORITY: u32 = 255;
const IRQ_LINES: u32 = 16;
const PORT_LIMIT: u32 = 0x10000;

export function openManifest(archive: usize, size: u32): usize {
  if (!archiveValid(archive, size)) return refuse("the boot archive is malformed");
  const entry = archiveFind(archive, MANIFEST_ENTRY);
  if (entry < 0) return refuse("the boot archive has no \"manifest\" entry");
  const manifest = archiveEntryAddress(archive, <u32>entry);
  if (!manifestValid(manifest, archiveEntrySize(archive, <u32>entry))) {
    return refuse("the boot manifest is malformed (magic, version or table bounds)");
  }
  const count = manifestComponentCount(manifest);
  if (count > MAX_COMPONENTS) return refuse("the boot manifest names more than 32 components");
  for (let i: u32 = 0; i < count; i++) {
    if (!componentValid(archive, manifest, i)) return 0;
  }
  return manifest;
}

export function componentElf(archive: usize, component: usize): usize {
  return archiveEntryAddress(archive, <u32>findElf(archive, component));
}

function findElf(archive: usize, component: usize): i32 {
  const name = componentName(component);
  return archiveFindBytes(archive, name, nameLength(name));
}

function componentValid(archive: usize, manifest: usize, index: u32): bool {
  const component = manifestComponent(manifest, index);
  const elf = findElf(archive, component);
  if (elf < 0) return complain(component, "has no ELF in the boot archive");
  if (!elfValid(archiveEntryAddress(archive, <u32>elf), archiveEntrySize(archive, <u32>elf))) {
    return complain(component, "is not an i386 ELF executable");
  }
  if (componentPriority(component) > MAX_PRIORITY) return complain(component, "has a priority above 255");
  const stack = componentStackPages(component);
  if (stack == 0 || stack > STACK_PAGES) return complain(component, "has a stack outside 1 to 15 pages");
  if (componentMemoryPages(component) > MEMORY_PAGES) return complain(component, "has a budget above its memory range");
  for (let j: u32 = 0; j < componentGrantCount(component); j++) {
    if (!grantValid(manifest, componentGrant(manifest, component, j))) return complain(component, "has a bad grant");
  }
  for (let j: u32 = 0; j < componentIrqCount(component); j++) {
    if (componentIrq(manifest, component, j) >= IRQ_LINES) return complain(component, "has an IRQ line above 15");
  }
  for (let j: u32 = 0; j < componentPortRangeCount(component); j++) {
    const range = componentPortRange(manifest, component, j);
    const end = <u64>portRangeBase(range) + portRangeCount(range);
    if (portRangeCount(range) == 0 || end > PORT_LIMIT) return complain(component, "has a bad I/O-port range");
  }
  return true;
}

/** A known kind; a client grant names an endpoint some component serves. */
function grantValid(manifest: usize, grant: usize): bool {
  const slot = grantSlot(grant);
  if (slot == 0 || (slot >= IRQ_SLOT_BASE && slot < IRQ_SLOT_BASE + IRQ_SLOTS)) return false;
  if (slot >= ROOT_TASK_SLOT && slot < ROOT_SLOTS_END) return false;
  const kind = grantKind(grant);
  if (kind == GRANT_ENDPOINT) return true;
  if (kind != GRANT_CLIENT) return false;
  const server = grantComponent(grant);
  if (server >= manifestComponentCount(manifest)) return false;
  return servesEndpoint(manifest, server, grantEndpoint(grant));
}

export function servesEndpoint(manifest: usize, index: u32, endpoint: u32): bool {
  const component = manifestComponent(manifest, index);
  for (let j: u32 = 0; j < componentGrantCount(component); j++) {
    const grant = componentGrant(manifest, component, j);
    if (grantKind(grant) == GRANT_ENDPOINT && grantEndpoint(grant) == endpoint) return true;
  }
  return false;
}

function complain(component: usize, problem: string): bool {
  print("[root] bad boot manifest: component ");
  printName(componentName(component));
  print(" ");
  print(problem);
  print("; nothing started\n");
  return false;
}

function refuse(problem: string): usize {
  print("[root] ");
  print(problem);
  print("; nothing started\n");
  return 0;
}
