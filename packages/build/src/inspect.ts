/**
 * Inspecting a built image: its manifest.json, and a text table of it for the CLI.
 *
 * Layer: configurator (host). Interface: `inspectImage(path, options)` → `ImageManifest` (path:
 * an output directory, a manifest.json, or a configuration, which is built first — a cached
 * rebuild); `formatInspection(manifest)` → the table `sawmill inspect` prints.
 */

import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildImage } from "./build-image.js";
import type { BuildOptions, ImageManifest } from "./types.js";

export async function inspectImage(path: string, options: BuildOptions = {}): Promise<ImageManifest> {
  if (/\.ya?ml$/i.test(path)) return (await buildImage(path, options)).manifest;
  const file = statSync(path).isDirectory() ? join(path, "manifest.json") : path;
  return JSON.parse(readFileSync(file, "utf8")) as ImageManifest;
}

export function formatInspection(m: ImageManifest): string {
  const rows = [["task", "placement", "members", "text", "rodata", "data", "ELF", "budget", "IRQs", "ports"]];
  for (const t of m.tasks) {
    rows.push([
      t.name,
      t.placement,
      t.members.join("+"),
      String(t.size.text),
      String(t.size.rodata),
      String(t.size.data),
      String(t.size.elf),
      `${t.memoryPages * 4}KiB`,
      t.irqs.join(",") || "-",
      t.ports.map((p) => `0x${p.base.toString(16)}+${p.count}`).join(",") || "-",
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = [`image ${m.name}: multiboot ELF ${m.sizes.elf} bytes, disk image ${m.sizes.disk} bytes`, ""];
  for (const r of rows)
    lines.push(
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    );
  lines.push("", "system calls:");
  for (const s of m.syscalls)
    lines.push(`  ${s.name.padEnd(8)} provided by ${s.provider}, called by ${s.applications.join(", ")}`);
  lines.push("", "IPC:");
  for (const t of m.tasks) {
    for (const u of t.uses)
      lines.push(`  ${t.name} → ${u.server}: ${u.interface} (slot ${u.slot}, badge ${u.badge})`);
    for (const c of t.colocated) lines.push(`  ${t.name}: ${c} (colocated, direct calls)`);
  }
  if (m.pruned.length > 0) lines.push("", `left out (not needed): ${m.pruned.join(", ")}`);
  return `${lines.join("\n")}\n`;
}
