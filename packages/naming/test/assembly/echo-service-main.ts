// Echo service component: slot 1 is its endpoint, slot 2 a send+grant capability to the name
// server. Registers a send-only copy of its endpoint, badged ECHO_BADGE, as "echo", then serves.
import { capCopy, RIGHT_SEND } from "@sawmill/kernel/assembly/user/objects";
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { serveEcho } from "./echo";
import { Echo } from "./echo-impl";
import { NameCache } from "./name-cache";

const ENDPOINT: u32 = 1;
const NAME_SERVER: u32 = 2;
/** Where the registered copy of the endpoint is made; its badge tells the service's callers apart. */
const ECHO_CAP: u32 = 8;
const ECHO_BADGE: u32 = 7;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const names = new NameCache(NAME_SERVER, 0, 0); // registers only: no slots for resolutions
  if (capCopy(ENDPOINT, 0, ECHO_CAP, ECHO_BADGE, RIGHT_SEND) != 0) debugPrint("FAIL [echo] copy\n");
  if (names.bind() != 0 || names.register("echo", ECHO_CAP) != 0) debugPrint("FAIL [echo] register\n");
  debugPrint("[echo] registered\n");
  return serveEcho(ENDPOINT, new Echo());
}
