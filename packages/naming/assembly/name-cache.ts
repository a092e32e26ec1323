// The naming client library, target side: resolves names through the name server into
// capabilities in the client's own table, and keeps them, so a name costs one IPC per task
// however often it is looked up.
// Interface: `new NameCache(serverSlot, firstSlot, count)` — the application hands the cache
// the slots firstSlot … firstSlot + count − 1 of its capability table; `bind()`;
// `resolve(text)` → status, the capability's slot in `.slot`; `forget(text)`;
// `register(text, slot)`, `unregister(text)` → status; `serverCalls` counts the calls that
// reached the server.
// Invariants: the cache is a cache of capabilities this client has received — not of the
// server's bindings. A cached slot stays valid until `forget` (or the client's own
// `unregister`) deletes it, whatever the server does meanwhile; whether the object behind it
// still answers is its own server's business. Only successful resolutions are cached (an
// unknown name asks again next time); when the range is used up, a new name is FULL.

import { capCopy } from "@sawmill/kernel/assembly/user/objects";
import { nameWord } from "./name-key";
import { KEEP_RIGHTS, NameSlots } from "./name-slots";
import { NAMES_FULL, NAMES_NO_CAPABILITY, NamesClient } from "./names";

export class NameCache {
  /** The capability's slot after a successful `resolve`. */
  slot: u32 = 0;
  serverCalls: u32 = 0;
  private readonly client: NamesClient;
  private readonly names: NameSlots;

  constructor(serverSlot: u32, firstSlot: u32, count: i32) {
    this.client = new NamesClient(serverSlot);
    this.names = new NameSlots(firstSlot, count);
  }

  bind(): u32 {
    this.serverCalls++;
    return this.client.bind();
  }

  /** Binds `text` to the capability in the client's `slot` (the server keeps a copy). */
  register(text: string, slot: u32): u32 {
    this.serverCalls++;
    return this.client.register(nameWord(text, 0), nameWord(text, 1), nameWord(text, 2), nameWord(text, 3), slot);
  }

  /** Unbinds `text` at the server; on success this client's own cached copy goes too. */
  unregister(text: string): u32 {
    this.serverCalls++;
    const status = this.client.unregister(nameWord(text, 0), nameWord(text, 1), nameWord(text, 2), nameWord(text, 3));
    if (status == 0) this.forget(text);
    return status;
  }

  resolve(text: string): u32 {
    const w0 = nameWord(text, 0);
    const w1 = nameWord(text, 1);
    const w2 = nameWord(text, 2);
    const w3 = nameWord(text, 3);
    const cached = this.names.find(w0, w1, w2, w3);
    if (cached >= 0) {
      this.slot = this.names.slot(cached);
      return 0;
    }
    const entry = this.names.freeEntry();
    if (entry < 0) return NAMES_FULL;
    const status = this.receive(w0, w1, w2, w3, this.names.slot(entry));
    if (status != 0) return status;
    this.names.bind(entry, w0, w1, w2, w3, 0);
    this.slot = this.names.slot(entry);
    return 0;
  }

  /** Drops the cached capability of `text` (deletes its slot); false if none was cached. */
  forget(text: string): bool {
    const entry = this.names.find(nameWord(text, 0), nameWord(text, 1), nameWord(text, 2), nameWord(text, 3));
    if (entry < 0) return false;
    this.names.unbind(entry);
    return true;
  }

  /**
   * Asks the server for the capability, into `slot`. Colocated, the server answers with its own
   * slot instead (one capability table), so the cache copies it: either way the client ends up
   * with a copy of its own, which the server's `unregister` does not touch.
   */
  private receive(w0: u32, w1: u32, w2: u32, w3: u32, slot: u32): u32 {
    this.serverCalls++;
    const status = this.client.resolve(w0, w1, w2, w3, slot);
    if (status != 0) return status;
    if (this.client.result == slot) return 0;
    return capCopy(this.client.result, 0, slot, 0, KEEP_RIGHTS) == 0 ? 0 : NAMES_NO_CAPABILITY;
  }
}
