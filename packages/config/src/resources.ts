/**
 * Device resources: each IRQ line and each I/O port goes to one component at most.
 *
 * Layer: configurator (host). Interface: `checkResources`.
 * Invariant: a clash is reported once, at the later claimer (in file order), naming the earlier;
 * a range running past port 0xFFFF is reported and claims nothing.
 */
import { type Placed, type Report, settingPath } from "./report.js";
import type { PortRange } from "./types.js";

export function checkResources(placed: Placed[], report: Report): void {
  checkIrqs(placed, report);
  checkPorts(placed, report);
}

function checkIrqs(placed: Placed[], report: Report): void {
  const owner = new Map<number, string>();
  for (const p of placed) {
    p.component.irqs.forEach((irq, i) => {
      const first = owner.get(irq);
      if (first === undefined) owner.set(irq, p.component.name);
      else {
        report(
          settingPath(p, "irqs", String(i)),
          `IRQ ${irq} is claimed by both "${first}" and "${p.component.name}"`,
          "an IRQ line goes to one component: give one of them other irqs: or remove it",
        );
      }
    });
  }
}

function checkPorts(placed: Placed[], report: Report): void {
  const claimed: { range: PortRange; name: string }[] = [];
  for (const p of placed) {
    p.component.ports.forEach((range, i) => {
      const at = settingPath(p, "ports", String(i));
      if (range.base + range.count > PORT_LIMIT) {
        report(
          at,
          `I/O ports ${show(range)} of "${p.component.name}" run past the last port, 0xffff`,
          "lower base or count",
        );
        return;
      }
      const clash = claimed.find((c) => overlap(c.range, range));
      if (clash) {
        report(
          at,
          `I/O ports ${show(range)} of "${p.component.name}" overlap ports ${show(clash.range)} of "${clash.name}"`,
          "an I/O port goes to one component: give one of them other ports: or remove it",
        );
      }
      claimed.push({ range, name: p.component.name });
    });
  }
}

const PORT_LIMIT = 0x10000;

function overlap(a: PortRange, b: PortRange): boolean {
  return a.base < b.base + b.count && b.base < a.base + a.count;
}

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

function show(r: PortRange): string {
  return r.count === 1 ? hex(r.base) : `${hex(r.base)}-${hex(r.base + r.count - 1)}`;
}
