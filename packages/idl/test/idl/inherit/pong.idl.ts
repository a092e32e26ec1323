// The other half of the cycle (ping.idl.ts).
import type { Ping } from "./ping.idl.ts";

export interface Pong extends Ping {
  pong(): void;
}
