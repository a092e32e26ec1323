/**
 * The collector semantic checks report into: a problem at a path of the configuration.
 *
 * Layer: configurator (host). Interface: `Report`, `Placed` (a resolved component and where it was
 * configured), `settingPath`.
 * Invariant: checks never throw for a user's mistake; they report and go on, so one run shows
 * every problem.
 */
import type { ResolvedComponent } from "./types.js";

export type Report = (path: readonly string[], message: string, hint?: string, key?: boolean) => void;

/** A resolved component with the configuration path of its entry (`["components", "2"]`). */
export interface Placed {
  component: ResolvedComponent;
  path: string[];
  /** Keys the entry set itself (so problems point at them rather than at the package). */
  set: ReadonlySet<string>;
}

/** Path of a setting if the entry wrote it, else of the entry's `package:` value. */
export function settingPath(placed: Placed, key: string, ...rest: string[]): string[] {
  return placed.set.has(key) ? [...placed.path, key, ...rest] : [...placed.path, "package"];
}
