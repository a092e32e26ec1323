// Vault component: an object server whose every read is checked through a policy cache.
// Slot 1: its endpoint; slot 2: a capability to the policy server. The policy server's
// capability to the vault carries badge 0x99.
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { PolicyCache } from "./policy-cache";
import { serveVault, VAULT_DENIED, VaultServer } from "./vault";

const READ: u32 = 1;
const cache = new PolicyCache(2, 0x99);

class Vault extends VaultServer {
  policyChanged(version: u32): u32 {
    return cache.policyChanged(version, this.badge) ? 0 : VAULT_DENIED;
  }

  read(object: u32): u32 {
    if (!cache.allowed(this.badge, object, READ)) return VAULT_DENIED;
    this.result = 0x7000 + object;
    return 0;
  }

  policyCalls(): u32 {
    this.result = cache.policyCalls;
    return 0;
  }
}

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  if (cache.bind() != 0) debugPrint("FAIL vault bind\n");
  debugPrint("[vault] serving\n");
  return serveVault(1, new Vault());
}
