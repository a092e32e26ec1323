/**
 * From configured entries to resolved components: instance names, package resolution, the
 * package's kind against the list it is in, settings against what the package allows, sizes to
 * pages and every default applied.
 *
 * Layer: configurator (host). Interface: `resolveInstances`, `DEFAULTS`.
 * Invariant: an entry whose package cannot be used is reported once (at its `package:` value) and
 * left out, so later checks see only usable components; `complete` tells them whether any was.
 */
import { join } from "node:path";
import type { SourceLocation } from "./diagnostic.js";
import type { Placed, Report } from "./report.js";
import { type ResolveOptions, resolvePackage } from "./resolve.js";
import { sizeInPages } from "./sizes.js";
import type { ImageConfig, InstanceConfig, Kind, ResolvedComponent, ResolvedPackage } from "./types.js";

/** Defaults for what neither the configuration nor the package says. */
export const DEFAULTS = {
  priority: { driver: 90, server: 80, application: 50, library: 0 } as Record<Kind, number>,
  memory: "256KiB",
  stack: "8KiB",
} as const;

/** Stack slot 0 of the root task's layout holds at most 15 pages below the UTCB page. */
export const MAX_STACK_PAGES = 15;

type Role = ResolvedComponent["role"];

const TASK_SETTINGS = ["priority", "memory", "stack", "irqs", "ports"] as const;

export interface Instances {
  placed: Placed[];
  /** Every instance name configured, usable or not. */
  names: Set<string>;
  /** True when every entry became a usable component. */
  complete: boolean;
}

/** Where a configuration path is in the file. */
export type Locate = (path: readonly string[]) => SourceLocation;

export function resolveInstances(
  config: ImageConfig,
  configPath: string,
  options: ResolveOptions,
  report: Report,
  locate: Locate,
): Instances {
  const entries = [
    ...(config.components ?? []).map((entry, i) => ({
      entry,
      role: "component" as Role,
      path: ["components", String(i)],
    })),
    ...(config.applications ?? []).map((entry, i) => ({
      entry,
      role: "application" as Role,
      path: ["applications", String(i)],
    })),
  ];
  const placed: Placed[] = [];
  const names = new Map<string, string[]>();
  for (const { entry, role, path } of entries) {
    const name = entry.name ?? defaultName(entry.package);
    const first = names.get(name);
    if (first) {
      report(
        entry.name ? [...path, "name"] : [...path, "package"],
        `two components are named "${name}"`,
        `give this one another name with name: (the first is at ${first.join(".")})`,
      );
      continue;
    }
    names.set(name, path);
    const pkg = resolvePackage(entry.package, configPath, options);
    if (!("manifest" in pkg)) {
      report([...path, "package"], pkg.message, pkg.hint);
      continue;
    }
    if (!kindFits(pkg, role, path, report)) continue;
    const set = new Set(Object.keys(entry));
    const component = build(name, role, pkg, entry, { path, set, report, locate });
    if (component) placed.push({ component, path, set });
  }
  return { placed, names: new Set(names.keys()), complete: placed.length === entries.length };
}

/** "@sawmill/uart" → "uart". */
export function defaultName(packageName: string): string {
  return packageName.slice(packageName.lastIndexOf("/") + 1);
}

function kindFits(pkg: ResolvedPackage, role: Role, path: string[], report: Report): boolean {
  const kind = pkg.manifest.kind;
  if (role === "component" && kind === "application") {
    report(
      [...path, "package"],
      `"${pkg.name}" is an application, not a component`,
      "move it to applications:",
    );
    return false;
  }
  if (role === "application" && kind !== "application") {
    report([...path, "package"], `"${pkg.name}" is a ${kind}, not an application`, "move it to components:");
    return false;
  }
  return true;
}

interface Where {
  path: string[];
  set: ReadonlySet<string>;
  report: Report;
  locate: Locate;
}

function build(
  name: string,
  role: Role,
  pkg: ResolvedPackage,
  entry: InstanceConfig,
  where: Where,
): ResolvedComponent | undefined {
  const m = pkg.manifest;
  const library = m.kind === "library";
  if (library && !librarySettingsAbsent(pkg, where)) return undefined;
  if (!overridesAllowed(pkg, where)) return undefined;
  const memoryPages = library
    ? 0
    : pages("memory", entry.memory ?? m.resources?.memory ?? DEFAULTS.memory, pkg, where);
  const stackPages = library
    ? 0
    : pages("stack", entry.stack ?? m.resources?.stack ?? DEFAULTS.stack, pkg, where);
  if (memoryPages === undefined || stackPages === undefined) return undefined;
  return {
    name,
    role,
    kind: m.kind,
    package: pkg,
    entry: join(pkg.dir, m.entry),
    priority: entry.priority ?? m.priority ?? DEFAULTS.priority[m.kind],
    memoryPages,
    stackPages,
    irqs: entry.irqs ?? m.resources?.irqs ?? [],
    ports: entry.ports ?? m.resources?.ports ?? [],
    provides: { interfaces: m.provides?.interfaces ?? [], syscalls: m.provides?.syscalls ?? [] },
    requires: { interfaces: m.requires?.interfaces ?? [], syscalls: m.requires?.syscalls ?? [] },
    configuredAt: where.locate([...where.path, "package"]),
  };
}

function librarySettingsAbsent(pkg: ResolvedPackage, { path, set, report }: Where): boolean {
  const setting = TASK_SETTINGS.find((key) => set.has(key));
  if (!setting) return true;
  report(
    [...path, setting],
    `"${pkg.name}" is a library: it has no ${setting} of its own`,
    `remove ${setting}:; a library runs inside the components that use it`,
    true,
  );
  return false;
}

function overridesAllowed(pkg: ResolvedPackage, { path, set, report }: Where): boolean {
  if (pkg.manifest.resources?.configurable) return true;
  const key = (["irqs", "ports"] as const).find((k) => set.has(k));
  if (!key) return true;
  const own = JSON.stringify(pkg.manifest.resources?.[key] ?? []);
  const what = key === "irqs" ? "IRQs" : "I/O ports";
  report(
    [...path, key],
    `"${pkg.name}" does not allow its ${what} to be changed`,
    `remove ${key}:; the package uses ${own}`,
    true,
  );
  return false;
}

/** Pages of a size setting, or undefined (reported) when it is not whole pages or a bad stack. */
function pages(
  key: "memory" | "stack",
  size: string,
  pkg: ResolvedPackage,
  { path, set, report }: Where,
): number | undefined {
  const at = set.has(key) ? [...path, key] : [...path, "package"];
  const whose = set.has(key) ? `${key} ${size}` : `the ${key} of "${pkg.name}" (${size})`;
  const count = sizeInPages(size);
  if (count === undefined) {
    report(at, `${whose} is not a whole number of 4 KiB pages`, "use a multiple of 4KiB, e.g. 8KiB or 64KiB");
    return undefined;
  }
  if (key === "stack" && count > MAX_STACK_PAGES) {
    report(at, `${whose} is more than a thread's stack can have (60KiB)`, "use at most 60KiB");
    return undefined;
  }
  return count;
}
