/**
 * The boot manifest of an image: what root starts, with exactly which rights.
 *
 * Layer: configurator (host). Interface: `bootManifestOf(plan)` → @sawmill/image `BootManifest`
 * plus the per-task grant summary that manifest.json reports (`TaskGrants`).
 * Rules: one manifest component per planned task, in plan order. A task serving interfaces to
 * other tasks gets one endpoint per interface (numbered in name order) in the interface's slot;
 * each client task gets a SEND capability in the same slot, badged with its task index + 1 (so
 * the server tells its clients apart). A colocation group's budget is the sum of its members',
 * its stack and priority the largest; IRQs and ports are the members' own.
 */

import type { BootManifest, ComponentManifest, Grant } from "@sawmill/image";
import { Right } from "@sawmill/kernel";
import type { Plan, PlannedTask } from "./plan.js";
import type { TaskEntry } from "./types.js";

export type TaskGrants = Pick<
  TaskEntry,
  "priority" | "memoryPages" | "stackPages" | "irqs" | "ports" | "serves" | "uses" | "colocated"
>;

export function bootManifestOf(plan: Plan): { manifest: BootManifest; grants: TaskGrants[] } {
  const index = new Map(plan.tasks.map((t, i) => [t.name, i]));
  const grants = plan.tasks.map((task, i) => taskGrants(task, i, plan));
  const components: ComponentManifest[] = plan.tasks.map((task, i) => {
    const g = grants[i]!;
    const list: Grant[] = [
      ...g.serves.map((s) => ({ kind: "endpoint" as const, slot: s.slot, endpoint: s.endpoint })),
      ...g.uses.map((u) => ({
        kind: "client" as const,
        slot: u.slot,
        component: index.get(u.server)!,
        endpoint: endpointNumber(plan.tasks[index.get(u.server)!]!, u.interface),
        badge: u.badge,
        rights: Right.SEND,
      })),
    ];
    return {
      name: task.name,
      priority: g.priority,
      stackPages: g.stackPages,
      memoryPages: g.memoryPages,
      grants: list,
      irqs: g.irqs,
      ports: g.ports,
    };
  });
  return { manifest: { components }, grants };
}

function taskGrants(task: PlannedTask, i: number, plan: Plan): TaskGrants {
  const members = task.members;
  return {
    priority: Math.max(...members.map((m) => m.priority)),
    memoryPages: members.reduce((sum, m) => sum + m.memoryPages, 0),
    stackPages: Math.max(...members.map((m) => m.stackPages)),
    irqs: members.flatMap((m) => m.irqs),
    ports: members.flatMap((m) => m.ports.map((p) => ({ base: p.base, count: p.count }))),
    serves: task.serves.map((iface) => ({
      interface: iface,
      slot: plan.slots.get(iface)!,
      endpoint: endpointNumber(task, iface),
    })),
    uses: task.uses.map((u) => ({
      interface: u.iface,
      slot: plan.slots.get(u.iface)!,
      server: u.server,
      badge: i + 1,
    })),
    colocated: task.colocated,
  };
}

function endpointNumber(server: PlannedTask, iface: string): number {
  return server.serves.indexOf(iface);
}
