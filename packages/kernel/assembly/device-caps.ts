// Capabilities for device resources: IRQ lines and I/O ports. Layer: kernel resources
// (AssemblyScript).
//
// Interface: installDeviceCaps(rootTask) puts the IRQ-control and I/O-port capabilities into the
// root task's fixed slots (ROOT_SLOT_IRQ_CONTROL, ROOT_SLOT_IO_PORTS); narrowDeviceObject(type,
// object, badge) is what CAP_COPY gives the copy of a device capability.
//
// Encodings (OBJECT word): an IRQ capability holds a mask of the lines it covers (bit n = line
// n; IRQ control = all 16); an IO_PORTS capability holds its first port in bits 0–15 and its
// last in bits 16–31. A device capability's badge means nothing to the kernel, so CAP_COPY's
// badge narrows the copy instead: for IRQ, a non-zero badge is a line mask ANDed in (root gives a
// driver exactly line n with badge 1 << n); for IO_PORTS, a non-zero badge is a range in the same
// encoding, intersected with the source's (an empty intersection leaves the copy covering none).

import { installCap } from "./captable";
import {
  CAPTYPE_IO_PORTS,
  CAPTYPE_IRQ,
  IRQ_LINES,
  RIGHT_GRANT,
  ROOT_SLOT_IO_PORTS,
  ROOT_SLOT_IRQ_CONTROL,
} from "./generated/layout";
import { capSlot } from "./task";

export const ALL_LINES: u32 = (1 << IRQ_LINES) - 1;
export const ALL_PORTS: u32 = 0xffff_0000;
/** An IO_PORTS range that covers no port (first > last). */
const NO_PORTS: u32 = 0x0000_ffff;

export function installDeviceCaps(rootTask: u32): void {
  installCap(capSlot(rootTask, ROOT_SLOT_IRQ_CONTROL), CAPTYPE_IRQ, RIGHT_GRANT, ALL_LINES, 0);
  installCap(capSlot(rootTask, ROOT_SLOT_IO_PORTS), CAPTYPE_IO_PORTS, RIGHT_GRANT, ALL_PORTS, 0);
}

export function narrowDeviceObject(type: u32, object: u32, badge: u32): u32 {
  if (badge == 0) return object;
  if (type == CAPTYPE_IRQ) return object & badge;
  if (type != CAPTYPE_IO_PORTS) return object;
  const first = max(object & 0xffff, badge & 0xffff);
  const last = min(object >> 16, badge >> 16);
  return first > last ? NO_PORTS : first | (last << 16);
}
