/** A sample boot manifest and archive entries, shared by the host and target reader tests. */
import type { ArchiveEntry, BootManifest } from "../src/index.js";

export const sampleManifest: BootManifest = {
  components: [
    {
      name: "uart",
      priority: 200,
      stackPages: 2,
      memoryPages: 16,
      grants: [
        { kind: "endpoint", slot: 1, endpoint: 0 },
        { kind: "endpoint", slot: 2, endpoint: 7 },
      ],
      irqs: [4],
      ports: [{ base: 0x3f8, count: 8 }],
    },
    {
      name: "shell",
      priority: 100,
      stackPages: 4,
      memoryPages: 256,
      grants: [
        { kind: "client", slot: 3, component: 0, endpoint: 7, badge: 0xdeadbeef, rights: 0x1 },
        { kind: "client", slot: 4, component: 0, endpoint: 0, badge: 2, rights: 0x5 },
        { kind: "endpoint", slot: 5, endpoint: 1 },
      ],
      irqs: [],
      ports: [],
    },
    { name: "idle-ü", priority: 0, stackPages: 1, memoryPages: 0, grants: [], irqs: [], ports: [] },
  ],
};

export function sampleEntries(manifest: Uint8Array): ArchiveEntry[] {
  return [
    { name: "manifest", bytes: manifest },
    { name: "uart", bytes: Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) & 0xff) },
    { name: "empty", bytes: new Uint8Array(0) },
    { name: "café/ü", bytes: Uint8Array.of(1, 2, 3) },
  ];
}
