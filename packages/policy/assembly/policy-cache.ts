// The per-server access-check cache, target side: a server links it and asks `allowed(subject,
// object, right)` on every request; only a miss reaches the policy server.
// Layer: ubiquitous-service library (AssemblyScript, linked into a server).
// Interface: `new PolicyCache(policySlot, window = VERSION_WINDOW)`; `bind()` → status (binds
// and maps the policy server's version page read-only at `window`); `allowed(s, o, r)` → bool;
// `version` (the policy version, read from the page); `policyCalls` (checks that reached the
// policy server).
//
// Invariants:
// - Every cached answer carries the version read from the page *before* the question was
//   asked. An answer is used only while the page still shows that version, so a change
//   invalidates every answer at once, with no message and without touching them: the hit path
//   is one extra load and compare. A change that lands while the question is in flight leaves
//   the entry stale (a later miss), never wrong.
// - The page is mapped read-only: the server using the cache can read the version but not
//   set it (a write faults in that server's task).
// - Fail closed: an error from the policy server is a denial and is not cached. Version 0
//   means there is no policy to trust — before a successful bind the version word is a static
//   0 — so every question is denied without asking. (Empty entries carry version 0 too, and
//   answer 0.)

import { ADDRESS_USER_MEMORY, FPAGE_BASE_MASK } from "@sawmill/kernel/assembly/generated/layout";
import { fpage, PAGE_BITS } from "@sawmill/kernel/assembly/user/memory";
import { PolicyClient } from "./policy";

/** Where the version page lands by default: the last page of the wasm memory range. */
export const VERSION_WINDOW: u32 = 0xbfeff000;

const SIZE: i32 = 64; // direct-mapped entries
const ENTRY: i32 = 20; // version, subject, object, right, answer
const entries = memory.data(SIZE * ENTRY);
const unbound = memory.data(4); // the version word until bind maps the real one: 0

export class PolicyCache {
  policyCalls: u32 = 0;
  private client: PolicyClient;
  private window: u32;
  private versionWord: usize = unbound;

  constructor(policySlot: u32, window: u32 = VERSION_WINDOW) {
    this.client = new PolicyClient(policySlot);
    this.window = window;
  }

  /** Binds to the policy server and maps its version page. */
  bind(): u32 {
    let status = this.client.bind();
    if (status != 0) return status;
    status = this.client.versionPage(fpage(this.window, PAGE_BITS, 0));
    if (status != 0) return status;
    this.versionWord = (this.client.result & FPAGE_BASE_MASK) - ADDRESS_USER_MEMORY;
    return 0;
  }

  /** The current policy version: one load from the shared page. */
  get version(): u32 {
    return load<u32>(this.versionWord);
  }

  allowed(subject: u32, object: u32, right: u32): bool {
    const version = this.version;
    const e = entries + <i32>(((subject * 31 + object) * 0x9e3779b1 + right) >> 26) * ENTRY;
    if (load<u32>(e) == version && load<u32>(e, 4) == subject && load<u32>(e, 8) == object && load<u32>(e, 12) == right)
      return load<u32>(e, 16) != 0;
    if (version == 0) return false; // not bound: fail closed
    this.policyCalls++;
    if (this.client.check(subject, object, right) != 0) return false; // fail closed
    const answer = this.client.result;
    store<u32>(e, version); // the version before the question (see the header)
    store<u32>(e, subject, 4);
    store<u32>(e, object, 8);
    store<u32>(e, right, 12);
    store<u32>(e, answer, 16);
    return answer != 0;
  }
}
