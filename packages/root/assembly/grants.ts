// Grants: exactly the capabilities, IRQ lines and I/O ports the manifest gives a component.
// Layer: root task (AssemblyScript, ring 3).
//
// Interface: grantAll(manifest, index, task) fills the component's table (`task` = root's slot
// of its task capability) and returns the number of grants made, or −1 after printing which one
// failed. What each grant becomes:
//   endpoint grant (slot s, endpoint e) → the component's endpoint e with the receive and send
//       rights in its slot s (send: so it can attach IRQs to it); root creates the endpoint on
//       first use and keeps a full capability;
//   client grant (slot s, server c, endpoint e, badge b, rights r) → a copy of c's endpoint e
//       with badge b and rights r, minted by root: the client cannot change the badge the server
//       sees;
//   IRQ line n → an IRQ capability for line n alone in slot IRQ_SLOT_BASE + n (derived from
//       root's IRQ control capability; the mask badge narrows it to the line);
//   port range (base, count) → IOPORT_GRANT of exactly that range into the task's I/O bitmap.
// Invariant: nothing beyond the manifest's grants reaches the component's table.

import {
  componentGrant,
  componentGrantCount,
  componentIrq,
  componentIrqCount,
  componentPortRange,
  componentPortRangeCount,
  GRANT_ENDPOINT,
  grantBadge,
  grantComponent,
  grantEndpoint,
  grantKind,
  grantRights,
  grantSlot,
  manifestComponent,
  portRangeBase,
  portRangeCount,
} from "@sawmill/image/assembly/boot-manifest";
import { RIGHT_RECEIVE, RIGHT_SEND } from "@sawmill/kernel/assembly/generated/layout";
import { print, printDec } from "./console";
import { createEndpoint, grantPorts, mintInto, mintIrq } from "./kernel";
import { IRQ_SLOT_BASE, takeSlot } from "./slots";

const MAX_ENDPOINTS: u32 = 64;
/** A server receives on its endpoint, and may send to it: IRQ_ATTACH wants a send right. */
const SERVER_RIGHTS: u32 = RIGHT_RECEIVE | RIGHT_SEND;

// Endpoints root created: (component, endpoint number, root's slot) triples.
const endpoints = memory.data(MAX_ENDPOINTS * 12);
let endpointCount: u32 = 0;

export function grantAll(manifest: usize, index: u32, task: u32): i32 {
  const component = manifestComponent(manifest, index);
  let made: i32 = 0;
  for (let j: u32 = 0; j < componentGrantCount(component); j++) {
    const grant = componentGrant(manifest, component, j);
    if (!check(grantOne(index, grant, task), "capability slot ", grantSlot(grant))) return -1;
    made++;
  }
  for (let j: u32 = 0; j < componentIrqCount(component); j++) {
    const line = componentIrq(manifest, component, j);
    if (!check(mintIrq(task, IRQ_SLOT_BASE + line, line), "IRQ ", line)) return -1;
    made++;
  }
  for (let j: u32 = 0; j < componentPortRangeCount(component); j++) {
    const range = componentPortRange(manifest, component, j);
    if (!check(grantPorts(task, portRangeBase(range), portRangeCount(range)), "ports at ", portRangeBase(range))) {
      return -1;
    }
    made++;
  }
  return made;
}

function grantOne(index: u32, grant: usize, task: u32): u32 {
  const slot = grantSlot(grant);
  if (grantKind(grant) == GRANT_ENDPOINT) {
    const endpoint = endpointSlot(index, grantEndpoint(grant));
    return endpoint == 0 ? 1 : mintInto(endpoint, task, slot, 0, SERVER_RIGHTS);
  }
  const endpoint = endpointSlot(grantComponent(grant), grantEndpoint(grant));
  return endpoint == 0 ? 1 : mintInto(endpoint, task, slot, grantBadge(grant), grantRights(grant));
}

/** Root's slot holding endpoint `number` of component `index`, created on first use (0: failed). */
function endpointSlot(index: u32, number: u32): u32 {
  for (let i: u32 = 0; i < endpointCount; i++) {
    const entry = endpoints + i * 12;
    if (load<u32>(entry) == index && load<u32>(entry, 4) == number) return load<u32>(entry, 8);
  }
  if (endpointCount == MAX_ENDPOINTS) return 0;
  const slot = takeSlot();
  if (slot == 0 || createEndpoint(slot) != 0) return 0;
  const entry = endpoints + endpointCount++ * 12;
  store<u32>(entry, index);
  store<u32>(entry, number, 4);
  store<u32>(entry, slot, 8);
  return slot;
}

function check(error: u32, what: string, which: u32): bool {
  if (error == 0) return true;
  print("[root] granting ");
  print(what);
  printDec(which);
  print(" failed with error ");
  printDec(error);
  print("\n");
  return false;
}
