// The intra-address-space case: root is the client, a second thread of root's task the server.
import { ioportGrant, ROOT_SLOT_IO_PORTS } from "@sawmill/kernel/assembly/user/devices";
import {
  endpointCreate,
  ERROR_OK,
  ROOT_SLOT_FACTORY,
  ROOT_SLOT_TASK,
  threadCreate,
  threadEntry,
  threadSetRegisters,
  threadStart,
} from "@sawmill/kernel/assembly/user/objects";
import { debugExit } from "@sawmill/kernel/assembly/user/sys";
import { DEBUG_PORT_COUNT, DEBUG_PORTS, measureCalls, REGISTER_TAG, serve } from "./bench";

const USER_MEMORY: u32 = 0x5000_0000;
const ENDPOINT: u32 = 4;
const SERVER_THREAD: u32 = 5;
const stack = memory.data(16384, 16);
const utcb = memory.data(512, 512);

export function thread(endpoint: u32, b: u32, c: u32, d: u32): u32 {
  serve(endpoint);
  return 0;
}

export function main(archive: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  let errors = ioportGrant(ROOT_SLOT_IO_PORTS, ROOT_SLOT_TASK, DEBUG_PORTS, DEBUG_PORT_COUNT, 0);
  errors |= endpointCreate(ROOT_SLOT_FACTORY, ENDPOINT);
  store<u32>(utcb, utcb);
  errors |= threadCreate(ROOT_SLOT_TASK, SERVER_THREAD, threadEntry(), USER_MEMORY + stack + 16384, USER_MEMORY + utcb);
  errors |= threadSetRegisters(SERVER_THREAD, ENDPOINT, 0, 0, 0);
  errors |= threadStart(SERVER_THREAD);
  if (errors == ERROR_OK) errors = measureCalls(ENDPOINT, REGISTER_TAG, 0);
  debugExit(errors == ERROR_OK ? 0x42 : 0x100 + errors);
  return 0;
}
