// The naming client library, target side: resolves names through the name server and keeps
// what it resolved, so a name costs one IPC per task however often it is looked up.
// Interface: `new NameCache(slot)`; `bind()`; `resolve(text)` → status (value in `.value`);
// `register(text, value)` → status; `serverCalls` counts the calls that reached the server.
// Invariants: only successful resolutions are cached (an unknown name asks again next time);
// bindings never change once made (the server refuses a second register), so a cached value
// never goes stale and needs no invalidation.

import { NamesClient } from "./names";
import { nameWord } from "./name-key";

const SIZE: i32 = 32; // entries, direct-mapped by a hash of the name
const ENTRY: i32 = 24; // used, w0..w3, value
const cache = memory.data(SIZE * ENTRY);

export class NameCache {
  value: u32 = 0;
  serverCalls: u32 = 0;
  private client: NamesClient;

  constructor(slot: u32) {
    this.client = new NamesClient(slot);
  }

  bind(): u32 {
    this.serverCalls++;
    return this.client.bind();
  }

  register(text: string, value: u32): u32 {
    this.serverCalls++;
    return this.client.register(nameWord(text, 0), nameWord(text, 1), nameWord(text, 2), nameWord(text, 3), value);
  }

  resolve(text: string): u32 {
    const w0 = nameWord(text, 0);
    const w1 = nameWord(text, 1);
    const w2 = nameWord(text, 2);
    const w3 = nameWord(text, 3);
    const e = cache + <i32>((w0 ^ w1 ^ w2 ^ w3) * 0x9e3779b1 >> 27) * ENTRY;
    if (load<u32>(e) != 0 && load<u32>(e, 4) == w0 && load<u32>(e, 8) == w1 && load<u32>(e, 12) == w2 && load<u32>(e, 16) == w3) {
      this.value = load<u32>(e, 20);
      return 0;
    }
    this.serverCalls++;
    const status = this.client.resolve(w0, w1, w2, w3);
    if (status != 0) return status;
    this.value = this.client.result;
    store<u32>(e, 1);
    store<u32>(e, w0, 4);
    store<u32>(e, w1, 8);
    store<u32>(e, w2, 12);
    store<u32>(e, w3, 16);
    store<u32>(e, this.value, 20);
    return 0;
  }
}
