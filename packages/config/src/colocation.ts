/**
 * Colocation groups: which components share one address space.
 *
 * Layer: configurator (host). Interface: `checkColocation` (sets `group` on members).
 * The rule: a group has at least two members; each member is a configured driver or server and
 * is in one group only; a group's name is not a component's name (it names the shared task).
 * Libraries are already linked into their users and applications always run alone, so neither
 * may be a member. Drivers with IRQs may share a space; two components can never share I/O
 * ports (checked for every pair in resources.ts), so a group never mixes two owners of one port.
 */
import type { Placed, Report } from "./report.js";
import { closest } from "./suggest.js";

/** `configured` holds every instance name, also of entries already reported as unusable. */
export function checkColocation(
  groups: Record<string, string[]>,
  placed: Placed[],
  configured: ReadonlySet<string>,
  report: Report,
): void {
  const byName = new Map(placed.map((p) => [p.component.name, p]));
  const groupOf = new Map<string, string>();
  for (const [group, members] of Object.entries(groups)) {
    const path = ["colocate", group];
    if (configured.has(group)) {
      report(
        path,
        `colocation group "${group}" has the name of a component`,
        "rename the group; it names the shared address space",
        true,
      );
    }
    if (members.length < 2) {
      report(
        path,
        `colocation group "${group}" has ${members.length === 0 ? "no members" : "only one member"}`,
        "a group needs at least two components; one alone already has its own address space",
      );
    }
    members.forEach((member, i) => {
      const at = [...path, String(i)];
      if (configured.has(member) && !byName.has(member)) return; // its entry is already reported
      const problem = memberProblem(member, byName.get(member), groupOf.get(member), [...configured]);
      if (problem) report(at, problem.message, problem.hint);
      else {
        groupOf.set(member, group);
        byName.get(member)!.component.group = group;
      }
    });
  }
}

function memberProblem(
  member: string,
  placed: Placed | undefined,
  already: string | undefined,
  names: string[],
) {
  if (!placed) {
    const guess = closest(member, names);
    return {
      message: `"${member}" is not a configured component`,
      hint: guess
        ? `did you mean "${guess}"?`
        : "list components by their name (the package name without its scope, or name:)",
    };
  }
  if (already)
    return {
      message: `"${member}" is already in colocation group "${already}"`,
      hint: "a component can be in one group only",
    };
  const kind = placed.component.kind;
  if (kind === "library") {
    return {
      message: `"${member}" is a library and cannot be colocated`,
      hint: "a library is linked into every component that uses it; remove it from the group",
    };
  }
  if (kind === "application") {
    return {
      message: `"${member}" is an application and cannot be colocated`,
      hint: "applications always run in their own address space; remove it from the group",
    };
  }
  return undefined;
}
