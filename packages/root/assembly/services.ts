// The RootTask interface as root implements it: the generated dispatch (generated/root-task.ts,
// from idl/root.idl.ts) decodes each message on root's endpoint and calls these methods.
// Layer: root task (AssemblyScript, ring 3).
//
// Interface: `new RootServices()`, served with serveRootTask(endpoint, services) (main.ts).
// The caller is the badge's component (badge = index + 1); a badge root never minted (0, or an
// index beyond the components started) gets NO_MAPPING or NOT_A_COMPONENT and changes nothing.

import { mapItem } from "@sawmill/kernel/assembly/user/memory";
import { isAdopted } from "./components";
import { ROOT_TASK_NOT_A_COMPONENT, ROOT_TASK_NO_MAPPING, RootTaskServer } from "./generated/root-task";
import { PAGE_SIZE } from "./layout";
import { resolveFault } from "./pager";
import { addThread, newestThreadSlot } from "./threads";

export class RootServices extends RootTaskServer {
  threadCreate(eip: u32, esp: u32, priority: u32, argument: u32): u32 {
    const index = this.badge - 1;
    if (!isAdopted(index)) return ROOT_TASK_NOT_A_COMPONENT;
    const status = addThread(index, eip, esp, priority, argument);
    if (status == 0) this.result = newestThreadSlot(index);
    return status;
  }

  pageFault(address: u32, eip: u32, access: u32): u32 {
    const index = this.badge - 1;
    const mapping = isAdopted(index) ? resolveFault(index, address, access) : 0;
    if (mapping == 0) return ROOT_TASK_NO_MAPPING;
    this.item = mapItem(address & ~(PAGE_SIZE - 1));
    this.result = mapping;
    return 0;
  }
}
