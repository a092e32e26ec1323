// I/O ports as granted ranges. Layer: kernel resources (AssemblyScript).
//
// Interface:
//   ioportGrant(thread) → error code — the IOPORT_GRANT system call: eax slot = an IO_PORTS
//       capability, MR0 (edx) = slot of the target's TASK capability (WRITE), MR1 (ebx) = first
//       port, MR2 (esi) = number of ports, MR3 (edi) bit 0 = revoke (deny the range again); the
//       range must lie in the capability's and the task must be alive.
//   loadIoMap(task) — the CPU hook: called whenever a thread of a different task is activated,
//       it makes `task`'s permissions the CPU's (cpu.ts activate()).
//   releaseIoMap(task) — frees a dying task's bitmap frames (lifecycle.ts killTask).
//
// Design: an IO_PORTS capability covers the ports OBJECT & 0xFFFF .. OBJECT >> 16; the root
// task's covers all 65536. A task's permissions are an 8 KiB bitmap (bit clear = allowed) in two
// frames, TASK_IO_BITMAP for ports below 0x8000 and TASK_IO_BITMAP_HIGH for the rest, each
// allocated on the first grant into its half (a missing half denies every port in it). The TSS
// has room for one bitmap after it. A task without a bitmap runs with the TSS's I/O map base at
// NO_IO_MAP (beyond the TSS limit: every port faults); a task with one runs with the base at the
// TSS's own bitmap, which holds a copy of that task's bitmap. CPU.IO_MAP_OWNER (which the IPC
// fast path reads too) caches whose bitmap the TSS holds, so switching between a driver and
// tasks without ports costs a 16-bit store and copies 8 KiB only when a different task with
// ports runs. Invariant: the owner's bitmap is unchanged since it was copied — every grant into
// a task clears the cache if it names that task.

import { currentTask, NO_IO_MAP } from "./cpu";
import { allocFrame, freeFrame, PAGE_SIZE } from "./frames";
import {
  ADDRESS_CPU,
  ADDRESS_TSS,
  CAPTYPE_IO_PORTS,
  CAPTYPE_TASK,
  CPU_IO_MAP_OWNER,
  ERROR_INVALID_ARGUMENT,
  ERROR_NO_MEMORY,
  ERROR_OK,
  RIGHT_WRITE,
  TASK_IO_BITMAP,
  TASK_IO_BITMAP_HIGH,
  TASK_STATE,
  THREAD_EBX,
  THREAD_EDI,
  THREAD_EDX,
  THREAD_ESI,
  TSS_IO_MAP_BASE,
  TSS_SIZE,
} from "./generated/layout";
import { callerCap, capObject, isCapError, lookupCap } from "./captable";
import { TASK_ALIVE } from "./task";
import { threadTask } from "./thread";

const PORTS: u32 = 0x1_0000;
const HALF_PORTS: u32 = PORTS / 2;
const REVOKE: u32 = 1;

/** `loadedOwner`, kept in CPU.IO_MAP_OWNER: the IPC fast path reads it (src/entry/fastpath.ts). */
const LOADED_OWNER: u32 = ADDRESS_CPU + CPU_IO_MAP_OWNER;

export function ioportGrant(thread: u32): u32 {
  const ports = callerCap(thread, CAPTYPE_IO_PORTS, 0);
  if (isCapError(ports)) return ports;
  const target = lookupCap(threadTask(thread), load<u32>(thread + THREAD_EDX), CAPTYPE_TASK, RIGHT_WRITE);
  if (isCapError(target)) return target;
  const first = load<u32>(thread + THREAD_EBX);
  const count = load<u32>(thread + THREAD_ESI);
  if (!rangeInside(first, count, capObject(ports))) return ERROR_INVALID_ARGUMENT;
  if (load<u32>(capObject(target) + TASK_STATE) != TASK_ALIVE) return ERROR_INVALID_ARGUMENT; // its bitmap is gone
  const allow = (load<u32>(thread + THREAD_EDI) & REVOKE) == 0;
  return setPorts(capObject(target), first, count, allow) ? ERROR_OK : ERROR_NO_MEMORY;
}

export function loadIoMap(task: u32): void {
  const low = load<u32>(task + TASK_IO_BITMAP);
  const high = load<u32>(task + TASK_IO_BITMAP_HIGH);
  if (low == 0 && high == 0) {
    store<u16>(ADDRESS_TSS + TSS_IO_MAP_BASE, NO_IO_MAP);
    return;
  }
  store<u16>(ADDRESS_TSS + TSS_IO_MAP_BASE, <u16>TSS_SIZE);
  if (load<u32>(LOADED_OWNER) == task) return;
  copyHalf(ADDRESS_TSS + TSS_SIZE, low);
  copyHalf(ADDRESS_TSS + TSS_SIZE + PAGE_SIZE, high);
  store<u32>(LOADED_OWNER, task);
}

export function releaseIoMap(task: u32): void {
  if (load<u32>(LOADED_OWNER) == task) store<u32>(LOADED_OWNER, 0);
  for (let field = TASK_IO_BITMAP; field <= TASK_IO_BITMAP_HIGH; field += 4) {
    const frame = load<u32>(task + field);
    if (frame != 0) freeFrame(frame);
    store<u32>(task + field, 0);
  }
}

/** True when [first, first + count) is non-empty and inside the capability's range. */
function rangeInside(first: u32, count: u32, range: u32): bool {
  if (count == 0 || first >= PORTS || count > PORTS - first) return false;
  return first >= (range & 0xffff) && first + count - 1 <= range >> 16;
}

function setPorts(task: u32, first: u32, count: u32, allow: bool): bool {
  if (load<u32>(LOADED_OWNER) == task) store<u32>(LOADED_OWNER, 0);
  const end = first + count;
  for (let port = first; port < end; port++) {
    const half = halfFor(task, port, allow);
    if (half == 0) {
      if (allow) return false;
      continue;
    }
    const byte = half + ((port & (HALF_PORTS - 1)) >> 3);
    const bit: u8 = 1 << <u8>(port & 7);
    store<u8>(byte, allow ? load<u8>(byte) & ~bit : load<u8>(byte) | bit);
  }
  if (task == currentTask()) loadIoMap(task);
  return true;
}

/** The bitmap frame holding `port`'s bit; allocated (all denied) only when allowing. */
function halfFor(task: u32, port: u32, allocate: bool): u32 {
  const field = task + (port < HALF_PORTS ? TASK_IO_BITMAP : TASK_IO_BITMAP_HIGH);
  let half = load<u32>(field);
  if (half != 0 || !allocate) return half;
  half = allocFrame();
  if (half == 0) return 0;
  memory.fill(half, 0xff, PAGE_SIZE);
  store<u32>(field, half);
  return half;
}

function copyHalf(destination: u32, half: u32): void {
  if (half == 0) memory.fill(destination, 0xff, PAGE_SIZE);
  else memory.copy(destination, half, PAGE_SIZE);
}
