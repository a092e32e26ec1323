// The anonymous dataspace manager of the memory test: serves the protocol on its endpoint.
import { AnonymousManager } from "./anonymous";
import { serveDataspaces } from "./dataspace";
import { SLOT_SERVE } from "./roles";

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  serveDataspaces(SLOT_SERVE, new AnonymousManager());
  return 0;
}
