/**
 * Requirements: every interface and system call a component requires is provided by a configured
 * component, and no system call has two providers (a call must link to one implementation).
 *
 * Layer: configurator (host). Interface: `checkRequirements`.
 * Invariant: problems are reported at the requiring (or second providing) entry's `package:`.
 */
import type { Placed, Report } from "./report.js";

export function checkRequirements(placed: Placed[], report: Report): void {
  const interfaces = new Set(placed.flatMap((p) => p.component.provides.interfaces));
  const syscalls = providers(placed, report);
  for (const p of placed) {
    const at = [...p.path, "package"];
    const who = `"${p.component.name}"`;
    for (const name of p.component.requires.interfaces) {
      if (!interfaces.has(name)) {
        report(
          at,
          `${who} requires the interface "${name}", which no configured component provides`,
          `add a component that provides "${name}" to components:`,
        );
      }
    }
    for (const call of p.component.requires.syscalls) {
      if (!syscalls.has(call)) {
        report(
          at,
          `${who} calls "${call}", which no configured component provides`,
          `add the library that implements "${call}" to components:`,
        );
      }
    }
  }
}

/** System call → providing component; a second provider is reported. */
function providers(placed: Placed[], report: Report): Map<string, string> {
  const owner = new Map<string, string>();
  for (const p of placed) {
    for (const call of p.component.provides.syscalls) {
      const first = owner.get(call);
      if (first === undefined) owner.set(call, p.component.name);
      else {
        report(
          [...p.path, "package"],
          `"${p.component.name}" and "${first}" both provide the system call "${call}"`,
          "keep one of them: a system call links to one implementation",
        );
      }
    }
  }
  return owner;
}
