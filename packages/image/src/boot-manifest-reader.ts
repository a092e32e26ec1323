/**
 * Reads a boot manifest's binary form back into its host description (for tests and inspect).
 *
 * Layer: toolchain, @sawmill/image. Interface: readBootManifest(bytes) -> BootManifest.
 * Throws on a wrong magic or version, a table past the end, or an unknown grant kind.
 */
import {
  type BootManifest,
  COMPONENT_RECORD_SIZE,
  ComponentField,
  type ComponentManifest,
  GRANT_KIND,
  GRANT_RECORD_SIZE,
  type Grant,
  IRQ_RECORD_SIZE,
  MANIFEST_FORMAT,
  MANIFEST_HEADER_SIZE,
  PORT_RECORD_SIZE,
} from "./boot-manifest.js";
import { decodeName, NAME_FIELD_SIZE } from "./fixed-name.js";
import { readFormatHeader } from "./format-header.js";

export function readBootManifest(bytes: Uint8Array): BootManifest {
  const { view, count } = readFormatHeader(bytes, MANIFEST_FORMAT);
  const u32 = (offset: number): number => {
    if (offset + 4 > bytes.length)
      throw new Error(`boot manifest truncated: reading past byte ${bytes.length}`);
    return view.getUint32(offset, true);
  };
  const components = Array.from({ length: count }, (_, i) => {
    const record = MANIFEST_HEADER_SIZE + i * COMPONENT_RECORD_SIZE;
    return readComponent(bytes, record, (offset) => u32(record + offset), u32);
  });
  return { components };
}

function readComponent(
  bytes: Uint8Array,
  record: number,
  field: (offset: number) => number,
  u32: (offset: number) => number,
): ComponentManifest {
  field(COMPONENT_RECORD_SIZE - 4); // bounds check of the whole record
  const table = <T>(offsetField: number, countField: number, size: number, read: (at: number) => T): T[] =>
    Array.from({ length: field(countField) }, (_, j) => read(field(offsetField) + j * size));
  return {
    name: decodeName(bytes.subarray(record, record + NAME_FIELD_SIZE)),
    priority: field(ComponentField.priority),
    stackPages: field(ComponentField.stackPages),
    memoryPages: field(ComponentField.memoryPages),
    grants: table(ComponentField.grantsOffset, ComponentField.grantCount, GRANT_RECORD_SIZE, (at) =>
      readGrant((k) => u32(at + 4 * k)),
    ),
    irqs: table(ComponentField.irqsOffset, ComponentField.irqCount, IRQ_RECORD_SIZE, u32),
    ports: table(ComponentField.portsOffset, ComponentField.portCount, PORT_RECORD_SIZE, (at) => ({
      base: u32(at),
      count: u32(at + 4),
    })),
  };
}

function readGrant(word: (index: number) => number): Grant {
  const [slot, kind, a, b, c, d] = [0, 1, 2, 3, 4, 5].map(word);
  switch (kind) {
    case GRANT_KIND.endpoint:
      return { kind: "endpoint", slot, endpoint: a };
    case GRANT_KIND.client:
      return { kind: "client", slot, component: b, endpoint: a, badge: c, rights: d };
    default:
      throw new Error(`boot manifest: slot ${slot} has unknown grant kind ${kind}`);
  }
}
