// Test driver component: slot 1 is the policy admin's capability (badge 1), slot 2 a client
// capability to the vault (badge 5: subject 5).
import { debugExit, debugPrint, debugPutc } from "@sawmill/kernel/assembly/user/sys";
import { PolicyClient } from "./policy";
import { VAULT_DENIED, VaultClient } from "./vault";

const SUBJECT: u32 = 5;
const OBJECT: u32 = 7;
const READ: u32 = 1;

function fail(what: string): void {
  debugPrint("FAIL ");
  debugPrint(what);
  debugPrint("\n");
}

function printNumber(n: u32): void {
  if (n >= 10) printNumber(n / 10);
  debugPutc(0x30 + (n % 10));
}

function policyCalls(vault: VaultClient): u32 {
  if (vault.policyCalls() != 0) fail("policyCalls");
  return vault.result;
}

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const admin = new PolicyClient(1);
  const vault = new VaultClient(2);
  if (admin.bind() != 0 || vault.bind() != 0) fail("bind");
  if (vault.read(OBJECT) != VAULT_DENIED) fail("read before grant");
  if (vault.read(OBJECT) != VAULT_DENIED) fail("read before grant, cached");
  if (vault.policyChanged(99) != VAULT_DENIED) fail("forged policy change accepted");
  if (admin.grant(SUBJECT, OBJECT, READ) != 0) fail("grant");
  for (let i = 0; i < 5; i++) if (vault.read(OBJECT) != 0 || vault.result != 0x7007) fail("read after grant");
  const afterGrant = policyCalls(vault);
  if (admin.revoke(SUBJECT, OBJECT, READ) != 0) fail("revoke");
  if (vault.read(OBJECT) != VAULT_DENIED) fail("read after revoke");
  if (admin.version() != 0 || admin.result != 3) fail("version");
  debugPrint("[driver] policy calls after grant and 5 reads ");
  printNumber(afterGrant);
  debugPrint(", after revoke and a read ");
  printNumber(policyCalls(vault));
  debugPrint("\n");
  debugExit(0x51);
  return 0;
}
