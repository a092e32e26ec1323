/**
 * @sawmill/build — the image builder: a configuration in, `dist/<name>/` out (multiboot ELF,
 * raw disk image, manifest.json, graph.svg), with only the system calls the applications use.
 *
 * Layer: configurator (host). Public interface: `buildImage`, `inspectImage`,
 * `formatInspection`, `renderGraphSvg`, `BuildError`/`formatBuildError`, `libcImports`, the types.
 * Configuration mistakes are @sawmill/config's `ConfigError`s; build mistakes are `BuildError`s.
 */

export { buildImage, LIBC_MODULE, libcImports } from "./build-image.js";
export { BuildError, formatBuildError } from "./errors.js";
export { renderGraphSvg } from "./graph-svg.js";
export { formatInspection, inspectImage } from "./inspect.js";
export { knownProvider } from "./known-providers.js";
export type {
  BuildOptions,
  BuildResult,
  ComponentEntry,
  ImageManifest,
  OutputFiles,
  ProgressEvent,
  SizeEntry,
  SyscallEntry,
  TaskEntry,
} from "./types.js";
