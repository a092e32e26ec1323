/**
 * A bootable multiserver system: kernel, root task, the components and their boot manifest.
 *
 * Layer: root task, host side. Interface: `buildBootSystem({ components, manifest })` → the
 * multiboot ELF (kernel + boot archive holding "root", every component's ELF under its manifest
 * name, and "manifest" written by `writeBootManifest`); `buildManifestSystem(parts)` the same
 * for components given with their manifest entries, each linking RootTask's stubs;
 * `componentManifest(name, overrides)` a manifest entry with small defaults. Invariant: every
 * manifest component has exactly one built component of the same name and vice versa; same
 * inputs, same bytes.
 */

import {
  type BootManifest,
  type ComponentManifest,
  MANIFEST_ENTRY_NAME,
  writeBootManifest,
} from "@sawmill/image";
import {
  buildComponent,
  buildSystemImage,
  type ComponentOptions,
  type KernelEntryOptions,
} from "@sawmill/kernel";
import { buildRoot, rootTaskStubs } from "./root-component.js";

export interface SystemComponent {
  /** Its name in the manifest and the archive. */
  readonly name: string;
  /** The component's AssemblyScript entry file (exports `main`). */
  readonly source: string;
  readonly options?: ComponentOptions;
}

export interface BootSystemInput {
  readonly components: readonly SystemComponent[];
  readonly manifest: BootManifest;
  /** How the kernel is built (its IPC fast path on, off or instrumented); default: on. */
  readonly kernel?: KernelEntryOptions;
}

export async function buildBootSystem(input: BootSystemInput): Promise<Uint8Array> {
  checkNames(input);
  const manifest = writeBootManifest(input.manifest);
  const root = await buildRoot();
  const entries: { name: string; bytes: Uint8Array }[] = [];
  for (const component of input.components) {
    const built = await buildComponent(component.source, component.options);
    entries.push({ name: component.name, bytes: built.elf });
  }
  entries.push({ name: MANIFEST_ENTRY_NAME, bytes: manifest });
  return buildSystemImage({ root: root.elf, entries, kernel: input.kernel });
}

/** A component with its manifest entry, as small systems and tests name one. */
export interface ManifestComponent {
  readonly manifest: ComponentManifest;
  /** The component's AssemblyScript entry file (exports `main`). */
  readonly source: string;
  /** Build options; RootTask's stubs are linked besides any `extraObjects` given here. */
  readonly options?: ComponentOptions;
}

/** buildBootSystem for components given with their manifest entries, in manifest order. */
export function buildManifestSystem(
  parts: readonly ManifestComponent[],
  kernel?: KernelEntryOptions,
): Promise<Uint8Array> {
  const components = parts.map(({ manifest, source, options }) => ({
    name: manifest.name,
    source,
    options: { ...options, extraObjects: [...rootTaskStubs(), ...(options?.extraObjects ?? [])] },
  }));
  return buildBootSystem({ components, manifest: { components: parts.map((p) => p.manifest) }, kernel });
}

/** A manifest entry: priority 100, 4 stack pages, 64 memory pages, nothing granted — unless overridden. */
export function componentManifest(
  name: string,
  overrides: Partial<ComponentManifest> = {},
): ComponentManifest {
  return {
    name,
    priority: 100,
    stackPages: 4,
    memoryPages: 64,
    grants: [],
    irqs: [],
    ports: [],
    ...overrides,
  };
}

/** The built components and the manifest's components name the same set, once each. */
function checkNames(input: BootSystemInput): void {
  const built = new Set<string>();
  for (const { name } of input.components) {
    if (name === "root" || name === MANIFEST_ENTRY_NAME)
      throw new Error(`component name "${name}" is reserved`);
    if (built.has(name)) throw new Error(`component "${name}" is given twice`);
    built.add(name);
  }
  const wanted = new Set(input.manifest.components.map((c) => c.name));
  for (const name of wanted) {
    if (!built.has(name))
      throw new Error(`the manifest starts "${name}" but no component of that name is given`);
  }
  for (const name of built) {
    if (!wanted.has(name)) throw new Error(`component "${name}" is not in the manifest`);
  }
}
