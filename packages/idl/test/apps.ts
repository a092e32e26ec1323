/**
 * Test helper: the test application (test/assembly) with its generated modules, one directory per
 * placement under build/test-apps — the same application files, only the generated code differs.
 *
 * Layer: test support, host side. Interface: `prepareApp(placement)` → the directory.
 */

import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileIdl, type Placement } from "../src/index.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Generated module file name → interface file; calc-v2 is "another version" of calc. */
const MODULES: Readonly<Record<string, string>> = { calc: "calc.idl.ts", "calc-v2": "calc-v2.idl.ts" };

export function prepareApp(placement: Placement): string {
  const dir = here(`../build/test-apps/${placement}/`);
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(here("./assembly/")))
    copyFileSync(here(`./assembly/${file}`), `${dir}${file}`);
  for (const [module, idl] of Object.entries(MODULES)) {
    const text = readFileSync(here(`./idl/${idl}`), "utf8");
    const generated = compileIdl(text, idl, { placement }).get("Calc");
    if (generated === undefined) throw new Error(`${idl}: no interface Calc`);
    writeFileSync(`${dir}${module}.ts`, generated);
  }
  return dir;
}
