// Test component for RootTask.threadCreate: root refuses bad requests (priority above the
// component's own, eip outside its code, esp outside its memory), starts 15 threads — one on a
// stack of its own in wasm memory, the others on root's stack slots — and the 16th is refused.
// Each thread reports its argument on the endpoint in slot 1 and parks on slot 2. The
// component then thread_controls a thread through the slot root returned.
import { ADDRESS_USER_MEMORY, ERROR_INVALID_ARGUMENT } from "@sawmill/kernel/assembly/generated/layout";
import { getMR, makeTag, recv, send, setMR } from "@sawmill/kernel/assembly/user/ipc";
import { threadEntry, threadSetPriority } from "@sawmill/kernel/assembly/user/objects";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { MAX_THREADS, ROOT_TASK_SLOT, THREAD_SLOT_BASE } from "../../assembly/component-slots";
import { printDec, printHex } from "../../assembly/console";
import {
  ROOT_TASK_BAD_ADDRESS,
  ROOT_TASK_BAD_PRIORITY,
  ROOT_TASK_TOO_MANY_THREADS,
  RootTaskClient,
} from "../../assembly/generated/root-task";

const REPORTS: u32 = 1; // endpoint: threads send their argument here
const PARK: u32 = 2; // endpoint nobody sends to: a reported thread waits here for good
const PRIORITY: u32 = 100; // the manifest's
const BUDGET_END: u32 = ADDRESS_USER_MEMORY + 64 * 4096; // the manifest gives 64 pages
const ownStack = memory.data(4096, 16);

const root = new RootTaskClient(ROOT_TASK_SLOT);
let failures: u32 = 0;

export function thread(argument: u32, b: u32, c: u32, d: u32): u32 {
  setMR(0, argument);
  send(REPORTS, makeTag(0, 1, 0), 0);
  recv(PARK, 0);
  return 0;
}

function expectStatus(what: string, status: u32, wanted: u32): void {
  debugPrint("[spawner] ");
  debugPrint(what);
  debugPrint(": ");
  printHex(status);
  debugPrint("\n");
  if (status != wanted) failures++;
}

function refusals(): void {
  const entry = threadEntry();
  expectStatus("priority above mine", root.threadCreate(entry, 0, PRIORITY + 1, 0), ROOT_TASK_BAD_PRIORITY);
  expectStatus("eip in my data", root.threadCreate(ADDRESS_USER_MEMORY + ownStack, 0, PRIORITY, 0), ROOT_TASK_BAD_ADDRESS);
  expectStatus("eip in the kernel", root.threadCreate(0x100000, 0, PRIORITY, 0), ROOT_TASK_BAD_ADDRESS);
  expectStatus("esp in my code", root.threadCreate(entry, entry, PRIORITY, 0), ROOT_TASK_BAD_ADDRESS);
  expectStatus("esp past my budget", root.threadCreate(entry, BUDGET_END + 4096, PRIORITY, 0), ROOT_TASK_BAD_ADDRESS);
}

/** Thread 1 runs on `ownStack`, the others on root's stack slots; each reports once. */
function spawnAll(): void {
  let slots: u32 = 0;
  for (let i: u32 = 1; i <= MAX_THREADS; i++) {
    const esp = i == 1 ? ADDRESS_USER_MEMORY + ownStack + 4096 : 0;
    const status = root.threadCreate(threadEntry(), esp, PRIORITY, i);
    if (status != 0 || root.result != THREAD_SLOT_BASE + i) failures++;
    else slots++;
  }
  debugPrint("[spawner] threads created in slots 49-63: ");
  printDec(slots);
  debugPrint("\n");
  let seen: u32 = 0;
  for (let i: u32 = 1; i <= MAX_THREADS; i++) {
    recv(REPORTS, 0);
    seen |= 1 << getMR(0);
  }
  debugPrint("[spawner] threads reported: ");
  printHex(seen);
  debugPrint("\n");
  if (seen != 0xfffe) failures++;
}

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  expectStatus("bind", root.bind(), 0);
  refusals();
  spawnAll();
  expectStatus("a 16th thread", root.threadCreate(threadEntry(), 0, PRIORITY, 16), ROOT_TASK_TOO_MANY_THREADS);
  expectStatus("thread 1 to priority 90", threadSetPriority(THREAD_SLOT_BASE + 1, 90), 0);
  expectStatus("thread 1 above mine", threadSetPriority(THREAD_SLOT_BASE + 1, PRIORITY + 1), ERROR_INVALID_ARGUMENT);
  debugPrint(failures == 0 ? "[spawner] all as expected\n" : "[spawner] FAIL\n");
  debugExit(failures == 0 ? 0x5e : 0x5f);
  return 0;
}
