/**
 * The call table: the host-generated program the driver runs (layout in runtime/driver.ts).
 *
 * Layer: bare-runtime host side. Interface: `planCalls` resolves test calls against the module's
 * exports (symbols, argument bits, result types) and prepends the start function;
 * `assembleCallTable` turns the plan into an object defining `__bare_calls`.
 */

import { Assembler, sym, type X86Object } from "@sawmill/x86";
import { type BareModule, type Call, checkArity, findExport } from "./call.js";
import type { ExpectedCall } from "./protocol.js";
import { ResultKind } from "./runtime/driver.js";
import { CALL_TABLE } from "./runtime/symbols.js";
import { argumentDwords, type ValType } from "./values.js";

export interface PlannedCall extends ExpectedCall {
  readonly symbol: string;
  readonly argumentDwords: readonly number[];
  readonly marker: number;
}

/** The start function (labelled "start") followed by every call. */
export function planCalls(module: BareModule, calls: readonly Call[]): PlannedCall[] {
  const start: PlannedCall = {
    label: "start",
    symbol: module.startSymbol,
    result: null,
    argumentDwords: [],
    marker: 0,
  };
  return [start, ...calls.map((call, index) => planCall(module, call, index))];
}

function planCall(module: BareModule, call: Call, index: number): PlannedCall {
  const exported = findExport(module.exports, call.export);
  checkArity(call, exported);
  if (call.marker !== undefined && (call.marker <= 0 || !Number.isInteger(call.marker))) {
    throw new Error(`call ${call.export}: marker must be a positive integer`);
  }
  return {
    label: `call #${index} ${call.export}(${call.args.join(", ")})`,
    symbol: exported.symbol,
    result: exported.results[0] ?? null,
    argumentDwords: exported.params.flatMap((type, i) => argumentDwords(type, call.args[i]!)),
    marker: call.marker ?? 0,
  };
}

export function assembleCallTable(plan: readonly PlannedCall[]): X86Object {
  const a = new Assembler();
  a.section("rodata");
  a.align(4);
  a.global(CALL_TABLE);
  for (const call of plan) {
    a.dd(sym(call.symbol));
    a.dd(resultKind(call.result));
    a.dd(call.marker);
    a.dd(call.argumentDwords.length);
    for (const dword of call.argumentDwords) a.dd(dword);
  }
  a.dd(0);
  return a.finish();
}

function resultKind(type: ValType | null): number {
  return type === null ? ResultKind.none : ResultKind[type];
}
