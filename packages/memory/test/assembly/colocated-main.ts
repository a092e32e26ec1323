// The memory test's colocated client: the anonymous manager is linked into this task (the
// library staged colocated), so a dataspace request is a direct call and the manager's pool
// is this task's own memory. The first thread registers the manager, attaches a shared page
// twice (read-write and read-only) and becomes the region mapper (root its fallback); the
// workers run the separate client's checks, in priority order:
//   PAGING  open, fill and close far more pages than the pool holds (close unmaps the pages
//           this task's regions had from the pool, in the same address space); write the
//           shared page through one view, read it through the other, write the read-only view
//           (fault)
//   DETACH  attach, write, detach, read again (fault: the page is unmapped)
//   DONE    reports and ends the run
import { RIGHTS_RO, RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";
import { debugExit, debugPrint } from "@sawmill/kernel/assembly/user/sys";
import { ROOT_TASK_SLOT } from "@sawmill/root/assembly/component-slots";
import { AnonymousManager } from "./anonymous";
import { detaching, open, reuse, views } from "./checks";
import { PAGE, serveDataspaces } from "./dataspace";
import { attach, RM_OK, serveRegions } from "./region-mapper";
import { MANAGED_END, PAGED, SHARED_RO, SHARED_RW, SLOT_ANON, SLOT_SERVE } from "./roles";
import { check, startWorker } from "./workers";

const WORK_PAGING: u32 = 2;
const WORK_DETACH: u32 = 4;
const WORK_DONE: u32 = 6;
const EXIT_COLOCATED: u32 = 0x71;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  check(serveDataspaces(SLOT_ANON, new AnonymousManager()) == 0, 0x89); // colocated: registers it
  const shared = open(SLOT_ANON, 1);
  check(attach(SLOT_ANON, shared, SHARED_RW, PAGE, RIGHTS_RW) == RM_OK, 0x8a);
  check(attach(SLOT_ANON, shared, SHARED_RO, PAGE, RIGHTS_RO) == RM_OK, 0x8b);
  startWorker(WORK_PAGING, 40, SLOT_SERVE);
  startWorker(WORK_DETACH, 30, SLOT_SERVE);
  startWorker(WORK_DONE, 20, SLOT_SERVE);
  return serveRegions(SLOT_SERVE, ROOT_TASK_SLOT, PAGED, MANAGED_END);
}

export function thread(work: u32, b: u32, c: u32, d: u32): u32 {
  if (work == WORK_PAGING) {
    reuse();
    views();
  }
  if (work == WORK_DETACH) detaching();
  if (work == WORK_DONE) {
    debugPrint("client: colocated run done\n");
    debugExit(EXIT_COLOCATED);
  }
  return 0;
}
