/**
 * The part of the WebAssembly JS API this package uses. Node provides the global; the workspace's
 * lib settings (ES2023, no DOM) do not declare it.
 */
declare namespace WebAssembly {
  type ExportValue = unknown;
  type Exports = Record<string, ExportValue>;
  type Imports = Record<string, Record<string, unknown>>;
  interface Instance {
    readonly exports: Exports;
  }
  type Module = object;
  interface WebAssemblyInstantiatedSource {
    instance: Instance;
    module: Module;
  }
  function instantiate(
    bytes: BufferSource | Uint8Array,
    imports?: Imports,
  ): Promise<WebAssemblyInstantiatedSource>;
  class RuntimeError extends Error {}
  class CompileError extends Error {}
  class LinkError extends Error {}
}
type BufferSource = ArrayBufferView | ArrayBuffer;
