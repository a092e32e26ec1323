// The security-policy server, target side: implements the generated `PolicyServer`.
// Layer: resource server (AssemblyScript, ring 3). Interface: `new PolicyTable(adminBadge)`,
// served with `servePolicy(slot, table)`; `versionPage()` maps the version page read-only into
// the caller (a `PolicyCache` does it once, at bind time).
//
// Invariants:
// - Only requests through the admin's badge change the policy.
// - The version lives in a page of its own (word 0; nothing else is on the page, since every
//   cache can read all of it). Every change raises it there before `grant`/`revoke` returns,
//   so before the admin's reply leaves: when the admin's call returns, every cache — sharing
//   the physical page — already sees the new version.
// - The server never calls anyone. A cache whose thread is blocked in a `check` at the moment
//   of a change costs nothing: the change is a store, not a message (the notification this
//   replaces could deadlock with exactly that thread).

import * as idl from "@sawmill/idl/assembly/runtime";
import { ADDRESS_USER_MEMORY, FPAGE_RIGHT_READ } from "@sawmill/kernel/assembly/generated/layout";
import { fpage, PAGE_BITS } from "@sawmill/kernel/assembly/user/memory";
import { POLICY_DENIED, POLICY_FULL, PolicyServer } from "./policy";

const CAPACITY: i32 = 64;
const ENTRY: i32 = 16; // used, subject, object, rights
const table = memory.data(CAPACITY * ENTRY);
const versionWord = memory.data(1 << PAGE_BITS, 1 << PAGE_BITS); // the version, alone on its page

export class PolicyTable extends PolicyServer {
  private admin: u32;

  constructor(admin: u32) {
    super();
    this.admin = admin;
    store<u32>(versionWord, 1); // also maps the page here, so there is something to map on
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
    setRights(e, load<u32>(e, 12) | rights);
    return 0;
  }

  revoke(subject: u32, object: u32, rights: u32): u32 {
    if (this.badge != this.admin) return POLICY_DENIED;
    const e = find(subject, object);
    if (e != 0) setRights(e, load<u32>(e, 12) & ~rights);
    return 0;
  }

  version(): u32 {
    this.result = load<u32>(versionWord);
    return 0;
  }

  versionPage(): u32 {
    const address = ADDRESS_USER_MEMORY + <u32>versionWord;
    this.item = idl.mapItem(address);
    this.result = fpage(address, PAGE_BITS, FPAGE_RIGHT_READ); // read-only: no cache can move it
    return 0;
  }
}

/** Stores the rights of entry `e`; a real change raises the version (a no-op invalidates nothing). */
function setRights(e: usize, rights: u32): void {
  if (load<u32>(e, 12) == rights) return;
  store<u32>(e, rights, 12);
  store<u32>(versionWord, load<u32>(versionWord) + 1);
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
