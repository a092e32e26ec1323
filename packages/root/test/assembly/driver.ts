// Test driver granted COM1's ports (0x3F8–0x3FF), IRQ line 4 and an endpoint in slot 1: it
// writes a line straight to COM1's transmit register, attaches line 4 through the IRQ capability
// root put in slot 32 + 4, fails to attach line 3 (slot 32 + 3 is empty, and line 4's capability
// does not cover line 3), then reads COM2's line status port, which it was not granted: the
// kernel stops it there.
import { IRQ_SLOT_BASE } from "../../assembly/slots";
import { irqAttach } from "@sawmill/kernel/assembly/user/devices";
import { ERROR_INVALID_ARGUMENT, ERROR_INVALID_CAP } from "@sawmill/kernel/assembly/user/objects";
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { inb, outb } from "@sawmill/wasm-x86/assembly/x86";
import { printDec } from "../../assembly/console";

const COM1: u16 = 0x3f8;
const COM2_LINE_STATUS: u16 = 0x2fd;
const INBOX: u32 = 1;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const text = "[driver] hello through my own port\n";
  for (let i = 0; i < text.length; i++) outb(COM1, <u8>text.charCodeAt(i));
  const attached = irqAttach(IRQ_SLOT_BASE + 4, 4, INBOX);
  debugPrint("[driver] attach line 4: ");
  printDec(attached);
  debugPrint("\n[driver] attach line 3: ");
  const refused = irqAttach(IRQ_SLOT_BASE + 3, 3, INBOX);
  debugPrint(refused == ERROR_INVALID_CAP ? "INVALID_CAP" : "unexpected");
  debugPrint("\n[driver] attach line 3 with line 4's capability: ");
  const narrowed = irqAttach(IRQ_SLOT_BASE + 4, 3, INBOX);
  debugPrint(narrowed == ERROR_INVALID_ARGUMENT ? "INVALID_ARGUMENT" : "unexpected");
  debugPrint("\n");
  irqAttach(IRQ_SLOT_BASE + 4, 4, 0);
  const status = inb(COM2_LINE_STATUS);
  debugPrint("[driver] read a port it was not granted: ");
  printDec(status);
  debugPrint("\n");
  return 0;
}
