// The name server's table, target side: implements the generated `NamesServer`.
// Interface: `new NameTable(receiveSlot, firstSlot, capacity)`, served with
// `serveNames(endpointSlot, table, receiveSlot)`: a registered capability arrives in
// `receiveSlot`; the table keeps its copy of name i in slot `firstSlot + i` (NameSlots).
// Invariants: a name is bound at most once; the receive slot is empty whenever the server waits
// for a request — the kernel refuses to deliver a capability into an occupied slot, so
// `register` moves (copies, then deletes) what arrived, whether it binds it or refuses it. A
// capability found in any other slot is the caller's own (colocated: one capability table) and
// is copied, not moved. `unregister` is allowed only through the registrant's badge.

import { capCopy, capDelete } from "@sawmill/kernel/assembly/user/objects";
import { KEEP_RIGHTS, NameSlots } from "./name-slots";
import { NAMES_FULL, NAMES_NO_CAPABILITY, NAMES_NOT_OWNER, NAMES_TAKEN, NAMES_UNKNOWN, NamesServer } from "./names";

export class NameTable extends NamesServer {
  private readonly receiveSlot: u32;
  private readonly names: NameSlots;

  constructor(receiveSlot: u32, firstSlot: u32, capacity: i32) {
    super();
    this.receiveSlot = receiveSlot;
    this.names = new NameSlots(firstSlot, capacity);
  }

  register(w0: u32, w1: u32, w2: u32, w3: u32, object: u32): u32 {
    const status = this.keep(w0, w1, w2, w3, object);
    if (object == this.receiveSlot) capDelete(object);
    return status;
  }

  resolve(w0: u32, w1: u32, w2: u32, w3: u32): u32 {
    const entry = this.names.find(w0, w1, w2, w3);
    if (entry < 0) return NAMES_UNKNOWN;
    this.result = this.names.slot(entry);
    return 0;
  }

  unregister(w0: u32, w1: u32, w2: u32, w3: u32): u32 {
    const entry = this.names.find(w0, w1, w2, w3);
    if (entry < 0) return NAMES_UNKNOWN;
    if (this.names.owner(entry) != this.badge) return NAMES_NOT_OWNER;
    this.names.unbind(entry);
    return 0;
  }

  /** Binds the name to a copy of `object` in a slot of the table's own. */
  private keep(w0: u32, w1: u32, w2: u32, w3: u32, object: u32): u32 {
    if (this.names.find(w0, w1, w2, w3) >= 0) return NAMES_TAKEN;
    const entry = this.names.freeEntry();
    if (entry < 0) return NAMES_FULL;
    if (capCopy(object, 0, this.names.slot(entry), 0, KEEP_RIGHTS) != 0) return NAMES_NO_CAPABILITY;
    this.names.bind(entry, w0, w1, w2, w3, this.badge);
    return 0;
  }
}
