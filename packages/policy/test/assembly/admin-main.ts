// Admin component of the concurrency test: slot 1 the policy admin's capability (badge 1),
// slot 2 a vault capability as subject 5. Grants and revokes READ on object 7, ROUNDS times
// each, and after every change checks that the very next read obeys it — while the reader's
// misses keep the vault's thread calling the policy server.
import {
  debugPrint,
  yieldSlice,
  debugCheck as expect,
  debugPrintDecimal as printNumber,
} from "@sawmill/kernel/assembly/user/sys";
import { PolicyClient } from "./policy";
import { VAULT_DENIED, VaultClient } from "./vault";

const ROUNDS: u32 = 16;
const SUBJECT: u32 = 5;
const OBJECT: u32 = 7;
const READ: u32 = 1;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const admin = new PolicyClient(1);
  const vault = new VaultClient(2);
  expect(admin.bind() == 0 && vault.bind() == 0, "admin bind");
  for (let i: u32 = 0; i < ROUNDS; i++) {
    expect(admin.grant(SUBJECT, OBJECT, READ) == 0, "grant");
    expect(vault.read(OBJECT) == 0, "the read right after a grant");
    yieldSlice();
    expect(admin.revoke(SUBJECT, OBJECT, READ) == 0, "revoke");
    expect(vault.read(OBJECT) == VAULT_DENIED, "the read right after a revoke");
    yieldSlice();
  }
  debugPrint("[admin] rounds ");
  printNumber(ROUNDS);
  debugPrint("\n");
  expect(vault.finish() == 0, "admin finish");
  return 0;
}
