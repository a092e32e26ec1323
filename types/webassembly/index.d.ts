/**
 * The WebAssembly JS API as Node provides it, for host code: the workspace compiles against
 * ES2023 without DOM, and neither TypeScript's ES libs nor @types/node declare this global.
 * Only what the host code uses is declared.
 */
declare namespace WebAssembly {
  type ExportValue = unknown;
  type Exports = Record<string, ExportValue>;
  type Imports = Record<string, Record<string, unknown>>;
  type BufferSource = ArrayBufferView | ArrayBuffer;
  interface Instance {
    readonly exports: Exports;
  }
  type Module = object;
  interface WebAssemblyInstantiatedSource {
    instance: Instance;
    module: Module;
  }
  function instantiate(bytes: BufferSource, imports?: Imports): Promise<WebAssemblyInstantiatedSource>;
  function validate(bytes: BufferSource): boolean;
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  class RuntimeError extends Error {}
  class CompileError extends Error {}
  class LinkError extends Error {}
}
