/**
 * Writes the boot manifest's binary form (layout: boot-manifest.ts) after validating it.
 *
 * Layer: toolchain, @sawmill/image. Interface: writeBootManifest(manifest) -> bytes.
 * Invariants: the output is a pure function of the input; everything it writes passes the
 * checks here, so target readers only check the header: names 1–31 bytes and unique, priority
 * 0–255, slots and endpoint numbers unique per component, every client grant names an existing
 * endpoint, IRQs 0–255 and granted once, port ranges inside 0–0xFFFF, all numbers u32.
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
import { encodeName } from "./fixed-name.js";
import { writeFormatHeader } from "./format-header.js";

export function writeBootManifest(manifest: BootManifest): Uint8Array {
  validateManifest(manifest);
  const { components } = manifest;
  let cursor = MANIFEST_HEADER_SIZE + COMPONENT_RECORD_SIZE * components.length;
  const tables = components.map((component) => {
    const grants = cursor;
    const irqs = grants + GRANT_RECORD_SIZE * component.grants.length;
    const ports = irqs + IRQ_RECORD_SIZE * component.irqs.length;
    cursor = ports + PORT_RECORD_SIZE * component.ports.length;
    return { grants, irqs, ports };
  });
  const bytes = new Uint8Array(cursor);
  const view = writeFormatHeader(bytes, MANIFEST_FORMAT, components.length);
  components.forEach((component, i) => {
    const record = MANIFEST_HEADER_SIZE + i * COMPONENT_RECORD_SIZE;
    writeComponent(bytes, view, record, component, tables[i]);
  });
  return bytes;
}

function writeComponent(
  bytes: Uint8Array,
  view: DataView,
  record: number,
  component: ComponentManifest,
  at: { grants: number; irqs: number; ports: number },
): void {
  const field = (offset: number, value: number) => view.setUint32(record + offset, value, true);
  bytes.set(encodeName(component.name, "boot manifest component"), record + ComponentField.name);
  field(ComponentField.priority, component.priority);
  field(ComponentField.stackPages, component.stackPages);
  field(ComponentField.memoryPages, component.memoryPages);
  field(ComponentField.grantsOffset, at.grants);
  field(ComponentField.grantCount, component.grants.length);
  field(ComponentField.irqsOffset, at.irqs);
  field(ComponentField.irqCount, component.irqs.length);
  field(ComponentField.portsOffset, at.ports);
  field(ComponentField.portCount, component.ports.length);
  component.grants.forEach((grant, j) => {
    grantWords(grant).forEach((word, k) => {
      view.setUint32(at.grants + j * GRANT_RECORD_SIZE + 4 * k, word, true);
    });
  });
  component.irqs.forEach((irq, j) => {
    view.setUint32(at.irqs + j * IRQ_RECORD_SIZE, irq, true);
  });
  component.ports.forEach((range, j) => {
    view.setUint32(at.ports + j * PORT_RECORD_SIZE, range.base, true);
    view.setUint32(at.ports + j * PORT_RECORD_SIZE + 4, range.count, true);
  });
}

/** slot, kind, then the four kind-specific words. */
function grantWords(grant: Grant): number[] {
  switch (grant.kind) {
    case "endpoint":
      return [grant.slot, GRANT_KIND.endpoint, grant.endpoint, 0, 0, 0];
    case "client":
      return [grant.slot, GRANT_KIND.client, grant.endpoint, grant.component, grant.badge, grant.rights];
  }
}

function validateManifest(manifest: BootManifest): void {
  const names = new Set<string>();
  const irqOwners = new Map<number, string>();
  manifest.components.forEach((component, i) => {
    const what = `boot manifest component #${i} ("${component.name}")`;
    encodeName(component.name, what);
    if (names.has(component.name)) throw new Error(`${what}: the name is used twice`);
    names.add(component.name);
    checkRange(component.priority, 0, 255, `${what}: priority`);
    checkRange(component.stackPages, 0, 0xffffffff, `${what}: stackPages`);
    checkRange(component.memoryPages, 0, 0xffffffff, `${what}: memoryPages`);
    validateGrants(manifest, component, what);
    component.irqs.forEach((irq) => {
      checkRange(irq, 0, 255, `${what}: IRQ`);
      const owner = irqOwners.get(irq);
      if (owner !== undefined) throw new Error(`${what}: IRQ ${irq} is already granted to "${owner}"`);
      irqOwners.set(irq, component.name);
    });
    component.ports.forEach(({ base, count }) => {
      checkRange(base, 0, 0xffff, `${what}: port base`);
      checkRange(count, 1, 0x10000 - base, `${what}: count of ports from 0x${base.toString(16)}`);
    });
  });
}

function validateGrants(manifest: BootManifest, component: ComponentManifest, what: string): void {
  const slots = new Set<number>();
  for (const grant of component.grants) {
    checkRange(grant.slot, 0, 0xffffffff, `${what}: grant slot`);
    if (slots.has(grant.slot)) throw new Error(`${what}: slot ${grant.slot} is granted twice`);
    slots.add(grant.slot);
    checkRange(grant.endpoint, 0, 0xffffffff, `${what}: slot ${grant.slot}: endpoint number`);
    if (grant.kind === "endpoint") {
      if (endpointsOf(component).filter((n) => n === grant.endpoint).length > 1) {
        throw new Error(`${what}: endpoint number ${grant.endpoint} is defined twice`);
      }
    } else {
      validateClient(manifest, grant, `${what}: slot ${grant.slot}`);
    }
  }
}

function validateClient(manifest: BootManifest, grant: Grant & { kind: "client" }, what: string): void {
  checkRange(grant.badge, 0, 0xffffffff, `${what}: badge`);
  checkRange(grant.rights, 0, 0xffffffff, `${what}: rights`);
  const server = manifest.components[grant.component];
  if (!Number.isInteger(grant.component) || server === undefined) {
    throw new Error(`${what}: client of component #${grant.component}, which does not exist`);
  }
  if (!endpointsOf(server).includes(grant.endpoint)) {
    throw new Error(`${what}: component "${server.name}" defines no endpoint ${grant.endpoint}`);
  }
}

function endpointsOf(component: ComponentManifest): number[] {
  return component.grants.flatMap((g) => (g.kind === "endpoint" ? [g.endpoint] : []));
}

function checkRange(value: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${what} is ${value}, expected an integer in ${min}–${max}`);
  }
}
