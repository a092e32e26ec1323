// Root of the memory-package boot test: starts the anonymous manager, the stacked manager and
// a client (all test/assembly/child.ts), gives them their endpoints, pages their images,
// stacks and heaps, and is their exception handler: it reports each exception and ends the run
// after the three expected faults (the client's read-only write and unattached read, the
// consumer's write to the buffer shared read-only).
import { getMR, receivedTag, recv, replyRecv, tagLabel } from "@sawmill/kernel/assembly/user/ipc";
import { FAULT_PRESENT, LABEL_PAGE_FAULT } from "@sawmill/kernel/assembly/user/memory";
import { endpointCreate, threadSetExceptionHandler, RIGHT_GRANT, RIGHT_RECEIVE, RIGHT_SEND, RIGHT_WRITE, ROOT_SLOT_FACTORY } from "@sawmill/kernel/assembly/user/objects";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { check, childPage, childThread, createChild, giveCap, mapReply, PAGER, printDec, printHex, rootInit, sender, startChild } from "../../../kernel/test/assembly/memory-lib";
import { INBOX, ROLE_ANON, ROLE_CLIENT, ROLE_CONSUMER, ROLE_STACKED, SHARED_RO, SLOT_ANON, SLOT_CHANNEL, SLOT_FOUR, SLOT_SERVE, SLOT_TASK, UNATTACHED } from "./roles";

const LABEL_EXCEPTION: u32 = 0xfff1;
const ANON: u32 = 1;
const STACKED: u32 = 2;
const CLIENT: u32 = 3;
const CONSUMER: u32 = 4;
/** Root's endpoints: the two managers', and the stacked manager's and the client's region mappers'. */
const ANON_EP: u32 = 10;
const STACKED_EP: u32 = 11;
const STACKED_RM: u32 = 12;
const CLIENT_RM: u32 = 13;
const CHANNEL: u32 = 16;
/** memory-lib keeps child n's task capability in root's slot 20 + 4n. */
function taskSlot(n: u32): u32 {
  return 20 + 4 * n;
}

function child(n: u32, role: u32): void {
  createChild(n, 50, role, 0, 0);
  giveCap(n, taskSlot(n), SLOT_TASK, RIGHT_WRITE);
}

let reported: u32 = 0;

function exception(): void {
  const address = getMR(3);
  debugPrint("root: exception from child ");
  printDec(sender());
  debugPrint(": vector ");
  printDec(getMR(0));
  debugPrint(" address ");
  printHex(address);
  debugPrint(" error ");
  printHex(getMR(2));
  debugPrint("\n");
  if (address == SHARED_RO + 8 || address == UNATTACHED || address == INBOX + 8) reported++;
  if (reported == 3) debugExit(0x70);
}

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  rootInit(archive, firstFree, memoryEnd);
  for (let slot = ANON_EP; slot <= CLIENT_RM; slot++) check(endpointCreate(ROOT_SLOT_FACTORY, slot) == 0, 0x90);
  child(ANON, ROLE_ANON);
  giveCap(ANON, ANON_EP, SLOT_SERVE, RIGHT_SEND | RIGHT_RECEIVE);
  child(STACKED, ROLE_STACKED);
  giveCap(STACKED, STACKED_EP, SLOT_SERVE, RIGHT_SEND | RIGHT_RECEIVE);
  giveCap(STACKED, STACKED_RM, SLOT_FOUR, RIGHT_SEND | RIGHT_RECEIVE);
  giveCap(STACKED, ANON_EP, SLOT_ANON, RIGHT_SEND);
  child(CLIENT, ROLE_CLIENT);
  giveCap(CLIENT, CLIENT_RM, SLOT_SERVE, RIGHT_SEND | RIGHT_RECEIVE);
  giveCap(CLIENT, STACKED_EP, SLOT_FOUR, RIGHT_SEND);
  giveCap(CLIENT, ANON_EP, SLOT_ANON, RIGHT_SEND);
  check(endpointCreate(ROOT_SLOT_FACTORY, CHANNEL) == 0, 0x90);
  giveCap(CLIENT, CHANNEL, SLOT_CHANNEL, RIGHT_SEND | RIGHT_GRANT);
  child(CONSUMER, ROLE_CONSUMER);
  // its own exceptions come to root too (memory-lib keeps the badged pager capability at task + 2)
  check(threadSetExceptionHandler(childThread(CONSUMER), taskSlot(CONSUMER) + 2) == 0, 0x92);
  giveCap(CONSUMER, CHANNEL, SLOT_SERVE, RIGHT_RECEIVE);
  startChild(ANON);
  startChild(STACKED);
  startChild(CLIENT);
  startChild(CONSUMER);
  check(recv(PAGER, 0) == 0, 0x91);
  while (true) {
    const label = tagLabel(receivedTag());
    if (label == LABEL_PAGE_FAULT) {
      // a protection fault is refused, so it reaches the exception handler
      replyRecv(PAGER, mapReply((getMR(2) & FAULT_PRESENT) != 0 ? 0 : childPage(getMR(0))), 0);
      continue;
    }
    if (label == LABEL_EXCEPTION) exception();
    else debugPrint("root: unexpected message\n");
    recv(PAGER, 0); // an exception stays unanswered: its thread stays stopped
  }
  return 0;
}
