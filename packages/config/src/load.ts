/**
 * Loading a configuration: read, parse with positions, validate against the schema, resolve the
 * components, run the semantic checks; every problem becomes a positioned diagnostic.
 *
 * Layer: configurator (host). Interface: `checkConfig` (never throws for a user's mistake),
 * `loadConfig` (throws `ConfigError`), `LoadedConfig`, `CheckResult`, `LoadOptions`.
 * Invariant: semantic checks run only on schema-valid data (they rely on its types); all the
 * syntax errors, or all the schema errors, or all the semantic errors are reported in one go,
 * sorted by position.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { checkMemory } from "./budget.js";
import { checkColocation } from "./colocation.js";
import { ConfigError, type Diagnostic, sortDiagnostics } from "./diagnostic.js";
import { type Locate, resolveInstances } from "./instances.js";
import { checkTaskCount } from "./limits.js";
import type { Report } from "./report.js";
import { checkRequirements } from "./requirements.js";
import type { ResolveOptions } from "./resolve.js";
import { checkResources } from "./resources.js";
import { checkImageSchema } from "./schema-check.js";
import { parseSource, type SourceFile } from "./source.js";
import type { ImageConfig, ResolvedComponent } from "./types.js";

export type LoadOptions = ResolveOptions;

export interface LoadedConfig {
  /** The configuration file as given. */
  file: string;
  config: ImageConfig;
  /** Components, then applications, in file order, every default applied. */
  components: ResolvedComponent[];
}

export interface CheckResult {
  file: string;
  /** Present when the file parsed and matched the schema. */
  config?: ImageConfig;
  components: ResolvedComponent[];
  diagnostics: Diagnostic[];
}

/** Loads and checks `file`; throws `ConfigError` listing every problem. */
export function loadConfig(file: string, options: LoadOptions = {}): LoadedConfig {
  const result = checkConfig(file, options);
  if (result.diagnostics.length > 0 || !result.config) throw new ConfigError(result.diagnostics);
  return { file, config: result.config, components: result.components };
}

/** Loads and checks `file`; problems are in `diagnostics`. */
export function checkConfig(file: string, options: LoadOptions = {}): CheckResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String((e as Error).message);
    const d = {
      file,
      line: 1,
      col: 1,
      message: `cannot read the configuration: ${reason}`,
      hint: "check the path",
    };
    return { file, components: [], diagnostics: [d] };
  }
  return checkConfigText(file, text, options);
}

/** Checks configuration text; packages are looked up from `file`'s directory. */
export function checkConfigText(file: string, text: string, options: LoadOptions = {}): CheckResult {
  const source = parseSource(file, text);
  if (source.errors.length > 0) return { file, components: [], diagnostics: sortDiagnostics(source.errors) };
  const schemaProblems = checkImageSchema(source.data ?? null);
  if (schemaProblems.length > 0) {
    const diagnostics = schemaProblems.map((p) => source.at(p.path, p.message, p.hint, p.key));
    return { file, components: [], diagnostics: sortDiagnostics(diagnostics) };
  }
  const config = source.data as ImageConfig;
  const diagnostics: Diagnostic[] = [];
  const locate = (path: readonly string[]) => ({ file, ...source.locate(path) });
  const components = checkSemantics(config, resolve(file), options, reporter(source, diagnostics), locate);
  return { file, config, components, diagnostics: sortDiagnostics(diagnostics) };
}

function checkSemantics(
  config: ImageConfig,
  configPath: string,
  options: LoadOptions,
  report: Report,
  locate: Locate,
) {
  const { placed, names, complete } = resolveInstances(config, configPath, options, report, locate);
  checkColocation(config.colocate ?? {}, placed, names, report);
  checkResources(placed, report);
  checkTaskCount(placed, report);
  const components = placed.map((p) => p.component);
  // Missing providers and memory totals would be guesses while some package is unusable.
  if (complete) {
    checkRequirements(placed, report);
    checkMemory(config.target.memory, components, report);
  }
  return components;
}

function reporter(source: SourceFile, into: Diagnostic[]): Report {
  return (path, message, hint, key) => into.push(source.at(path, message, hint, key));
}
