// Test driver component: slot 1 is the policy admin's capability (badge 1), slot 2 a client
// capability to the vault (badge 5: subject 5), slot 3 a policy capability without the admin's
// badge (badge 5 as well).
import {
  debugExit,
  debugPrint,
  debugCheck as expect,
  debugPrintDecimal as printNumber,
} from "@sawmill/kernel/assembly/user/sys";
import { POLICY_DENIED, PolicyClient } from "./policy";
import { VAULT_DENIED, VaultClient } from "./vault";

const SUBJECT: u32 = 5;
const OBJECT: u32 = 7;
const READ: u32 = 1;

function policyCalls(vault: VaultClient): u32 {
  expect(vault.policyCalls() == 0, "policyCalls");
  return vault.result;
}

function version(policy: PolicyClient): u32 {
  expect(policy.version() == 0, "version");
  return policy.result;
}

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const admin = new PolicyClient(1);
  const vault = new VaultClient(2);
  const intruder = new PolicyClient(3);
  expect(admin.bind() == 0 && vault.bind() == 0 && intruder.bind() == 0, "bind");
  expect(vault.read(OBJECT) == VAULT_DENIED, "read before grant");
  expect(vault.read(OBJECT) == VAULT_DENIED, "read before grant, cached");
  expect(intruder.grant(SUBJECT, OBJECT, READ) == POLICY_DENIED, "grant by a non-admin refused");
  expect(intruder.revoke(SUBJECT, OBJECT, READ) == POLICY_DENIED, "revoke by a non-admin refused");
  expect(version(intruder) == 1, "a refused change leaves the version");
  expect(vault.read(OBJECT) == VAULT_DENIED, "read after the refused grant");
  expect(admin.grant(SUBJECT, OBJECT, READ) == 0, "grant");
  for (let i = 0; i < 5; i++) expect(vault.read(OBJECT) == 0 && vault.result == 0x7007, "read after grant");
  const afterGrant = policyCalls(vault);
  expect(admin.revoke(SUBJECT, OBJECT, READ) == 0, "revoke");
  expect(vault.read(OBJECT) == VAULT_DENIED, "read after revoke");
  const afterRevoke = policyCalls(vault);
  expect(admin.revoke(SUBJECT, OBJECT, READ) == 0, "revoke again");
  expect(vault.read(OBJECT) == VAULT_DENIED && policyCalls(vault) == afterRevoke, "a no-op revoke keeps the cache");
  debugPrint("[driver] policy calls after grant and 5 reads ");
  printNumber(afterGrant);
  debugPrint(", after revoke and a read ");
  printNumber(afterRevoke);
  debugPrint(", version ");
  printNumber(version(admin));
  debugPrint("\n");
  debugExit(0x51);
  return 0;
}
