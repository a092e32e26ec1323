/**
 * Memory: the components' budgets and the system's own share fit in the target's memory.
 *
 * Layer: configurator (host). Interface: `SYSTEM_RESERVED_PAGES`, `checkMemory`.
 * Invariant: a budget is the most root will ever hand a component (code, data, stack, heap; see
 * the root task's resource accounting), so the sum of budgets bounds what the components use.
 */
import type { Report } from "./report.js";
import { PAGE_SIZE, sizeInPages } from "./sizes.js";
import type { ResolvedComponent } from "./types.js";

/**
 * Kept for the system itself: the first MiB (BIOS, real-mode areas), the kernel image, its page
 * tables and kernel memory, the root task and the boot archive. A planning figure, 4 MiB.
 */
export const SYSTEM_RESERVED_PAGES = 1024;

export function checkMemory(targetMemory: string, components: ResolvedComponent[], report: Report): void {
  const available = sizeInPages(targetMemory);
  if (available === undefined) {
    report(
      ["target", "memory"],
      `memory ${targetMemory} is not a whole number of 4 KiB pages`,
      "use whole MiB, e.g. 64MiB",
    );
    return;
  }
  const budgets = components.reduce((sum, c) => sum + c.memoryPages, 0);
  const needed = budgets + SYSTEM_RESERVED_PAGES;
  if (needed > available) {
    report(
      ["target", "memory"],
      `the components' memory budgets (${kib(budgets)}) and the system's 4MiB need ${kib(needed)}, more than the ${targetMemory} of the target`,
      `give the target at least ${Math.ceil((needed * PAGE_SIZE) / 2 ** 20)}MiB or lower some memory: budgets`,
    );
  }
}

function kib(pages: number): string {
  const bytes = pages * PAGE_SIZE;
  return bytes % 2 ** 20 === 0 ? `${bytes / 2 ** 20}MiB` : `${bytes / 1024}KiB`;
}
