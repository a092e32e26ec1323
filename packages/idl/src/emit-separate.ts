/**
 * Separate placement: the client stub marshals into message registers and calls the server's
 * endpoint through the `idl.callN` x86 stubs; the server runs a `reply_recv` dispatch loop.
 *
 * Layer: IDL compiler back end. Interface: `emitSeparate(iface)` → lines of AssemblyScript.
 * The fast path: a request of ≤ 4 words (a capability item counts two) is `idl.callN` with the
 * client object, the tag and the words as arguments and nothing else (the x86 stub stores the
 * result); words 4… are stored into the UTCB's MR4… first. Before a successful bind the client's
 * `dest` word is 0 (system call 0), so every call fails with STATUS_NOT_BOUND and nothing
 * reaches the server. A method returning `Cap` or `Mapping` first names where the item lands
 * (UTCB BR1 = receiveSlot, BR0 = receiveWindow); its server replies through `idl.reply_recv2`,
 * which carries the item's two words (src/wire.ts).
 */

import { clientParameters, constantName, fromWords, hex, toWord } from "./emit-text.js";
import type { Interface, Method } from "./model.js";
import {
  BIND_LABEL,
  capParam,
  flatParams,
  REGISTER_WORDS,
  receiveParam,
  requestWords,
  resultItem,
} from "./wire.js";

const TAG_WORDS_SHIFT = 16;
const TAG_ITEMS_SHIFT = 22;

export function requestTag(method: Method): number {
  const items = capParam(method) === null ? 0 : 1;
  return method.number | (requestWords(method).length << TAG_WORDS_SHIFT) | (items << TAG_ITEMS_SHIFT);
}

export const BIND_TAG = BIND_LABEL | (1 << TAG_WORDS_SHIFT);
/** Every reply carries one word, the result (0 for void methods) … */
const REPLY_WORDS = 1 << TAG_WORDS_SHIFT;
/** … but the OK reply of a method returning an item: no word, one item. */
const ITEM_REPLY_TAG = 1 << TAG_ITEMS_SHIFT;

export function emitSeparate(iface: Interface): string[] {
  return [...client(iface), "", ...server(iface)];
}

function client(iface: Interface): string[] {
  const hash = `${constantName(iface.name)}_HASH`;
  return [
    `@final`,
    `export class ${iface.name}Client {`,
    `  /** The result word of the last call. (The x86 stubs rely on this field order.) */`,
    `  result: u32 = 0;`,
    `  private dest: u32 = 0;`,
    `  private slot: u32;`,
    ``,
    `  constructor(slot: u32) {`,
    `    this.slot = slot;`,
    `  }`,
    ``,
    `  /** OK, or STATUS_INTERFACE_MISMATCH from a server of another version, or a kernel error. */`,
    `  bind(): u32 {`,
    `    this.dest = (this.slot << 8) | idl.SYSCALL_CALL;`,
    `    const status = idl.call1(changetype<usize>(this), ${hex(BIND_TAG)}, ${hash});`,
    `    if (status != idl.STATUS_OK) this.dest = 0;`,
    `    return status;`,
    `  }`,
    ...iface.methods.flatMap((m) => ["", ...clientMethod(m)]),
    `}`,
  ];
}

/** The request's words as expressions: untyped words, then the capability item's two words. */
function wordExpressions(method: Method): string[] {
  const cap = capParam(method);
  const words = requestWords(method).map(toWord);
  return cap === null ? words : [...words, "idl.ITEM_CAP | idl.CAP_ITEM_RIGHTS_MASK", cap];
}

function clientMethod(method: Method): string[] {
  const words = wordExpressions(method);
  const inRegisters = words.slice(0, REGISTER_WORDS);
  const inUtcb = words.slice(REGISTER_WORDS);
  const args = ["changetype<usize>(this)", hex(requestTag(method)), ...inRegisters];
  const call = `idl.call${inRegisters.length}(${args.join(", ")})`;
  return [
    `  ${method.name}(${clientParameters(method)}): u32 {`,
    ...(inUtcb.length === 0 ? [] : [`    const mr = idl.utcb() + idl.UTCB_MR0;`]),
    ...inUtcb.map((w, i) => `    store<u32>(mr, ${w}, ${4 * (REGISTER_WORDS + i)});`),
    ...callAndReturn(method, call),
    `  }`,
  ];
}

/**
 * The call. A result item's destination is named first (BR1 a slot, BR0 a window) and the
 * buffer register restored after, so that no later message this thread receives — a server
 * loop's requests, say — can land in it; on OK the client's result says where the item is: the
 * slot, or the window.
 */
function callAndReturn(method: Method, call: string): string[] {
  const receive = receiveParam(method);
  if (receive === null) return [`    return ${call};`];
  const buffer = `utcb + idl.${resultItem(method) === "cap" ? "UTCB_BR1" : "UTCB_BR0"}`;
  return [
    `    const utcb = idl.utcb();`,
    `    const before = load<u32>(${buffer});`,
    `    store<u32>(${buffer}, ${receive});`,
    `    const status = ${call};`,
    `    store<u32>(${buffer}, before);`,
    `    if (status == idl.STATUS_OK) this.result = ${receive};`,
    `    return status;`,
  ];
}

function server(iface: Interface): string[] {
  const name = iface.name;
  const hasCaps = iface.methods.some((m) => capParam(m) !== null);
  const hasItems = iface.methods.some((m) => resultItem(m) !== null);
  return [
    `/** Serves \`slot\` forever; returns only if the endpoint capability is unusable (its error). */`,
    `export function serve${name}(slot: u32, impl: ${name}Server, capSlot: u32 = 0): u32 {`,
    `  const utcb = idl.utcb();`,
    ...(hasCaps ? [`  store<u32>(utcb + idl.UTCB_BR1, capSlot);`] : []),
    `  const dest = (slot << 8) | idl.SYSCALL_REPLY_RECV;`,
    `  let reply: u32 = 0;`,
    ...(hasItems ? itemReplyLoop(name, hasCaps) : wordReplyLoop(name, hasCaps)),
    `  return 0;`,
    `}`,
    ``,
    `function dispatch${name}(impl: ${name}Server, tag: u32, mr: u32): u32 {`,
    `  switch (tag & 0xffff) {`,
    `    case ${BIND_LABEL}:`,
    `      return tag == ${hex(BIND_TAG)} && load<u32>(mr) == ${constantName(name)}_HASH ? idl.STATUS_OK : idl.STATUS_INTERFACE_MISMATCH;`,
    ...iface.methods.flatMap(dispatchCase),
    `  }`,
    `  return idl.STATUS_UNKNOWN_METHOD;`,
    `}`,
  ];
}

/** Every reply is the status and one word, the result. */
function wordReplyLoop(name: string, hasCaps: boolean): string[] {
  return [
    `  while (true) {`,
    `    const error = idl.replyRecv(dest, reply, impl.result);`,
    ...receiveChecks(),
    ...dispatchCall(name, hasCaps, ` | ${hex(REPLY_WORDS)}`),
    `  }`,
  ];
}

/** As wordReplyLoop, but an OK item reply carries the item's words (impl.item, impl.result). */
function itemReplyLoop(name: string, hasCaps: boolean): string[] {
  return [
    `  let w0: u32 = 0;`,
    `  while (true) {`,
    `    const error = idl.replyRecv2(dest, reply, w0, impl.result);`,
    ...receiveChecks(),
    ...dispatchCall(name, hasCaps, ""),
    `    if (reply == ${hex(ITEM_REPLY_TAG)}) {`,
    `      w0 = impl.item;`,
    `    } else {`,
    `      reply |= ${hex(REPLY_WORDS)};`,
    `      w0 = impl.result;`,
    `    }`,
    `  }`,
  ];
}

/**
 * After a failed reply_recv nothing was received; if the reply failed (the client's receive
 * slot was taken, say) the client still waits, so the next reply tells it the kernel's error
 * (a transport status, no words) instead of an empty OK.
 */
function receiveChecks(): string[] {
  return [
    `    if (idl.endpointUnusable(error)) return error;`,
    `    if (error != 0) {`,
    `      reply = error;`,
    `      continue;`,
    `    }`,
    `    impl.badge = load<u32>(utcb + idl.UTCB_BADGE);`,
  ];
}

/**
 * The dispatch. A server that accepts capabilities frees its receive slot when the dispatch
 * refused a message that brought one, or the next capability could not land there.
 */
function dispatchCall(name: string, hasCaps: boolean, replyWords: string): string[] {
  const call = (tag: string) => `dispatch${name}(impl, ${tag}, utcb + idl.UTCB_MR0)${replyWords}`;
  if (!hasCaps) return [`    reply = ${call("load<u32>(utcb + idl.UTCB_TAG)")};`];
  return [
    `    const tag = load<u32>(utcb + idl.UTCB_TAG);`,
    `    reply = ${call("tag")};`,
    `    if (idl.refusedWithItems(tag, reply)) idl.capDelete(capSlot);`,
  ];
}

function dispatchCase(method: Method): string[] {
  const words = requestWords(method);
  const cap = capParam(method);
  const read = (k: number) => `load<u32>(mr, ${4 * k})`;
  const args = flatParams(method).map((p) =>
    p.name === cap ? read(words.length + 1) : fromWords(words, p.name, read),
  );
  const invoke = `impl.${method.name}(${args.join(", ")})`;
  return [
    `    case ${method.number}:`,
    `      if (tag != ${hex(requestTag(method))}) return idl.STATUS_BAD_MESSAGE;`,
    ...itemResultCase(method, invoke),
  ];
}

/** A method returning an item answers OK with ITEM_REPLY_TAG (a Cap's item word made here). */
function itemResultCase(method: Method, invoke: string): string[] {
  const item = resultItem(method);
  if (item === null) return [`      return ${invoke};`];
  return [
    `      {`,
    `        const status = ${invoke};`,
    `        if (status != idl.STATUS_OK) return status;`,
    ...(item === "cap" ? [`        impl.item = idl.ITEM_CAP | idl.CAP_ITEM_RIGHTS_MASK;`] : []),
    `        return ${hex(ITEM_REPLY_TAG)};`,
    `      }`,
  ];
}
