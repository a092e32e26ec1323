/**
 * Trap kinds as the bare runtime reports them, and their names in results.
 *
 * Layer: bare-runtime protocol. Interface: `trapName(kind)` turns the number that `__wasm_trap`
 * received in eax (or the runtime's own kinds) into the name a `CallResult` carries.
 *
 * Invariants: kinds 1–9 are the backend's `TrapKind` numbering (@sawmill/wasm-x86); 100 is
 * `env.abort`; 200 + vector is a CPU exception caught by the runtime's IDT. Node's WebAssembly
 * reports a null table element and a signature mismatch with one message, so both map to one name
 * (`INDIRECT_CALL_MISMATCH`): the two sides can only be compared at that resolution.
 */

export const TrapKind = {
  Unreachable: 1,
  DivideByZero: 2,
  IntegerOverflow: 3,
  InvalidConversion: 4,
  IndirectCallSignature: 5,
  IndirectCallNull: 6,
  TableOutOfBounds: 7,
  StackOverflow: 8,
  MemoryOutOfBounds: 9,
  Abort: 100,
  CpuExceptionBase: 200,
} as const;

export const INDIRECT_CALL_MISMATCH = "indirect call to null or mismatched signature";

const NAMES: Record<number, string> = {
  [TrapKind.Unreachable]: "unreachable",
  [TrapKind.DivideByZero]: "divide by zero",
  [TrapKind.IntegerOverflow]: "integer overflow",
  [TrapKind.InvalidConversion]: "invalid conversion to integer",
  [TrapKind.IndirectCallSignature]: INDIRECT_CALL_MISMATCH,
  [TrapKind.IndirectCallNull]: INDIRECT_CALL_MISMATCH,
  [TrapKind.TableOutOfBounds]: "table index out of bounds",
  [TrapKind.StackOverflow]: "stack overflow",
  [TrapKind.MemoryOutOfBounds]: "memory access out of bounds",
  [TrapKind.Abort]: "abort",
};

const CPU_EXCEPTIONS = [
  "#DE",
  "#DB",
  "NMI",
  "#BP",
  "#OF",
  "#BR",
  "#UD",
  "#NM",
  "#DF",
  "CSO",
  "#TS",
  "#NP",
  "#SS",
  "#GP",
  "#PF",
];

/** The result name of a trap kind; unknown kinds keep their number so nothing is hidden. */
export function trapName(kind: number): string {
  const known = NAMES[kind];
  if (known !== undefined) return known;
  const vector = kind - TrapKind.CpuExceptionBase;
  if (vector >= 0 && vector < 32) return `cpu exception ${CPU_EXCEPTIONS[vector] ?? "vector"} (${vector})`;
  return `unknown trap kind ${kind}`;
}
