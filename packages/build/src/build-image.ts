/**
 * The pipeline: a configuration file in, `dist/<name>/` out.
 *
 * Layer: configurator (host). Interface: `buildImage(configPath, options)` → `BuildResult`.
 * Steps: load and check the configuration (@sawmill/config); compile each application and read
 * its `libc.*` imports; plan the closure and placement (plan.ts); stage, compile and link each
 * task (cached per task); write the boot manifest; kernel + root + archive → multiboot ELF
 * (cached as a whole); raw disk image; manifest.json; graph.svg.
 * Invariant: same configuration and packages → byte-identical outputs.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type LoadedConfig, loadConfig, type ResolvedComponent, sizeInBytes } from "@sawmill/config";
import { type BootManifest, MANIFEST_ENTRY_NAME, writeBootManifest, writeDiskImage } from "@sawmill/image";
import { buildSystemImage } from "@sawmill/kernel";
import { buildRoot } from "@sawmill/root";
import { bootManifestOf, type TaskGrants } from "./boot-manifest.js";
import { BuildCache, defaultCacheDir } from "./cache.js";
import { type BuiltTask, buildTask, compileWasm } from "./compile-task.js";
import { renderGraphSvg } from "./graph-svg.js";
import { hashBytes, hashOf, toolchainHash } from "./hash.js";
import { type Plan, planImage } from "./plan.js";
import { stageApplication, stageTask } from "./stage.js";
import type { BuildOptions, BuildResult, ImageManifest, ProgressEvent } from "./types.js";

/** The import module applications take client-library calls from. */
export const LIBC_MODULE = "libc";

export async function buildImage(configPath: string, options: BuildOptions = {}): Promise<BuildResult> {
  const progress = (event: ProgressEvent) => options.onProgress?.(event);
  progress({ step: "load", message: `loading ${configPath}` });
  const loaded = loadConfig(
    configPath,
    options.searchPaths === undefined ? {} : { searchPaths: options.searchPaths },
  );
  const cache = new BuildCache(options.cacheDir ?? defaultCacheDir(dirname(resolve(configPath))));
  // Staged sources live in the node_modules that holds this package, where asc finds the
  // packages they import (@sawmill/kernel, @sawmill/idl, @sawmill/libc, ...).
  const stageRoot = join(defaultCacheDir(fileURLToPath(new URL(".", import.meta.url))), "stage");

  const appCalls = new Map<string, string[]>();
  for (const app of loaded.components.filter((c) => c.role === "application")) {
    const calls = libcImports(await compileWasm(stageApplication(app), cache, stageRoot, app.name));
    appCalls.set(app.name, calls);
    progress({
      step: "closure",
      subject: app.name,
      message: `${app.name} calls ${calls.join(", ") || "nothing"}`,
    });
  }
  const plan = planImage(loaded, appCalls);
  if (plan.pruned.length > 0)
    progress({ step: "closure", message: `left out (not needed): ${plan.pruned.join(", ")}` });

  const built: BuiltTask[] = [];
  for (const task of plan.tasks) {
    const result = await buildTask(task, stageTask(task, plan), cache, stageRoot);
    const message = `${task.name}: ${result.elf.length} bytes`;
    progress({ step: "compile", subject: task.name, cached: result.cached, message });
    built.push(result);
  }

  const { manifest: boot, grants } = bootManifestOf(plan);
  const bootBytes = writeBootManifest(boot);
  const imageKey = hashOf(
    toolchainHash(),
    hashBytes(bootBytes),
    built.map((b) => [b.name, hashBytes(b.elf)]),
  );
  const hits = cache.hits;
  const elf = await cache.through("image", imageKey, () => systemImage(boot, built));
  progress({ step: "image", cached: cache.hits > hits, message: `multiboot image: ${elf.length} bytes` });
  const disk = writeDiskImage(elf);

  const manifest = imageManifest(loaded, plan, built, grants, { elf: elf.length, disk: disk.length });
  const outDir = resolve(options.outDir ?? join("dist", loaded.config.name));
  const files = {
    elf: join(outDir, `${loaded.config.name}.elf`),
    disk: join(outDir, `${loaded.config.name}.img`),
    manifest: join(outDir, "manifest.json"),
    graph: join(outDir, "graph.svg"),
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(files.elf, elf);
  writeFileSync(files.disk, disk);
  writeFileSync(files.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(files.graph, renderGraphSvg(manifest));
  progress({ step: "write", message: `wrote ${outDir}` });
  return { outDir, files, manifest, cache: { hits: cache.hits, misses: cache.misses } };
}

/** The `libc.*` functions a compiled application imports, sorted. */
export function libcImports(wasm: Uint8Array): string[] {
  const { Module } = (globalThis as unknown as { WebAssembly: { Module: WasmModuleApi } }).WebAssembly;
  const imports = Module.imports(new Module(wasm));
  return [
    ...new Set(imports.filter((i) => i.module === LIBC_MODULE && i.kind === "function").map((i) => i.name)),
  ].sort();
}

/** The part of Node's WebAssembly.Module this needs (the project's lib settings omit its types). */
interface WasmModuleApi {
  new (bytes: Uint8Array): object;
  imports(module: object): { module: string; name: string; kind: string }[];
}

async function systemImage(boot: BootManifest, built: readonly BuiltTask[]): Promise<Uint8Array> {
  const root = await buildRoot();
  const entries = [
    ...built.map((b) => ({ name: b.name, bytes: b.elf })),
    { name: MANIFEST_ENTRY_NAME, bytes: writeBootManifest(boot) },
  ];
  return buildSystemImage({ root: root.elf, entries });
}

function imageManifest(
  loaded: LoadedConfig,
  plan: Plan,
  built: readonly BuiltTask[],
  grants: readonly TaskGrants[],
  sizes: { elf: number; disk: number },
): ImageManifest {
  const taskOf = new Map<ResolvedComponent, string>();
  for (const t of plan.tasks) {
    for (const m of t.members) taskOf.set(m, t.name);
    if (t.libc !== undefined) taskOf.set(t.libc.component, "(applications)");
  }
  return {
    name: loaded.config.name,
    ...(loaded.config.description === undefined ? {} : { description: loaded.config.description }),
    memory: sizeInBytes(loaded.config.target.memory),
    tasks: plan.tasks.map((t, i) => ({
      name: t.name,
      placement: t.placement,
      members: [...t.members.map((m) => m.name), ...(t.libc === undefined ? [] : [t.libc.component.name])],
      ...grants[i]!,
      kernelCalls: built[i]!.kernelCalls,
      size: built[i]!.size,
    })),
    components: loaded.components
      .filter((c) => taskOf.has(c))
      .map((c) => ({
        name: c.name,
        package: c.package.name,
        version: c.package.version,
        kind: c.kind,
        task: taskOf.get(c)!,
      })),
    syscalls: plan.syscalls,
    pruned: plan.pruned,
    sizes,
  };
}
