/**
 * Test helper: the component that serves the kernel's three protocols
 * (test/assembly/kernel-protocols-main.ts), staged under build/kernel-protocols-app with the
 * modules generated from @sawmill/kernel's idl/ beside it (`./pager`, `./exception-handler`,
 * `./interrupt-handler`). Always the separate placement: the kernel is the client.
 *
 * Layer: test support, host side. Interface: `prepareKernelProtocolsApp()` → the entry file.
 */

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { KERNEL_PROTOCOLS } from "@sawmill/kernel";
import { compileIdl } from "../src/index.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Generated module file name → the protocol's interface file and the interface in it. */
const MODULES = [
  { module: "pager", idl: KERNEL_PROTOCOLS.pager, name: "Pager" },
  { module: "exception-handler", idl: KERNEL_PROTOCOLS.exceptionHandler, name: "ExceptionHandler" },
  { module: "interrupt-handler", idl: KERNEL_PROTOCOLS.interruptHandler, name: "InterruptHandler" },
] as const;

const ENTRY = "kernel-protocols-main.ts";

export function prepareKernelProtocolsApp(): string {
  const dir = here("../build/kernel-protocols-app/");
  mkdirSync(dir, { recursive: true });
  copyFileSync(here(`./assembly/${ENTRY}`), `${dir}${ENTRY}`);
  for (const { module, idl, name } of MODULES) {
    const generated = compileIdl(readFileSync(idl, "utf8"), idl, { placement: "separate" }).get(name);
    if (generated === undefined) throw new Error(`${idl}: no interface ${name}`);
    writeFileSync(`${dir}${module}.ts`, generated);
  }
  return `${dir}${ENTRY}`;
}
