/**
 * The root task's static limits that a configuration can exceed: the number of tasks it starts.
 *
 * Layer: configurator (host). Interface: `MAX_TASKS`, `checkTaskCount`.
 * Invariant: a colocation group is one task; libraries are none.
 */
import type { Placed, Report } from "./report.js";

/** Root's component table holds 32 entries (MAX_COMPONENTS in packages/root/assembly/layout.ts). */
export const MAX_TASKS = 32;

export function checkTaskCount(placed: Placed[], report: Report): void {
  const tasks = new Set<string>();
  for (const p of placed) {
    if (p.component.kind === "library") continue;
    const task = p.component.group ?? `component ${p.component.name}`;
    if (tasks.has(task)) continue;
    tasks.add(task);
    if (tasks.size === MAX_TASKS + 1) {
      report(
        [...p.path, "package"],
        `"${p.component.name}" would be task ${MAX_TASKS + 1}; the root task starts at most ${MAX_TASKS}`,
        "colocate some components, or leave some out",
      );
    }
  }
}
