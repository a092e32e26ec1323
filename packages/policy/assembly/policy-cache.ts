// The per-server access-check cache, target side: a server links it and asks `allowed(subject,
// object, right)` on every request; only a miss reaches the policy server.
// Interface: `new PolicyCache(policySlot, policyBadge)`, `bind()`, `allowed(s, o, r)` → bool,
// `policyChanged(version, badge)` (call it from the server's `policyChanged` method),
// `policyCalls` counts checks that reached the policy server.
// Invariants: every cached answer carries the policy version it was given under; the cache's
// `version` is the newest it was told about, so an answer is used only when its version equals
// it — one compare on the hit path, and a change announced by the policy server invalidates
// every cached answer at once without touching them. Announcements count only when they come
// through the policy server's badge (no client can fake one to flush or freeze the cache).

import { PolicyClient } from "./policy";

const SIZE: i32 = 64; // direct-mapped entries
const ENTRY: i32 = 20; // version (0 = empty), subject, object, right, answer
const entries = memory.data(SIZE * ENTRY);

export class PolicyCache {
  version: u32 = 1;
  policyCalls: u32 = 0;
  private client: PolicyClient;
  private policyBadge: u32;

  constructor(policySlot: u32, policyBadge: u32) {
    this.client = new PolicyClient(policySlot);
    this.policyBadge = policyBadge;
  }

  bind(): u32 {
    return this.client.bind();
  }

  /** Called for a `policyChanged(version)` request that arrived with `badge`. */
  policyChanged(version: u32, badge: u32): bool {
    if (badge != this.policyBadge) return false;
    if (version > this.version) this.version = version;
    return true;
  }

  allowed(subject: u32, object: u32, right: u32): bool {
    const e = entries + <i32>(((subject * 31 + object) * 0x9e3779b1 + right) >> 26) * ENTRY;
    if (load<u32>(e) == this.version && load<u32>(e, 4) == subject && load<u32>(e, 8) == object && load<u32>(e, 12) == right)
      return load<u32>(e, 16) != 0;
    this.policyCalls++;
    if (this.client.check(subject, object, right) != 0) return false; // fail closed
    const answer = this.client.result;
    store<u32>(e, this.version);
    store<u32>(e, subject, 4);
    store<u32>(e, object, 8);
    store<u32>(e, right, 12);
    store<u32>(e, answer, 16);
    return answer != 0;
  }
}
