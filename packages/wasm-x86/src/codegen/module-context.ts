/**
 * What a function compiler may ask of the module being compiled.
 *
 * Layer: codegen interface, implemented by `../compile-module.ts`. Everything module-wide
 * (function and import symbols, globals, the indirect-call table, trap stubs, out-of-line
 * helpers, rodata constants and jump tables) is reached through here, so lowerings never
 * touch module state directly and the shared pieces are emitted once per object.
 */

import type { Gpr, Label } from "@sawmill/x86";
import type { ConstExpr, FunctionImport } from "../decoder/module.js";
import type { FuncType } from "../types.js";
import type { Lowering } from "./function-compiler.js";
import type { HelperName } from "./helpers.js";

export interface ModuleContext {
  readonly memoryBase: number;
  /** Registers the value stack may use, in preference order (local homes are removed per function). */
  readonly valueRegisters: readonly Gpr[];
  lowering(op: number): Lowering | undefined;
  /** block/loop/if/else/end: processed even in unreachable code to keep nesting straight. */
  isStructural(op: number): boolean;
  isEnd(op: number): boolean;
  functionName(index: number): string | null;
  functionType(index: number): FuncType;
  blockType(typeIndex: number): FuncType;
  /** An imported function, or null for a function defined in this module. */
  functionImport(index: number): FunctionImport | null;
  /** Call target of a defined function, or the undefined symbol `module.name` of an import. */
  callTarget(index: number): Label | string;
  global(index: number): {
    type: FuncType["params"][number];
    mutable: boolean;
    init: ConstExpr;
    symbol: string;
  };
  /** The module-local symbol of the indirect-call table and its element count. */
  table(): { symbol: string; size: number };
  /** Canonical signature id: equal for structurally equal function types. */
  signatureId(typeIndex: number): number;
  trap(kind: number): Label;
  helper(name: HelperName): Label;
  /** A rodata constant of 4, 8 or 16 bytes (16-byte aligned), deduplicated. */
  constant(bytes: readonly number[]): Label;
  /** A jump table in rodata: one abs32 label address per entry. */
  jumpTable(targets: readonly Label[]): Label;
}
