// The stacked dataspace manager of the memory test: its memory is a dataspace of the anonymous
// manager, paged by this first thread's region mapper; a second thread, paged by that region
// mapper, serves the protocol.
import { ROOT_TASK_SLOT } from "@sawmill/root/assembly/component-slots";
import { serveDataspaces } from "./dataspace";
import { serveRegions } from "./region-mapper";
import { SLOT_ANON, SLOT_MAPPER, SLOT_SERVE } from "./roles";
import { BACKING, StackedManager } from "./stacked";
import { check, startWorker } from "./workers";

const manager = new StackedManager();

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  check(manager.attachBacking(SLOT_ANON), 0x86);
  startWorker(0, 45, SLOT_MAPPER);
  serveRegions(SLOT_MAPPER, ROOT_TASK_SLOT, BACKING, BACKING + 0x1000_0000);
  return 0;
}

export function thread(work: u32, b: u32, c: u32, d: u32): u32 {
  serveDataspaces(SLOT_SERVE, manager);
  return 0;
}
