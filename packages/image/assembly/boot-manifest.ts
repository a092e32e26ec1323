/**
 * Target-side reader of the boot manifest (format: src/boot-manifest.ts and the README): the
 * root task walks it to start each component with exactly its grants.
 *
 * Layer: target library (AssemblyScript), used by the root task (and the kernel if it wants).
 * Interface: MANIFEST_ENTRY (the name of its archive entry); manifestValid(manifest, size);
 * manifestComponentCount; manifestComponent(m, i) -> record address; componentName (address of
 * its 32-byte name field, the archive entry of its ELF), componentPriority, componentStackPages,
 * componentMemoryPages; componentGrantCount and componentGrant(m, c, j) -> grant address with
 * grantSlot/Kind/Endpoint/Component/Badge/Rights; componentIrqCount and componentIrq(m, c, j);
 * componentPortRangeCount and componentPortRange(m, c, j) -> address with portRangeBase/Count.
 * Raw addresses, no allocation. Callers check manifestValid once; the accessors trust it.
 */

/** Name of the boot-archive entry that holds the manifest. */
export const MANIFEST_ENTRY = "manifest";
const MAGIC: u32 = 0x464d4d53; // "SMMF"
export const MANIFEST_VERSION: u32 = 1;
const HEADER_SIZE: usize = 16;
const COMPONENT_SIZE: usize = 80;
const GRANT_SIZE: usize = 24;
const IRQ_SIZE: usize = 4;
const PORT_RANGE_SIZE: usize = 8;

export const GRANT_ENDPOINT: u32 = 1;
export const GRANT_CLIENT: u32 = 2;

/** Magic, version, total size within `size`, every component's tables inside the total. */
export function manifestValid(manifest: usize, size: u32): bool {
  if (size < <u32>HEADER_SIZE || load<u32>(manifest) != MAGIC) return false;
  if (load<u32>(manifest, 4) != MANIFEST_VERSION) return false;
  const total = <u64>load<u32>(manifest, 12);
  const count = manifestComponentCount(manifest);
  if (total > <u64>size || <u64>HEADER_SIZE + <u64>count * COMPONENT_SIZE > total) return false;
  for (let i: u32 = 0; i < count; i++) {
    const c = manifestComponent(manifest, i);
    if (!tableFits(c, 48, GRANT_SIZE, total)) return false;
    if (!tableFits(c, 56, IRQ_SIZE, total)) return false;
    if (!tableFits(c, 64, PORT_RANGE_SIZE, total)) return false;
  }
  return true;
}

/** Whether the table whose offset and count are at component+field lies inside `total`. */
function tableFits(component: usize, field: usize, recordSize: usize, total: u64): bool {
  const offset = <u64>load<u32>(component + field);
  const count = <u64>load<u32>(component + field, 4);
  return offset + count * <u64>recordSize <= total;
}

export function manifestComponentCount(manifest: usize): u32 {
  return load<u32>(manifest, 8);
}

export function manifestComponent(manifest: usize, index: u32): usize {
  return manifest + HEADER_SIZE + <usize>index * COMPONENT_SIZE;
}

/** Address of the 32-byte NUL-padded UTF-8 name: the archive entry holding the ELF. */
export function componentName(component: usize): usize {
  return component;
}

export function componentPriority(component: usize): u32 {
  return load<u32>(component, 32);
}

export function componentStackPages(component: usize): u32 {
  return load<u32>(component, 36);
}

/** Pages its pager may hand out on demand. */
export function componentMemoryPages(component: usize): u32 {
  return load<u32>(component, 40);
}

export function componentGrantCount(component: usize): u32 {
  return load<u32>(component, 52);
}

export function componentGrant(manifest: usize, component: usize, index: u32): usize {
  return manifest + <usize>load<u32>(component, 48) + <usize>index * GRANT_SIZE;
}

export function componentIrqCount(component: usize): u32 {
  return load<u32>(component, 60);
}

export function componentIrq(manifest: usize, component: usize, index: u32): u32 {
  return load<u32>(manifest + <usize>load<u32>(component, 56) + <usize>index * IRQ_SIZE);
}

export function componentPortRangeCount(component: usize): u32 {
  return load<u32>(component, 68);
}

export function componentPortRange(manifest: usize, component: usize, index: u32): usize {
  return manifest + <usize>load<u32>(component, 64) + <usize>index * PORT_RANGE_SIZE;
}

export function portRangeBase(range: usize): u32 {
  return load<u32>(range);
}

export function portRangeCount(range: usize): u32 {
  return load<u32>(range, 4);
}

/** Capability slot in the component's table. */
export function grantSlot(grant: usize): u32 {
  return load<u32>(grant);
}

/** GRANT_ENDPOINT, GRANT_CLIENT, or a later kind this reader does not know. */
export function grantKind(grant: usize): u32 {
  return load<u32>(grant, 4);
}

/** Endpoint number: the component's own (endpoint) or the server's (client). */
export function grantEndpoint(grant: usize): u32 {
  return load<u32>(grant, 8);
}

/** Client grants: index of the serving component. */
export function grantComponent(grant: usize): u32 {
  return load<u32>(grant, 12);
}

/** Client grants: the badge the server sees. */
export function grantBadge(grant: usize): u32 {
  return load<u32>(grant, 16);
}

/** Client grants: the kernel's capability rights bits. */
export function grantRights(grant: usize): u32 {
  return load<u32>(grant, 20);
}
