/**
 * The value-port protocol between the bare runtime and the host.
 *
 * Layer: bare-runtime protocol. The guest writes dwords to the debug device's value port; every
 * record starts with a tag:
 *   TAG_EMIT_I32 v          — the running call sent v through `test.emit`
 *   TAG_EMIT_I64 lo hi      — the running call sent a value through `test.emit_i64`
 *   TAG_RETURN   r…         — the call returned; 0, 1 or 2 dwords by its result type
 *   TAG_TRAP     kind       — the call trapped (kind: see trap-kinds.ts)
 * Start functions run as calls too (void). `decodeValues` rebuilds one CallResult per call.
 *
 * Invariant: the host knows each call's result type, so the stream is unambiguous although result
 * dwords may take any value, tags included.
 */

import type { CallResult } from "./call.js";
import { trapName } from "./trap-kinds.js";
import { dwordCount, resultValue, type ValType, type WasmValue } from "./values.js";

export const TAG_RETURN = 0x5a770001;
export const TAG_TRAP = 0x5a770002;
export const TAG_EMIT_I32 = 0x5a770003;
export const TAG_EMIT_I64 = 0x5a770004;

/** One expected call: its result type (null for none) and what to call it in messages. */
export interface ExpectedCall {
  readonly label: string;
  readonly result: ValType | null;
}

export class ValueStreamError extends Error {}

/** Decodes the guest's value stream; `complete` is false when the run stopped early. */
export function decodeValues(
  values: readonly number[],
  calls: readonly ExpectedCall[],
): { results: CallResult[]; complete: boolean } {
  const results: CallResult[] = [];
  let at = 0;
  const take = (count: number, what: string): number[] => {
    if (at + count > values.length) throw new ValueStreamError(`value stream ends inside ${what}`);
    const dwords = values.slice(at, at + count).map((v) => v >>> 0);
    at += count;
    return dwords;
  };
  for (const call of calls) {
    const emitted: WasmValue[] = [];
    let result: CallResult | null = null;
    while (result === null && at < values.length) {
      const tag = take(1, call.label)[0];
      if (tag === TAG_EMIT_I32) emitted.push(resultValue("i32", take(1, call.label)));
      else if (tag === TAG_EMIT_I64) emitted.push(resultValue("i64", take(2, call.label)));
      else if (tag === TAG_TRAP) result = { trap: trapName(take(1, call.label)[0]!) };
      else if (tag === TAG_RETURN) {
        const type = call.result;
        result = {
          value: type === null ? null : resultValue(type, take(dwordCount(type), call.label)),
        };
      } else throw new ValueStreamError(`unexpected dword 0x${tag!.toString(16)} in ${call.label}`);
    }
    if (result === null) return { results, complete: false };
    results.push(emitted.length > 0 ? { ...result, emitted } : result);
  }
  if (at !== values.length) throw new ValueStreamError(`${values.length - at} dwords after the last call`);
  return { results, complete: true };
}
