/**
 * The boot manifest: what the root task needs to start each component with exactly its grants.
 * It travels as the boot-archive entry named "manifest".
 *
 * Layer: toolchain, @sawmill/image. Interface: the host description `BootManifest` and the
 * binary layout constants shared by boot-manifest-writer.ts and boot-manifest-reader.ts. The
 * target-side reader is assembly/boot-manifest.ts; the three must agree with the README table.
 *
 * Binary format (little-endian, every field a u32 unless noted, every record 4-byte aligned):
 *   header (16 bytes): magic "SMMF", version = 1, component count C, total size in bytes
 *   16: C component records of 80 bytes:
 *     +0  name: 32 bytes, UTF-8, NUL-padded, 1–31 bytes — the archive entry holding its ELF
 *     +32 priority (0–255)   +36 stack pages   +40 memory budget in pages   +44 flags (0)
 *     +48 grants offset  +52 grant count   (offsets from the manifest's start)
 *     +56 IRQs offset    +60 IRQ count
 *     +64 ports offset   +68 port-range count
 *     +72 reserved (0) ×2
 *   then per component, in order: its grant records (24 bytes: slot, kind, four kind-specific
 *   words), its IRQ numbers (one u32 each), its port ranges (8 bytes: base, count).
 * Grant kinds (word a–d after slot and kind):
 *   1 endpoint: a = endpoint number (unique in the component), b–d = 0; root creates the
 *               endpoint and puts the receive capability in `slot`
 *   2 client:   a = the server's endpoint number, b = server component index, c = badge,
 *               d = rights; a send capability minted from that endpoint (the kernel's rights bits)
 * Word a is the endpoint number for both kinds, so readers find it in one place.
 * New kinds take new numbers; readers reject kinds they do not know.
 */

export type Grant = EndpointGrant | ClientGrant;

/** An endpoint the component serves: created by root, the receive right in `slot`. */
export interface EndpointGrant {
  readonly kind: "endpoint";
  readonly slot: number;
  /** Number by which clients name this endpoint (unique within the component). */
  readonly endpoint: number;
}

/** A send capability to another component's endpoint. */
export interface ClientGrant {
  readonly kind: "client";
  readonly slot: number;
  /** Index of the serving component in `BootManifest.components`. */
  readonly component: number;
  readonly endpoint: number;
  /** Delivered to the server with every message sent through this capability. */
  readonly badge: number;
  /** Kernel capability rights bits (u32). */
  readonly rights: number;
}

export interface PortRange {
  readonly base: number;
  readonly count: number;
}

export interface ComponentManifest {
  /** Archive entry holding the component's ELF (1–31 bytes of UTF-8, unique). */
  readonly name: string;
  /** Scheduling priority, 0–255. */
  readonly priority: number;
  /** Pages of stack for the first thread. */
  readonly stackPages: number;
  /** Pages the component's pager may hand out on demand. */
  readonly memoryPages: number;
  readonly grants: readonly Grant[];
  readonly irqs: readonly number[];
  readonly ports: readonly PortRange[];
}

export interface BootManifest {
  readonly components: readonly ComponentManifest[];
}

export const MANIFEST_ENTRY_NAME = "manifest";
export const MANIFEST_MAGIC = "SMMF";
export const MANIFEST_VERSION = 1;
export const MANIFEST_HEADER_SIZE = 16;
export const COMPONENT_RECORD_SIZE = 80;
export const GRANT_RECORD_SIZE = 24;
export const IRQ_RECORD_SIZE = 4;
export const PORT_RECORD_SIZE = 8;

/** Field offsets inside a component record. */
export const ComponentField = {
  name: 0,
  priority: 32,
  stackPages: 36,
  memoryPages: 40,
  flags: 44,
  grantsOffset: 48,
  grantCount: 52,
  irqsOffset: 56,
  irqCount: 60,
  portsOffset: 64,
  portCount: 68,
} as const;

export const MANIFEST_FORMAT = {
  what: "boot manifest",
  magic: MANIFEST_MAGIC,
  version: MANIFEST_VERSION,
  headerSize: MANIFEST_HEADER_SIZE,
} as const;

export const GRANT_KIND = { endpoint: 1, client: 2 } as const;
