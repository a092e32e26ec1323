// Name server component: serves Names on slot 1.
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { serveNames } from "./names";
import { NameTable } from "./name-table";

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  debugPrint("[names] serving\n");
  return serveNames(1, new NameTable());
}
