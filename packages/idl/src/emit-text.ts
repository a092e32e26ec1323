/**
 * Small text helpers the AssemblyScript emitters share: names, numbers, parameter lists and the
 * conversions between a parameter and its message word.
 *
 * Layer: IDL compiler back end.
 */

import type { Method, ScalarType } from "./model.js";
import { flatParams, receiveParam, type Word } from "./wire.js";

const AS_TYPES: Readonly<Record<ScalarType, string>> = {
  u8: "u8",
  u16: "u16",
  u32: "u32",
  i32: "i32",
  bool: "bool",
  u64: "u64",
};

export function hex(value: number): string {
  return `0x${(value >>> 0).toString(16)}`;
}

/** `BlockDevice` → `BLOCK_DEVICE`. */
export function constantName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

/** The method's AssemblyScript parameter list; a capability is its slot number (u32). */
export function asParameters(method: Method): string {
  return flatParams(method)
    .map((p) => `${p.name}: ${p.type.kind === "scalar" ? AS_TYPES[p.type.name] : "u32"}`)
    .join(", ");
}

/** A client stub's parameter list: the method's, then where a result item lands (if any). */
export function clientParameters(method: Method): string {
  const receive = receiveParam(method);
  const params = asParameters(method);
  if (receive === null) return params;
  return params === "" ? `${receive}: u32` : `${params}, ${receive}: u32`;
}

export function asArguments(method: Method): string {
  return flatParams(method)
    .map((p) => p.name)
    .join(", ");
}

/** The expression that turns a parameter into its u32 message word. */
export function toWord(word: Word): string {
  if (word.half === "low") return `<u32>${word.param}`;
  if (word.half === "high") return `<u32>(${word.param} >>> 32)`;
  return `<u32>${word.param}`;
}

/** A parameter rebuilt from its words, given the expression that reads word k. */
export function fromWords(words: readonly Word[], param: string, read: (k: number) => string): string {
  const k = words.findIndex((w) => w.param === param);
  const word = words[k];
  if (word.type === "u64") return `(<u64>${read(k)} | (<u64>${read(k + 1)} << 32))`;
  if (word.type === "bool") return `${read(k)} != 0`;
  if (word.type === "u32") return read(k);
  return `<${AS_TYPES[word.type]}>${read(k)}`;
}
