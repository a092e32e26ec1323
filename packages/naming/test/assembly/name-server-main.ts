// Name server component: serves Names on its endpoint (slot 1). A registered capability arrives
// in slot 2; the table keeps up to 4 names, their capabilities in slots 16–19 (small, so the
// test can fill it).
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { NameTable } from "./name-table";
import { serveNames } from "./names";

const ENDPOINT: u32 = 1;
const RECEIVE_SLOT: u32 = 2;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  debugPrint("[names] serving\n");
  return serveNames(ENDPOINT, new NameTable(RECEIVE_SLOT, 16, 4), RECEIVE_SLOT);
}
