/**
 * @sawmill/config — image configurations: JSON Schemas, YAML loading with source positions,
 * validation, semantic checks and resolution of components by npm package name.
 *
 * Layer: configurator (host). Public interface: `loadConfig`, `checkConfig`, `checkConfigText`,
 * `formatDiagnostic`, `diagnosticAt`, `ConfigError`, the schemas, `resolvePackage`, the types.
 */

export { SYSTEM_RESERVED_PAGES } from "./budget.js";
export {
  ConfigError,
  type Diagnostic,
  diagnosticAt,
  formatDiagnostic,
  type Position,
  type SourceLocation,
  sortDiagnostics,
} from "./diagnostic.js";
export { DEFAULTS, defaultName, MAX_STACK_PAGES } from "./instances.js";
export { MAX_TASKS } from "./limits.js";
export {
  type CheckResult,
  checkConfig,
  checkConfigText,
  type LoadedConfig,
  type LoadOptions,
  loadConfig,
} from "./load.js";
export { type PackageProblem, type ResolveOptions, resolvePackage } from "./resolve.js";
export { MAX_PRIORITY } from "./schema/definitions.js";
export { IMAGE_SCHEMA_ID, imageSchema } from "./schema/image-schema.js";
export { MANIFEST_SCHEMA_ID, manifestSchema } from "./schema/manifest-schema.js";
export { PAGE_SIZE, sizeInBytes, sizeInPages } from "./sizes.js";
export type {
  ComponentManifest,
  ImageConfig,
  InstanceConfig,
  Kind,
  PortRange,
  ResolvedComponent,
  ResolvedPackage,
} from "./types.js";
