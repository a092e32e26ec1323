/**
 * Loads v86 once per process, with our switchable clock in place.
 *
 * Layer: host, @sawmill/emulator (private). Interface: loadV86() -> { V86, wasmPath }.
 *
 * Invariant: v86's module is evaluated while `globalThis.performance` is the switchable clock
 * of timekeeper.ts, so every machine can have its own (virtual or real) clock. If something else
 * imported v86 first, the clock hook is missing; `Machine` detects that and refuses to start,
 * because neither exact marker counts nor the virtual clock would work.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { switchablePerformance } from "./timekeeper.js";
import type { V86Constructor } from "./v86-internals.js";

export interface V86Module {
  readonly V86: V86Constructor;
  /** Absolute path of v86.wasm inside the installed v86 package. */
  readonly wasmPath: string;
}

let loading: Promise<V86Module> | null = null;

export function loadV86(): Promise<V86Module> {
  loading ??= importWithSwitchableClock();
  return loading;
}

async function importWithSwitchableClock(): Promise<V86Module> {
  const entry = createRequire(import.meta.url).resolve("v86");
  const original = Object.getOwnPropertyDescriptor(globalThis, "performance");
  Object.defineProperty(globalThis, "performance", {
    value: switchablePerformance,
    configurable: true,
    writable: true,
  });
  try {
    const module = (await import(pathToFileURL(entry).href)) as { V86: V86Constructor };
    return { V86: module.V86, wasmPath: join(dirname(entry), "v86.wasm") };
  } finally {
    if (original) Object.defineProperty(globalThis, "performance", original);
  }
}
