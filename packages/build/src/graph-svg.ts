/**
 * The component graph of a built image as SVG: tasks as boxes, IPC edges as arrows from client
 * to server labelled with the interface, colocation groups as a box enclosing their members.
 *
 * Layer: configurator (host). Interface: `renderGraphSvg(manifest)` → SVG text.
 * Layout: rows by depth — tasks that call nobody at the bottom, each client one row above the
 * deepest server it calls; plan order within a row. Invariant: deterministic (no randomness,
 * fixed number formatting), so graph.svg is byte-identical for the same manifest.
 */

import type { ImageManifest, TaskEntry } from "./types.js";

const MEMBER_WIDTH = 150;
const MEMBER_HEIGHT = 44;
const PAD = 12;
const ROW_GAP = 70;
const COLUMN_GAP = 40;
const MARGIN = 20;
const TITLE_HEIGHT = 30;

interface Box {
  readonly task: TaskEntry;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function renderGraphSvg(manifest: ImageManifest): string {
  const boxes = layout(manifest.tasks);
  const width = Math.max(300, ...boxes.map((b) => b.x + b.width + MARGIN));
  const height = Math.max(...boxes.map((b) => b.y + b.height + MARGIN), TITLE_HEIGHT + MARGIN);
  const byName = new Map(boxes.map((b) => [b.task.name, b]));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    "<defs>",
    '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#333"/></marker>',
    "</defs>",
    `<text x="${MARGIN}" y="${MARGIN + 4}" font-size="14" font-weight="bold">${escapeXml(manifest.name)}</text>`,
  ];
  for (const box of boxes) parts.push(...drawTask(box));
  for (const box of boxes) {
    for (const use of box.task.uses) {
      const server = byName.get(use.server);
      if (server !== undefined) parts.push(...drawEdge(box, server, use.interface));
    }
  }
  parts.push("</svg>", "");
  return parts.join("\n");
}

function layout(tasks: readonly TaskEntry[]): Box[] {
  const depth = depths(tasks);
  const maxDepth = Math.max(0, ...depth.values());
  const boxes: Box[] = [];
  let y = MARGIN + TITLE_HEIGHT;
  for (let row = maxDepth; row >= 0; row--) {
    let x = MARGIN;
    const inRow = tasks.filter((t) => depth.get(t.name) === row);
    const rowHeight = Math.max(0, ...inRow.map(boxHeight));
    for (const task of inRow) {
      const width = boxWidth(task);
      boxes.push({ task, x, y, width, height: boxHeight(task) });
      x += width + COLUMN_GAP;
    }
    y += rowHeight + ROW_GAP;
  }
  return boxes;
}

/** 0 for a task that calls no other task, else one more than the deepest task it calls. */
function depths(tasks: readonly TaskEntry[]): Map<string, number> {
  const byName = new Map(tasks.map((t) => [t.name, t]));
  const depth = new Map<string, number>();
  const visit = (t: TaskEntry, seen: Set<string>): number => {
    const known = depth.get(t.name);
    if (known !== undefined) return known;
    if (seen.has(t.name)) return 0;
    seen.add(t.name);
    const servers = t.uses.map((u) => byName.get(u.server)).filter((s) => s !== undefined);
    const d = servers.length === 0 ? 0 : 1 + Math.max(...servers.map((s) => visit(s, seen)));
    depth.set(t.name, d);
    return d;
  };
  for (const t of tasks) visit(t, new Set());
  return depth;
}

function isGroup(task: TaskEntry): boolean {
  return task.placement === "colocated";
}

function boxWidth(task: TaskEntry): number {
  if (!isGroup(task)) return MEMBER_WIDTH;
  return task.members.length * MEMBER_WIDTH + (task.members.length + 1) * PAD;
}

function boxHeight(task: TaskEntry): number {
  return isGroup(task) ? MEMBER_HEIGHT + 2 * PAD + 16 : MEMBER_HEIGHT;
}

function drawTask(box: Box): string[] {
  const { task } = box;
  if (!isGroup(task)) {
    const label =
      task.placement === "application" ? `${task.name} + ${task.members.slice(1).join(" + ")}` : task.name;
    return member(box.x, box.y, task.members.length > 1 ? label : task.name, detail(task), fill(task));
  }
  const parts = [
    `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="8" fill="#f4f4ff" stroke="#557" stroke-dasharray="6 3"/>`,
    `<text x="${box.x + PAD}" y="${box.y + 14}" fill="#557">${escapeXml(task.name)} (one address space)</text>`,
  ];
  task.members.forEach((name, i) => {
    parts.push(...member(box.x + PAD + i * (MEMBER_WIDTH + PAD), box.y + PAD + 16, name, "", "#fff"));
  });
  return parts;
}

function member(x: number, y: number, title: string, sub: string, color: string): string[] {
  const parts = [
    `<rect x="${x}" y="${y}" width="${MEMBER_WIDTH}" height="${MEMBER_HEIGHT}" rx="4" fill="${color}" stroke="#333"/>`,
    `<text x="${x + MEMBER_WIDTH / 2}" y="${y + 18}" text-anchor="middle" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  if (sub !== "")
    parts.push(
      `<text x="${x + MEMBER_WIDTH / 2}" y="${y + 34}" text-anchor="middle" fill="#555">${escapeXml(sub)}</text>`,
    );
  return parts;
}

function detail(task: TaskEntry): string {
  const items = [`${task.memoryPages * 4} KiB`];
  if (task.irqs.length > 0) items.push(`IRQ ${task.irqs.join(",")}`);
  if (task.ports.length > 0) items.push(`ports 0x${task.ports[0]!.base.toString(16)}`);
  return items.join(" · ");
}

function fill(task: TaskEntry): string {
  if (task.placement === "application") return "#e8f6e8";
  return task.irqs.length > 0 || task.ports.length > 0 ? "#fdf0e0" : "#e8eefa";
}

function drawEdge(client: Box, server: Box, iface: string): string[] {
  const x1 = client.x + client.width / 2;
  const y1 = client.y + client.height;
  const x2 = server.x + server.width / 2;
  const y2 = server.y;
  return [
    `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#333" marker-end="url(#arrow)"/>`,
    `<text x="${(x1 + x2) / 2 + 6}" y="${(y1 + y2) / 2}" fill="#333">${escapeXml(iface)}</text>`,
  ];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
