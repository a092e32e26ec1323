// The root task: starts the boot manifest's components, then pages them.
// Layer: root task (AssemblyScript, ring 3), the top.
//
// The kernel starts root's first thread with main(archive, size, firstFree, memoryEnd): the boot
// archive at a window address, its size, and the physical memory root owns, [firstFree,
// memoryEnd), which root sees in its window (memory.ts). Start-up, in order:
//   1. find and check the manifest (manifest.ts) — a bad one is reported and root exits;
//   2. create root's endpoint: every component's pager and its RootTask capability;
//   3. start each component in manifest order (loader.ts, grants.ts);
//   4. serve RootTask on the endpoint forever with the generated dispatch (services.ts): page
//      faults (pager.ts) and the components' requests (threads.ts).

import { manifestComponentCount } from "@sawmill/image/assembly/boot-manifest";
import { ADDRESS_USER_MEMORY } from "@sawmill/kernel/assembly/generated/layout";
import { print, printDec } from "./console";
import { componentsInit } from "./components";
import { serveRootTask } from "./generated/root-task";
import { createEndpoint } from "./kernel";
import { startComponent } from "./loader";
import { openManifest } from "./manifest";
import { memoryInit } from "./memory";
import { RootServices } from "./services";
import { takeSlot } from "./slots";
import { threadsInit } from "./threads";

export const EXIT_BAD_MANIFEST: u32 = 1;
export const EXIT_NO_PAGER: u32 = 2;
/** The generated dispatch returns only when root's endpoint capability is unusable. */
export const EXIT_ENDPOINT_LOST: u32 = 3;

export function main(archiveWindow: u32, archiveSize: u32, firstFree: u32, memoryEnd: u32): u32 {
  const archive = <usize>(archiveWindow - ADDRESS_USER_MEMORY);
  const manifest = openManifest(archive, archiveSize);
  if (manifest == 0) return EXIT_BAD_MANIFEST;
  memoryInit(firstFree, memoryEnd);
  componentsInit(manifest);
  const pager = takeSlot();
  const error = createEndpoint(pager);
  if (error != 0) {
    print("[root] creating the pager endpoint failed with error ");
    printDec(error);
    print("\n");
    return EXIT_NO_PAGER;
  }
  threadsInit();
  const count = manifestComponentCount(manifest);
  for (let i: u32 = 0; i < count; i++) startComponent(archive, manifest, i, pager);
  serveRootTask(pager, new RootServices());
  return EXIT_ENDPOINT_LOST;
}
