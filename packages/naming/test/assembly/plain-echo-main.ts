// Echo service component that knows no name server: serves Echo on its endpoint (slot 1).
// Whoever holds a capability to it registers it (colocated-main.ts).
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { serveEcho } from "./echo";
import { Echo } from "./echo-impl";

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  debugPrint("[echo] serving\n");
  return serveEcho(1, new Echo());
}
