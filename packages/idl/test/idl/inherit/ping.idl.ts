// One half of an `extends` cycle across two files (with pong.idl.ts).
import type { Pong } from "./pong.idl.ts";

export interface Ping extends Pong {
  ping(): void;
}
