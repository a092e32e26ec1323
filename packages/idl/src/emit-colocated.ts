/**
 * Colocated placement: client and server share an address space, so a call is a direct call
 * into the server's implementation — no message, no kernel.
 *
 * Layer: IDL compiler back end. Interface: `emitColocated(iface)` → lines of AssemblyScript.
 * `serve<I>(slot, impl)` registers the implementation under `slot` (low 8 bits) and returns;
 * a client's `bind()` finds it there. Client and server come from one build, so their hashes
 * are equal by construction; bind fails only if nothing serves the slot (STATUS_NOT_SERVED).
 * A capability argument is the slot number itself (one capability table); so is a `Cap` result
 * (`receiveSlot` is not used), and a `Mapping` result's pages are already in the address space
 * (`receiveWindow` is not used): `result` is the server's flexpage — in both placements a
 * client finds a result item where `result` says.
 */

import { asArguments, clientParameters } from "./emit-text.js";
import type { Interface, Method } from "./model.js";

export function emitColocated(iface: Interface): string[] {
  const name = iface.name;
  const table = `${name.charAt(0).toLowerCase()}${name.slice(1)}Servers`;
  return [
    `const ${table} = new StaticArray<${name}Server | null>(256);`,
    ``,
    `/** Registers \`impl\` as the server of \`slot\` in this address space and returns 0. */`,
    `export function serve${name}(slot: u32, impl: ${name}Server, capSlot: u32 = 0): u32 {`,
    `  ${table}[slot & 0xff] = impl;`,
    `  return idl.STATUS_OK;`,
    `}`,
    ``,
    `@final`,
    `export class ${name}Client {`,
    `  /** The result word of the last call. */`,
    `  result: u32 = 0;`,
    `  private slot: u32;`,
    `  private server: ${name}Server | null = null;`,
    ``,
    `  constructor(slot: u32) {`,
    `    this.slot = slot;`,
    `  }`,
    ``,
    `  /** OK, or STATUS_NOT_SERVED if nothing in this address space serves the slot. */`,
    `  bind(): u32 {`,
    `    const server = ${table}[this.slot & 0xff];`,
    `    if (server === null) return idl.STATUS_NOT_SERVED;`,
    `    this.server = server;`,
    `    return idl.STATUS_OK;`,
    `  }`,
    ...iface.methods.flatMap((m) => ["", ...clientMethod(m)]),
    `}`,
  ];
}

function clientMethod(method: Method): string[] {
  return [
    `  ${method.name}(${clientParameters(method)}): u32 {`,
    `    const server = this.server;`,
    `    if (server === null) return idl.STATUS_NOT_BOUND;`,
    `    const status = server.${method.name}(${asArguments(method)});`,
    `    this.result = server.result;`,
    `    return status;`,
    `  }`,
  ];
}
