/**
 * Content hashes for the build cache.
 *
 * Layer: configurator (host). Interface: `hashOf(...parts)` (sha256 hex of JSON-encoded parts),
 * `hashTree(files)` (a staged source tree), `toolchainHash()` (every source file of the packages
 * that turn AssemblyScript into a component ELF or a boot image). Invariant: a cache key changes
 * whenever anything that could change the output bytes changes.
 */

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function hashOf(...parts: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A source tree as relative path → text, hashed in path order. */
export function hashTree(files: ReadonlyMap<string, string>): string {
  return hashOf([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Packages whose sources decide compiled code, links and images. */
const TOOLCHAIN = [
  "@sawmill/as-compiler",
  "@sawmill/wasm-x86",
  "@sawmill/x86",
  "@sawmill/image",
  "@sawmill/kernel",
  "@sawmill/root",
  "@sawmill/idl",
];
const SOURCE_FOLDERS = ["src", "assembly"];
let toolchain: string | undefined;

export function toolchainHash(): string {
  if (toolchain !== undefined) return toolchain;
  const require = createRequire(import.meta.url);
  const parts: unknown[] = [require("assemblyscript/package.json").version];
  for (const name of TOOLCHAIN) {
    const dir = packageDir(name);
    for (const folder of SOURCE_FOLDERS) parts.push(name, folder, hashFolder(join(dir, folder)));
  }
  toolchain = hashOf(parts);
  return toolchain;
}

/** The package's directory, from its resolved entry point (its exports need not list package.json). */
function packageDir(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.resolve(name)));
  while (!isFile(join(dir, "package.json"))) dir = dirname(dir);
  return dir;
}

function hashFolder(dir: string): string {
  const hash = createHash("sha256");
  for (const path of listFiles(dir)) hash.update(path).update(readFileSync(join(dir, path)));
  return hash.digest("hex");
}

/** Relative paths of the files below `dir`, sorted; none if it does not exist. */
export function listFiles(dir: string, prefix = ""): string[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, prefix)).sort();
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const name of names) {
    const path = prefix === "" ? name : `${prefix}/${name}`;
    if (statSync(join(dir, path)).isDirectory()) files.push(...listFiles(dir, path));
    else files.push(path);
  }
  return files;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
