/**
 * The slice of v86's internals this package touches, typed. v86 ships no types for its
 * emulator object, so these describe v86 0.5.462 as read from its source; anything not listed
 * here we do not use.
 *
 * Layer: host, @sawmill/emulator (private).
 */

export interface V86IoPorts {
  register_write(
    port: number,
    device: object,
    write8?: (value: number) => void,
    write16?: (value: number) => void,
    write32?: (value: number) => void,
  ): void;
}

export interface V86Cpu {
  readonly io: V86IoPorts;
  /** 1 while the CPU sits in `hlt`; the main loop stops running instructions when set. */
  readonly in_hlt: Uint8Array;
  /** EFLAGS. */
  readonly flags: Int32Array;
  /** Executed instructions, 32-bit, updated when a JIT function or interpreted block ends. */
  readonly instruction_counter: Uint32Array;
  readonly jit_imports: object;
  readonly wasm_memory: { readonly buffer: ArrayBuffer };
  readonly wm: { readonly wasm_table: { set(index: number, value: unknown): void } };
  codegen_finalize(
    tableIndex: number,
    start: number,
    stateFlags: number,
    pointer: number,
    length: number,
  ): void;
  codegen_finalize_finished(tableIndex: number, start: number, stateFlags: number): void;
}

/** v86's `v86` object (src/main.js): the tick scheduler around the CPU. */
export interface V86Core {
  readonly cpu: V86Cpu;
  do_tick(): void;
  yield(delayMs: number, tick: number): void;
  /** Stops scheduling ticks (takes effect at the next tick). */
  stop(): void;
}

/** The `V86` starter object (src/browser/starter.js). */
export interface V86Emulator {
  readonly v86: V86Core;
  readonly bus: { send(event: string, data?: unknown): void };
  add_listener(event: string, listener: (data: never) => void): void;
  run(): Promise<void>;
  destroy(): Promise<void>;
  serial0_send(text: string): void;
  read_memory(address: number, length: number): Uint8Array;
}

/**
 * The WebAssembly JS API parts we call. Declared here because the project's `lib` settings
 * (ES2023, no DOM) do not include WebAssembly's types; Node provides the global.
 */
export interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}

export const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

export type V86Constructor = new (options: Record<string, unknown>) => V86Emulator;

/** In EFLAGS: interrupts enabled. */
export const FLAG_INTERRUPT = 1 << 9;
/** v86 places JIT-compiled functions at this offset in its wasm table. */
export const WASM_TABLE_OFFSET = 1024;
