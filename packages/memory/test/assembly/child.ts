// A child of the memory test (roles.ts): the anonymous manager, the stacked manager (paging
// from the anonymous one through its own region mapper), the client (client.ts) or the
// consumer of the client's buffers. main(role) runs its first thread; thread(work) its others.
import { getMR } from "@sawmill/kernel/assembly/user/ipc";
import { debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { printHex } from "@sawmill/root/assembly/console";
import { AnonymousManager } from "./anonymous";
import { acceptBuffer } from "./buffer";
import * as idl from "@sawmill/idl/assembly/runtime";
import { dataspaceClient, PAGE, serveDataspaces } from "./dataspace";
import { serveRegions } from "./region-mapper";
import { BACKING, StackedManager } from "./stacked";
import { clientMain, clientWork } from "./client";
import { ANON, CLIENT, CONSUMER, INBOX, SLOT_ANON, SLOT_MAPPER, SLOT_ROOT, SLOT_SERVE, SLOT_STACKED, STACKED } from "./roles";
import { check, startWorker, wasm } from "./workers";

const WORK_SERVE: u32 = 0x100;
let stacked: StackedManager | null = null;

export function main(role: u32, b: u32, c: u32, d: u32): u32 {
  if (role == ANON) serveDataspaces(SLOT_SERVE, new AnonymousManager());
  if (role == STACKED) stackedMain();
  if (role == CLIENT) clientMain();
  if (role == CONSUMER) consume();
  return 0;
}

export function thread(work: u32, b: u32, c: u32, d: u32): u32 {
  if (work == WORK_SERVE) serveDataspaces(SLOT_SERVE, stacked!);
  else clientWork(work);
  return 0;
}

/** The stacked manager: a thread serving the protocol, paged by this thread's region mapper. */
function stackedMain(): void {
  const manager = new StackedManager();
  stacked = manager;
  check(manager.attachBacking(SLOT_ANON), 0x86);
  startWorker(0, WORK_SERVE, 45, SLOT_MAPPER);
  serveRegions(SLOT_MAPPER, SLOT_ROOT, BACKING, BACKING + 0x1000_0000);
}

/** Consumer: reads the read-only buffer and the transferred one, checks it owns the latter, then writes both. */
function consume(): void {
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
  store<u32>(wasm(INBOX + 8), 1); // must fault: the kernel reports it to root
  debugPrint("consumer: unexpected: wrote the read-only buffer\n");
}
