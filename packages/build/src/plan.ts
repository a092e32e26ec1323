/**
 * The system-call closure and placement: which components an image holds and in which tasks.
 *
 * Layer: configurator (host). Interface: `planImage(loaded, appCalls)` → `Plan`.
 * Rules (README "Closure" and "Placement"):
 * - each application's `libc.*` imports are its calls; each call needs a configured component
 *   whose manifest lists it in `provides.syscalls`, else a BuildError naming the call, the
 *   application and the package that would provide it;
 * - a call provided by a server makes the application a client of that server's interfaces;
 * - every included component's required interfaces pull in their providers, transitively;
 *   everything else configured is pruned;
 * - each component is a task of its own unless it is in a `colocate` group; interfaces served
 *   inside a group are direct calls, and a group serves other tasks from one member at most.
 * Invariant: the plan is a pure function of its inputs (order = configuration order).
 */

import type { LoadedConfig, ResolvedComponent } from "@sawmill/config";
import { BuildError } from "./errors.js";
import { knownProvider } from "./known-providers.js";

export interface PlannedTask {
  readonly name: string;
  readonly placement: "separate" | "colocated" | "application";
  /** Members in start order (providers of colocated interfaces first); the application alone. */
  readonly members: ResolvedComponent[];
  /** The client library linked into an application, with the calls it must export. */
  readonly libc?: { readonly component: ResolvedComponent; readonly calls: string[] };
  /** Interfaces served to other tasks (sorted). */
  readonly serves: string[];
  /** Interfaces called in other tasks (sorted), with the serving task. */
  readonly uses: { readonly iface: string; readonly server: string }[];
  /** Interfaces served and used inside this task (sorted). */
  readonly colocated: string[];
}

export interface Plan {
  readonly tasks: PlannedTask[];
  /** Interface → the component serving it. */
  readonly providers: ReadonlyMap<string, ResolvedComponent>;
  /** Interface → capability slot, the same in every task (1, 2, … in name order). */
  readonly slots: ReadonlyMap<string, number>;
  readonly syscalls: { name: string; provider: string; applications: string[] }[];
  readonly pruned: string[];
}

/** The first capability slot root fills with IRQ capabilities (32 + line). */
const IRQ_SLOT_BASE = 32;

export function planImage(loaded: LoadedConfig, appCalls: ReadonlyMap<string, readonly string[]>): Plan {
  const components = loaded.components;
  const apps = components.filter((c) => c.role === "application");
  const providers = interfaceProviders(components);
  const syscalls = resolveCalls(loaded, apps, appCalls);
  const needed = new Set<ResolvedComponent>(apps);
  const libc = apps.some((a) => (appCalls.get(a.name) ?? []).length > 0) ? clientLibrary(loaded) : undefined;
  for (const call of syscalls) if (call.component.kind !== "library") needed.add(call.component);
  closeOverRequirements(needed, providers, loaded.file);
  const tasks = placeTasks(components, needed, providers, syscalls, libc, appCalls, loaded);
  const used = new Set(tasks.flatMap((t) => [...t.uses.map((u) => u.iface), ...t.colocated]));
  const slots = new Map([...used].sort().map((iface, i) => [iface, i + 1] as const));
  if (slots.size >= IRQ_SLOT_BASE)
    throw new BuildError(`${loaded.file}: more than 31 interfaces in one image`);
  return {
    tasks,
    providers,
    slots,
    syscalls: syscalls.map((s) => ({
      name: s.name,
      provider: s.component.name,
      applications: s.applications,
    })),
    pruned: components.filter((c) => !needed.has(c) && c !== libc).map((c) => c.name),
  };
}

function interfaceProviders(components: readonly ResolvedComponent[]): Map<string, ResolvedComponent> {
  const providers = new Map<string, ResolvedComponent>();
  for (const c of components) {
    if (c.kind === "library" || c.role === "application") continue;
    for (const iface of c.provides.interfaces) if (!providers.has(iface)) providers.set(iface, c);
  }
  return providers;
}

interface ResolvedCall {
  readonly name: string;
  readonly component: ResolvedComponent;
  readonly applications: string[];
}

function resolveCalls(
  loaded: LoadedConfig,
  apps: readonly ResolvedComponent[],
  appCalls: ReadonlyMap<string, readonly string[]>,
): ResolvedCall[] {
  const calls = new Map<string, ResolvedCall>();
  for (const app of apps) {
    for (const name of appCalls.get(app.name) ?? []) {
      const known = calls.get(name);
      if (known !== undefined) {
        known.applications.push(app.name);
        continue;
      }
      const component = loaded.components.find((c) => c.provides.syscalls.includes(name));
      if (component === undefined) throw missingProvider(loaded.file, app, name);
      calls.set(name, { name, component, applications: [app.name] });
    }
  }
  return [...calls.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

function missingProvider(file: string, app: ResolvedComponent, call: string): BuildError {
  const known = knownProvider(call);
  return new BuildError(
    `${file}: application "${app.name}" calls ${call}, which no configured component provides`,
    known === undefined
      ? `add a component whose package.json lists "${call}" under sawmill.provides.syscalls, or stop calling it`
      : `add - package: "${known}" to components: (it provides ${call})`,
  );
}

/** The configured library that implements client-library calls (has `assembly/calls/`). */
function clientLibrary(loaded: LoadedConfig): ResolvedComponent {
  const libc = loaded.components.find((c) => c.kind === "library" && c.package.name === "@sawmill/libc");
  if (libc === undefined) {
    throw new BuildError(
      `${loaded.file}: the applications call the client library, but it is not configured`,
      `add - package: "@sawmill/libc" to components:`,
    );
  }
  return libc;
}

function closeOverRequirements(
  needed: Set<ResolvedComponent>,
  providers: ReadonlyMap<string, ResolvedComponent>,
  file: string,
): void {
  const work = [...needed];
  for (let c = work.pop(); c !== undefined; c = work.pop()) {
    for (const iface of c.requires.interfaces) {
      const provider = providers.get(iface);
      if (provider === undefined)
        throw new BuildError(
          `${file}: "${c.name}" requires the interface ${iface}, which no component serves`,
        );
      if (!needed.has(provider)) {
        needed.add(provider);
        work.push(provider);
      }
    }
  }
}

function placeTasks(
  components: readonly ResolvedComponent[],
  needed: ReadonlySet<ResolvedComponent>,
  providers: ReadonlyMap<string, ResolvedComponent>,
  syscalls: readonly ResolvedCall[],
  libc: ResolvedComponent | undefined,
  appCalls: ReadonlyMap<string, readonly string[]>,
  loaded: LoadedConfig,
): PlannedTask[] {
  const taskOf = new Map<ResolvedComponent, string>();
  const groups = new Map<string, ResolvedComponent[]>();
  for (const c of components) {
    if (!needed.has(c)) continue;
    const task = c.group ?? c.name;
    taskOf.set(c, task);
    groups.set(task, [...(groups.get(task) ?? []), c]);
  }
  const tasks: PlannedTask[] = [];
  for (const [name, members] of groups) {
    const app = members[0]?.role === "application" ? members[0] : undefined;
    const wants = (c: ResolvedComponent) =>
      c === app ? appInterfaces(c, syscalls, appCalls) : c.requires.interfaces;
    const used = new Set(members.flatMap(wants));
    const colocated = [...used].filter((i) => taskOf.get(providers.get(i)!) === name).sort();
    const uses = [...used]
      .filter((i) => !colocated.includes(i))
      .sort()
      .map((iface) => ({ iface, server: taskOf.get(providers.get(iface)!)! }));
    const servedOutside = new Set(
      [...needed]
        .filter((c) => taskOf.get(c) !== name)
        .flatMap((c) =>
          c.role === "application" ? appInterfaces(c, syscalls, appCalls) : c.requires.interfaces,
        ),
    );
    const serves = members
      .flatMap((m) => m.provides.interfaces.filter((i) => providers.get(i) === m && servedOutside.has(i)))
      .sort();
    checkGroup(name, members, serves, colocated, loaded.file);
    tasks.push({
      name,
      placement: app !== undefined ? "application" : members.length > 1 ? "colocated" : "separate",
      members: startOrder(members, serves),
      ...(app !== undefined && libc !== undefined
        ? { libc: { component: libc, calls: [...(appCalls.get(app.name) ?? [])].sort() } }
        : {}),
      serves,
      uses,
      colocated,
    });
  }
  return tasks;
}

/** An application calls the interfaces of the servers providing its client-library calls. */
function appInterfaces(
  app: ResolvedComponent,
  syscalls: readonly ResolvedCall[],
  appCalls: ReadonlyMap<string, readonly string[]>,
): string[] {
  const calls = appCalls.get(app.name) ?? [];
  return syscalls.filter((s) => calls.includes(s.name)).flatMap((s) => s.component.provides.interfaces);
}

function checkGroup(
  name: string,
  members: readonly ResolvedComponent[],
  serves: readonly string[],
  colocated: readonly string[],
  file: string,
): void {
  const both = serves.filter((i) => colocated.includes(i));
  if (both.length > 0) {
    throw new BuildError(
      `${file}: colocation group "${name}" serves ${both[0]} both inside and outside the group`,
      "a server registered for direct calls does not also answer IPC yet: move its clients into the group or the server out of it",
    );
  }
  const outsideServers = members.filter((m) => m.provides.interfaces.some((i) => serves.includes(i)));
  if (outsideServers.length > 1) {
    throw new BuildError(
      `${file}: colocation group "${name}" has two members serving other tasks: ${outsideServers.map((m) => m.name).join(", ")}`,
      "one thread serves a group's IPC: keep at most one member with clients outside the group",
    );
  }
}

/** Members serving only inside the task first (they register and return), the IPC server last. */
function startOrder(members: readonly ResolvedComponent[], serves: readonly string[]): ResolvedComponent[] {
  const outside = (m: ResolvedComponent) => m.provides.interfaces.some((i) => serves.includes(i));
  return [...members.filter((m) => !outside(m)), ...members.filter(outside)];
}
