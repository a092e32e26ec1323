/**
 * The build cache: compiled modules, component ELFs and boot images stored by content hash.
 *
 * Layer: configurator (host). Interface: `BuildCache` — `get(kind, key)` / `put(kind, key, bytes)`
 * and the `hits` / `misses` counters of this build. Default place: `node_modules/.cache/
 * sawmill-build` above the configuration (`defaultCacheDir`). Invariant: an entry's key hashes
 * every input of its bytes, so an entry is never stale; writes are atomic (write, then rename).
 */

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export type CacheKind = "wasm" | "task" | "meta" | "image";

export class BuildCache {
  hits = 0;
  misses = 0;

  constructor(readonly dir: string) {}

  get(kind: CacheKind, key: string): Uint8Array | undefined {
    const path = this.path(kind, key);
    if (!existsSync(path)) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return new Uint8Array(readFileSync(path));
  }

  put(kind: CacheKind, key: string, bytes: Uint8Array): void {
    const path = this.path(kind, key);
    mkdirSync(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, path);
  }

  /** Cached bytes, or `make()`'s result stored under the key. */
  async through(kind: CacheKind, key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const cached = this.get(kind, key);
    if (cached !== undefined) return cached;
    const bytes = await make();
    this.put(kind, key, bytes);
    return bytes;
  }

  private path(kind: CacheKind, key: string): string {
    return join(this.dir, kind, `${key.slice(0, 40)}.bin`);
  }
}

/** `node_modules/.cache/sawmill-build` in the nearest directory at or above `from` that has node_modules. */
export function defaultCacheDir(from: string): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, "node_modules")) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, "node_modules", ".cache", "sawmill-build");
}
