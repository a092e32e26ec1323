// Policy server component: serves Policy on slot 1; the admin's badge is 1.
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { servePolicy } from "./policy";
import { PolicyTable } from "./policy-table";

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  debugPrint("[policy] serving\n");
  return servePolicy(1, new PolicyTable(1));
}
