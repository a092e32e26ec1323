/**
 * Symbol names shared between the runtime's parts, the call table and compiled modules.
 *
 * Layer: bare-runtime link contract. The `__wasm_*` hooks and the import symbols (`env.abort`,
 * `test.emit`, `test.emit_i64`) are what @sawmill/wasm-x86 output calls; the `__bare_*` names are
 * internal to the runtime image.
 */

export const ENTRY = "__bare_entry";
export const CALL_TABLE = "__bare_calls";
export const DRIVER_NEXT = "__bare_next_call";
export const STACK_TOP = "__bare_stack_top";
export const SERIAL_PUTC = "__bare_serial_putc";
export const SERIAL_PUTS = "__bare_serial_puts";
export const SERIAL_HEX = "__bare_serial_hex";

export const WASM_TRAP = "__wasm_trap";
/** A dword holding the lowest ESP compiled code should let a call reach (see boot.ts). */
export const STACK_LIMIT = "__wasm_stack_limit";
export const WASM_MEMORY_SIZE = "__wasm_memory_size";
export const WASM_MEMORY_GROW = "__wasm_memory_grow";

/** Host imports the runtime implements: wasm (module, name) → what the backend calls. */
export const HOST_IMPORTS = {
  abort: { module: "env", name: "abort" },
  emitI32: { module: "test", name: "emit" },
  emitI64: { module: "test", name: "emit_i64" },
} as const;

export function importSymbol(imp: { module: string; name: string }): string {
  return `${imp.module}.${imp.name}`;
}
