// The stub benchmark's program (ring 0, @sawmill/bare-runtime, fake kernel on int 0x30 from
// tools/bench/src/fake-kernel.ts). "./bench-idl" is the generated module of one placement; this
// file is the same for both. The implementation's methods do nothing (return OK), so what is
// measured is the stubs, not the work.
import { BenchClient, BenchServer, serveBench } from "./bench-idl";

@external("bench", "install") declare function install(): void;
@external("bench", "set_reply") declare function setReply(eax: u32, ecx: u32, edx: u32, ebx: u32, esi: u32, edi: u32, ebp: u32): void;

const SLOT: u32 = 1;

class Impl extends BenchServer {
  args0(): u32 { return 0; }
  args2(a: u32, b: u32): u32 { return 0; }
  args4(a: u32, b: u32, c: u32, d: u32): u32 { return 0; }
  buffer(offset: u32, length: u32): u32 { return 0; }
}

const client = new BenchClient(SLOT);

/** Installs the fake kernel (its replies: status OK) and binds the client. */
export function setup(): u32 {
  install();
  setReply(0, 0x10000, 0, 0, 0, 0, 0);
  return client.bind();
}

/**
 * The server: colocated, this registers it and returns; separate, it is the dispatch loop, fed
 * the request `tag` with words 1 2 3 4 by the fake kernel until its budget ends the run.
 */
export function serve(tag: u32): u32 {
  setReply(0, tag, 1, 2, 3, 4, 7);
  return serveBench(SLOT, new Impl());
}

export function args0(): u32 { return client.args0(); }
export function args2(): u32 { return client.args2(1, 2); }
export function args4(): u32 { return client.args4(1, 2, 3, 4); }
export function buffer(): u32 { return client.buffer(64, 128); }
