/**
 * Test helper: builds a component that links the `idl` x86 stubs besides the `sys` ones.
 *
 * Layer: test support, host side. Interface: `buildIdlComponent(source)` → component ELF bytes.
 * A local copy of @sawmill/kernel's `buildComponent` steps (src/user/component.ts) with one
 * addition, the IDL stub object in the link; it goes away once buildComponent takes an
 * `extraObjects` option (requested in the IDL package's README, "Linking").
 */

import { compileFile } from "@sawmill/as-compiler";
import { link, writeComponentElf } from "@sawmill/image";
import { compileModule } from "@sawmill/wasm-x86";
import { Address } from "../../kernel/src/layout.js";
import { assembleUserRuntime, USER_ENTRY, USER_PREFIX } from "../../kernel/src/user/runtime.js";
import { assembleSyscallStubs, STUB_MODULE } from "../../kernel/src/user/stubs.js";
import { assembleIdlStubs } from "../src/index.js";

export async function buildIdlComponent(source: string): Promise<Uint8Array> {
  const wasm = await compileFile(source);
  const compiled = compileModule(wasm, { memoryBase: Address.USER_MEMORY, prefix: USER_PREFIX });
  const entry = compiled.exports.find((e) => e.name === "main");
  if (entry === undefined) throw new Error(`${source}: no exported function main`);
  const syscalls = [
    ...new Set(compiled.imports.filter((i) => i.module === STUB_MODULE).map((i) => i.name)),
  ].sort();
  const runtime = assembleUserRuntime({
    startSymbol: compiled.startSymbol,
    mainSymbol: entry.symbol,
    initialPages: compiled.memory?.initialPages ?? 0,
    maxPages: 16,
  });
  const objects = [
    runtime,
    compiled.object,
    assembleSyscallStubs(syscalls),
    assembleIdlStubs({ memoryBase: Address.USER_MEMORY }),
  ];
  return writeComponentElf(link(objects, { base: Address.USER_IMAGE, entry: USER_ENTRY }));
}
