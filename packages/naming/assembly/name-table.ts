// The name server's table, target side: implements the generated `NamesServer`.
// Interface: `new NameTable()`, served with `serveNames(slot, table)`.
// Invariants: a name is bound at most once; a fixed table of CAPACITY entries in a static
// area (no allocation per request); value 0 is a legal value (the `used` word marks entries).

import { NamesServer, NAMES_FULL, NAMES_TAKEN, NAMES_UNKNOWN } from "./names";

const CAPACITY: i32 = 64;
const ENTRY: i32 = 24; // used, w0..w3, value
const table = memory.data(CAPACITY * ENTRY);

export class NameTable extends NamesServer {
  register(w0: u32, w1: u32, w2: u32, w3: u32, value: u32): u32 {
    if (find(w0, w1, w2, w3) >= 0) return NAMES_TAKEN;
    for (let i = 0; i < CAPACITY; i++) {
      const e = table + i * ENTRY;
      if (load<u32>(e) != 0) continue;
      store<u32>(e, 1);
      store<u32>(e, w0, 4);
      store<u32>(e, w1, 8);
      store<u32>(e, w2, 12);
      store<u32>(e, w3, 16);
      store<u32>(e, value, 20);
      return 0;
    }
    return NAMES_FULL;
  }

  resolve(w0: u32, w1: u32, w2: u32, w3: u32): u32 {
    const i = find(w0, w1, w2, w3);
    if (i < 0) return NAMES_UNKNOWN;
    this.result = load<u32>(table + i * ENTRY, 20);
    return 0;
  }
}

function find(w0: u32, w1: u32, w2: u32, w3: u32): i32 {
  for (let i = 0; i < CAPACITY; i++) {
    const e = table + i * ENTRY;
    if (load<u32>(e) == 0) continue;
    if (load<u32>(e, 4) == w0 && load<u32>(e, 8) == w1 && load<u32>(e, 12) == w2 && load<u32>(e, 16) == w3)
      return i;
  }
  return -1;
}
