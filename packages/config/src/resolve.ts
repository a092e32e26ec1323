/**
 * Component resolution: an npm package name, looked up the way Node looks up packages from the
 * configuration file's directory (the workspace's links, then every node_modules above), and the
 * `sawmill` manifest in its package.json.
 *
 * Layer: configurator (host). Interface: `resolvePackage` → `ResolvedPackage` or a `PackageProblem`.
 * Invariant: a package is found by its package.json, never by running it or by its `exports`
 * map (which need not export package.json); the returned `dir` is the real path.
 */
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { checkManifestSchema } from "./schema-check.js";
import { parseSource, type SourceFile } from "./source.js";
import type { ComponentManifest, ResolvedPackage } from "./types.js";

/** Why a package could not be used: said at the configuration's `package:` value. */
export interface PackageProblem {
  message: string;
  hint: string;
}

export interface ResolveOptions {
  /** More directories to search from (each with its node_modules hierarchy), after the config's own. */
  searchPaths?: readonly string[];
}

export function resolvePackage(
  name: string,
  configPath: string,
  options: ResolveOptions = {},
): ResolvedPackage | PackageProblem {
  const packageJson = findPackageJson(name, configPath, options.searchPaths ?? []);
  if (!packageJson) {
    return {
      message: `cannot find the package "${name}"`,
      hint: `install it (npm install ${name}) or check the name; it is looked up from the configuration's directory`,
    };
  }
  return readManifest(name, realpathSync(packageJson));
}

function findPackageJson(name: string, configPath: string, extra: readonly string[]): string | undefined {
  const here = createRequire(configPath).resolve.paths(name) ?? [];
  const more = extra.flatMap((dir) => createRequire(join(dir, "noop.js")).resolve.paths(name) ?? []);
  for (const modules of [...here, ...more]) {
    const candidate = join(modules, name, "package.json");
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function readManifest(name: string, packageJson: string): ResolvedPackage | PackageProblem {
  let text: string;
  try {
    text = readFileSync(packageJson, "utf8");
  } catch (e) {
    return {
      message: `cannot read the package.json of "${name}"`,
      hint: `${packageJson}: ${(e as Error).message}`,
    };
  }
  const source = parseSource(packageJson, text);
  if (source.errors.length > 0) {
    return { message: `the package.json of "${name}" is not valid JSON`, hint: `fix ${where(source, [])}` };
  }
  const json = source.data as { version?: unknown; sawmill?: unknown } | undefined;
  if (json?.sawmill === undefined) {
    return {
      message: `"${name}" is not a SawMill component: its package.json has no "sawmill" key`,
      hint: `use a package made for SawMill, or add a "sawmill" manifest to ${packageJson}`,
    };
  }
  const problems = checkManifestSchema(json.sawmill);
  if (problems.length > 0) {
    const first = problems[0];
    const path = ["sawmill", ...first.path];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    return {
      message: `"${name}" has an invalid sawmill manifest: ${first.message}${more}`,
      hint: `fix ${where(source, path, first.key)}${first.hint ? `: ${first.hint}` : ""}`,
    };
  }
  return {
    name,
    version: typeof json.version === "string" ? json.version : "0.0.0",
    dir: join(packageJson, ".."),
    packageJson,
    manifest: json.sawmill as ComponentManifest,
  };
}

function where(source: SourceFile, path: string[], key?: boolean): string {
  const { line, col } = source.locate(path, key);
  return `${source.file}:${line}:${col}`;
}
