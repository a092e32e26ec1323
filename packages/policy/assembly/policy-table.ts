// The security-policy server, target side: implements the generated `PolicyServer`.
// Interface: `new PolicyTable(adminBadge, listeners, count)`, served with `servePolicy(slot, t)`.
// `listeners` is the first of `count` consecutive capability slots, each a SEND capability to
// a server that holds a policy cache.
// Invariants: only requests through the admin's badge change the policy; every change raises
// `current` (the version) and is announced to every listener before the admin gets its reply, so when the
// admin's grant/revoke returns, no cache answers from the old policy any more. The
// announcement is a call with label 1 and one word (the new version): a listening server's
// interface declares `policyChanged(version: u32): void` as its first method.

import { call, makeTag, setMR } from "@sawmill/kernel/assembly/user/ipc";
import { PolicyServer, POLICY_DENIED, POLICY_FULL } from "./policy";

const CAPACITY: i32 = 64;
const ENTRY: i32 = 16; // used, subject, object, rights
const table = memory.data(CAPACITY * ENTRY);
const POLICY_CHANGED_TAG: u32 = 0x10001; // label 1 (policyChanged), 1 word

export class PolicyTable extends PolicyServer {
  current: u32 = 1;
  private admin: u32;
  private listeners: u32;
  private listenerCount: u32;

  constructor(admin: u32, listeners: u32, listenerCount: u32) {
    super();
    this.admin = admin;
    this.listeners = listeners;
    this.listenerCount = listenerCount;
  }

  check(subject: u32, object: u32, right: u32): u32 {
    const e = find(subject, object);
    this.result = e != 0 && (load<u32>(e, 12) & right) == right ? 1 : 0;
    return 0;
  }

  grant(subject: u32, object: u32, rights: u32): u32 {
    if (this.badge != this.admin) return POLICY_DENIED;
    let e = find(subject, object);
    if (e == 0) e = allocate(subject, object);
    if (e == 0) return POLICY_FULL;
    store<u32>(e, load<u32>(e, 12) | rights, 12);
    this.changed();
    return 0;
  }

  revoke(subject: u32, object: u32, rights: u32): u32 {
    if (this.badge != this.admin) return POLICY_DENIED;
    const e = find(subject, object);
    if (e != 0) store<u32>(e, load<u32>(e, 12) & ~rights, 12);
    this.changed();
    return 0;
  }

  version(): u32 {
    this.result = this.current;
    return 0;
  }

  private changed(): void {
    this.current++;
    for (let i: u32 = 0; i < this.listenerCount; i++) {
      setMR(0, this.current);
      call(this.listeners + i, POLICY_CHANGED_TAG, 0);
    }
  }
}

function find(subject: u32, object: u32): usize {
  for (let i = 0; i < CAPACITY; i++) {
    const e = table + i * ENTRY;
    if (load<u32>(e) != 0 && load<u32>(e, 4) == subject && load<u32>(e, 8) == object) return e;
  }
  return 0;
}

function allocate(subject: u32, object: u32): usize {
  for (let i = 0; i < CAPACITY; i++) {
    const e = table + i * ENTRY;
    if (load<u32>(e) != 0) continue;
    store<u32>(e, 1);
    store<u32>(e, subject, 4);
    store<u32>(e, object, 8);
    return e;
  }
  return 0;
}
