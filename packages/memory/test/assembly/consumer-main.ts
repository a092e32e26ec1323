// The consumer of the memory test: a thread (the monitor its exception handler) accepts the
// buffer the client shares read-only and the dataspace it transfers, reads both, checks it
// owns the second, writes it, then writes the read-only one (a fault). Its first thread parks.
import * as idl from "@sawmill/idl/assembly/runtime";
import { getMR } from "@sawmill/kernel/assembly/user/ipc";
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { printHex } from "@sawmill/root/assembly/console";
import { acceptBuffer } from "./buffer";
import { dataspaceClient, PAGE } from "./dataspace";
import { INBOX, SLOT_PARK, SLOT_SERVE, SLOT_STACKED } from "./roles";
import { check, park, startWorker, wasm } from "./workers";

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  startWorker(0, 45, 0);
  park(SLOT_PARK);
  return 0;
}

export function thread(work: u32, b: u32, c: u32, d: u32): u32 {
  check(acceptBuffer(SLOT_SERVE, INBOX, 12) == 0, 0x8e);
  check(acceptBuffer(SLOT_SERVE, INBOX + PAGE, 12) == 0, 0x8f);
  const id = getMR(0);
  debugPrint("consumer: shared buffer says ");
  printHex(load<u32>(wasm(INBOX + 8)));
  debugPrint(", transferred buffer says ");
  printHex(load<u32>(wasm(INBOX + PAGE + 4)));
  debugPrint("\nconsumer: the stacked manager says its size is ");
  const stacked = dataspaceClient(SLOT_STACKED)!;
  printHex(stacked.size(id) == idl.STATUS_OK ? stacked.result : 0);
  debugPrint("\n");
  store<u32>(wasm(INBOX + PAGE + 4), 0x600d);
  store<u32>(wasm(INBOX + 8), 1); // must fault: the kernel reports it to the monitor
  debugPrint("consumer: unexpected: wrote the read-only buffer\n");
  return 0;
}
