// Vault component: an object server whose every read is checked through a policy cache.
// Slot 1: its endpoint; slot 2: a capability to the policy server (not the admin's).
// It counts the checks during which the policy version moved (the moments the old notifying
// policy server deadlocked with its listeners), and ends the run once
// CLIENTS clients have called finish (the concurrency test; the other test's driver ends it).
import { debugExit, debugPrint, debugPrintDecimal as printNumber } from "@sawmill/kernel/assembly/user/sys";
import { PolicyCache } from "./policy-cache";
import { serveVault, VAULT_DENIED, VaultServer } from "./vault";

const READ: u32 = 1;
const CLIENTS: u32 = 2;
const cache = new PolicyCache(2);

class Vault extends VaultServer {
  private changesDuring: u32 = 0;
  private finished: u32 = 0;

  read(object: u32): u32 {
    const version = cache.version;
    const calls = cache.policyCalls;
    const allowed = cache.allowed(this.badge, object, READ);
    if (cache.policyCalls != calls && cache.version != version) this.changesDuring++;
    if (!allowed) return VAULT_DENIED;
    this.result = 0x7000 + object;
    return 0;
  }

  policyCalls(): u32 {
    this.result = cache.policyCalls;
    return 0;
  }

  finish(): u32 {
    if (++this.finished < CLIENTS) return 0;
    debugPrint("[vault] policy calls ");
    printNumber(cache.policyCalls);
    debugPrint(", changes during a check ");
    printNumber(this.changesDuring);
    debugPrint(", version ");
    printNumber(cache.version);
    debugPrint("\n");
    debugExit(0x51);
    return 0;
  }
}

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  if (cache.bind() != 0) debugPrint("FAIL vault bind\n");
  debugPrint("[vault] serving\n");
  return serveVault(1, new Vault());
}
