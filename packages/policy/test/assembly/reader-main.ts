// Reader component of the concurrency test: slot 1 a vault capability as subject 6, who holds
// no rights. Reads a new object every time, so every read is a miss that keeps the vault's
// thread in a call to the policy server, and yields between reads so that it is ready
// whenever the admin changes the policy.
import {
  debugPrint,
  yieldSlice,
  debugCheck as expect,
  debugPrintDecimal as printNumber,
} from "@sawmill/kernel/assembly/user/sys";
import { VAULT_DENIED, VaultClient } from "./vault";

const READS: u32 = 64;
const FIRST_OBJECT: u32 = 100;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const vault = new VaultClient(1);
  expect(vault.bind() == 0, "reader bind");
  for (let i: u32 = 0; i < READS; i++) {
    expect(vault.read(FIRST_OBJECT + i) == VAULT_DENIED, "reader denied");
    yieldSlice();
  }
  debugPrint("[reader] reads ");
  printNumber(READS);
  debugPrint("\n");
  expect(vault.finish() == 0, "reader finish");
  return 0;
}
