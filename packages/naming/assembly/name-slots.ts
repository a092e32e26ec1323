// Names bound to capability slots, target side: the table both the name server (name-table.ts)
// and the client cache (name-cache.ts) keep, one entry per slot of a range of the task's
// capability table.
// Interface: `new NameSlots(firstSlot, capacity)`; `find(w0…w3)` → entry or -1; `freeEntry()`
// → entry or -1; `bind(entry, w0…w3, owner)`; `unbind(entry)` (deletes the entry's slot);
// `slot(entry)`, `owner(entry)`.
// Invariants: entry i, while bound, owns slot firstSlot + i and nothing else in the task puts a
// capability there; while unbound, that slot is empty. A key is compared word by word, so no
// two bound entries have the same key (the callers check `find` before `bind`).
// Typical use: i = find(key); if (i < 0) { i = freeEntry(); capCopy(…, slot(i), …); bind(i, key, 0); }

import { capDelete, RIGHT_GRANT, RIGHT_READ, RIGHT_RECEIVE, RIGHT_SEND, RIGHT_WRITE } from "@sawmill/kernel/assembly/user/objects";

/** The rights mask of a `cap_copy` that keeps every right the source has. */
export const KEEP_RIGHTS: u32 = RIGHT_SEND | RIGHT_RECEIVE | RIGHT_GRANT | RIGHT_READ | RIGHT_WRITE;

const USED = 0;
const KEY = 1; // four words
const OWNER = 5;
const ENTRY_WORDS = 6;

export class NameSlots {
  readonly firstSlot: u32;
  readonly capacity: i32;
  private readonly entries: StaticArray<u32>;

  constructor(firstSlot: u32, capacity: i32) {
    this.firstSlot = firstSlot;
    this.capacity = capacity;
    this.entries = new StaticArray<u32>(capacity * ENTRY_WORDS);
  }

  /** The bound entry whose key is w0…w3, or -1. */
  find(w0: u32, w1: u32, w2: u32, w3: u32): i32 {
    const e = this.entries;
    for (let i = 0, at = 0; i < this.capacity; i++, at += ENTRY_WORDS) {
      if (e[at + USED] == 0 || e[at + KEY] != w0 || e[at + KEY + 1] != w1) continue;
      if (e[at + KEY + 2] == w2 && e[at + KEY + 3] == w3) return i;
    }
    return -1;
  }

  /** An unbound entry (its slot is empty), or -1. */
  freeEntry(): i32 {
    for (let i = 0; i < this.capacity; i++) if (this.entries[i * ENTRY_WORDS + USED] == 0) return i;
    return -1;
  }

  /** Marks `entry` bound to the key; its slot must hold the capability already. */
  bind(entry: i32, w0: u32, w1: u32, w2: u32, w3: u32, owner: u32): void {
    const at = entry * ENTRY_WORDS;
    this.entries[at + KEY] = w0;
    this.entries[at + KEY + 1] = w1;
    this.entries[at + KEY + 2] = w2;
    this.entries[at + KEY + 3] = w3;
    this.entries[at + OWNER] = owner;
    this.entries[at + USED] = 1;
  }

  /** Frees `entry` and empties its slot. */
  unbind(entry: i32): void {
    this.entries[entry * ENTRY_WORDS + USED] = 0;
    capDelete(this.slot(entry));
  }

  slot(entry: i32): u32 {
    return this.firstSlot + <u32>entry;
  }

  owner(entry: i32): u32 {
    return this.entries[entry * ENTRY_WORDS + OWNER];
  }
}
