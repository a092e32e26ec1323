/**
 * The wire format every generated stub speaks, as data: labels, status codes, word order.
 *
 * Layer: IDL compiler, shared by the generators, the x86 stubs and the tests. Invariants:
 * request label 0 is `bind` (one word: the interface hash), labels 1… are methods in declaration
 * order (or a method's `@label`); a reply's label is its status (0 = OK); kernel error codes
 * (1–15) are never used as statuses by servers, so a client tells a transport failure from a
 * method's error. A reply is one word (MR0 = the result, 0 for void) — except the OK reply of a
 * method returning `Cap` or `Mapping`: no word and one typed item (MR0 MR1), a capability item
 * (ITEM_CAP with every right, the server's slot) or a map/grant item (the server's word 0, its
 * flexpage), received into the client's BR1 slot or BR0 window.
 */

import type { Field, Method, ScalarType } from "./model.js";

/** Part of every interface's identity: raise it whenever the encoding below changes. */
export const WIRE_VERSION = 1;

export const BIND_LABEL = 0;

export const Status = {
  OK: 0,
  /** bind: the server implements another version of the interface (its hash differs). */
  INTERFACE_MISMATCH: 0x10,
  /** A label the server's interface has no method for. */
  UNKNOWN_METHOD: 0x11,
  /** A request with the wrong number of words or items for its method. */
  BAD_MESSAGE: 0x12,
  /** Colocated: nothing serves this endpoint in this address space. */
  NOT_SERVED: 0x13,
} as const;

/** Method errors (`@error` tags) are numbered from here, interface-wide. */
export const ERROR_BASE = 0x20;

/** Message registers the kernel carries in registers (edx ebx esi edi). */
export const REGISTER_WORDS = 4;

/** One untyped message word of a request: an AssemblyScript parameter name and its word type. */
export interface Word {
  readonly param: string;
  readonly type: ScalarType;
  /** For u64: which half this word carries. */
  readonly half?: "low" | "high";
}

/** The method's parameters as the generated AssemblyScript sees them: structs flattened. */
export function flatParams(method: Method): Field[] {
  return method.params.flatMap((p): Field[] => {
    if (p.type.kind !== "struct") return [p];
    return p.type.fields.map((f) => ({ name: `${p.name}_${f.name.replaceAll(".", "_")}`, type: f.type }));
  });
}

/** The untyped words in order; a capability parameter is an item, not a word. */
export function requestWords(method: Method): Word[] {
  return flatParams(method).flatMap((p): Word[] => {
    if (p.type.kind !== "scalar") return [];
    if (p.type.name !== "u64") return [{ param: p.name, type: p.type.name }];
    return [
      { param: p.name, type: "u64", half: "low" },
      { param: p.name, type: "u64", half: "high" },
    ];
  });
}

/** The capability parameter's name, if the method has one. */
export function capParam(method: Method): string | null {
  return method.params.find((p) => p.type.kind === "cap")?.name ?? null;
}

/** The typed item the method's OK reply carries instead of a result word, if any. */
export function resultItem(method: Method): "cap" | "mapping" | null {
  return method.returns === "cap" || method.returns === "mapping" ? method.returns : null;
}

/** The extra client-stub parameter that says where a result item lands. */
export function receiveParam(method: Method): string | null {
  const item = resultItem(method);
  if (item === null) return null;
  return item === "cap" ? "receiveSlot" : "receiveWindow";
}

/** Whether a request travels entirely in registers (the fast path: ≤ 4 words, no items). */
export function isRegisterOnly(method: Method): boolean {
  return requestWords(method).length <= REGISTER_WORDS && capParam(method) === null;
}
