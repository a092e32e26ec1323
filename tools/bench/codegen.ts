/**
 * The codegen benchmark: our backend against gcc -O2 on the same kernels, in the same harness.
 *
 * Layer: benchmark driver (npm run bench:codegen). For every kernel in kernels/: compile the
 * AssemblyScript with asc and run it in Node (the reference values), compile the C with gcc and
 * run it in v86, compile the wasm with @sawmill/wasm-x86 and run it in v86; both x86 versions
 * must reproduce the reference's run() result and digest. Prints a table; a run of all kernels
 * writes bench/results/codegen.json ([{kernel, ours, gcc, ratio}], plus `error` for a failed kernel).
 *
 * Usage: codegen.ts [kernel ...] [--dump DIR] [--listing]
 *   --dump DIR writes <kernel>.wasm and the text sections <kernel>.ours.bin / <kernel>.gcc.bin
 *   with <kernel>.symbols.txt (export offsets) for `objdump -D -b binary -m i386 -M intel`.
 *   --listing prints the disassembly of run() of both sides.
 * Exit code: 0 when every kernel built, ran and agreed (missing the ratio bar is reported, not
 * failed); 1 otherwise.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileFile, STANDARD_ASC_FLAGS } from "@sawmill/as-compiler";
import type { BareModule } from "@sawmill/bare-runtime";
import { asKernelModule, KERNEL_PREFIX } from "./src/as-kernel.js";
import { cKernelModule, cStartObject } from "./src/c-kernel.js";
import { compileC, GCC_FLAGS } from "./src/gcc.js";
import { KERNEL_NAMES, type KernelName, kernelSource } from "./src/kernels.js";
import { functionListing } from "./src/listing.js";
import { type KernelValues, measureKernel, referenceRun } from "./src/measure.js";
import { formatTable, type KernelReport, ratioOf, toJson } from "./src/report.js";

/** A C programmer's build has no assertions either. */
const ASC_FLAGS: readonly string[] = ["--noAssert"];
const RESULTS = fileURLToPath(new URL("../../bench/results/codegen.json", import.meta.url));

interface Options {
  readonly kernels: readonly KernelName[];
  readonly dump: string | null;
  readonly listing: boolean;
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  console.log(
    `ours: asc ${[...STANDARD_ASC_FLAGS, ...ASC_FLAGS].join(" ")} → @sawmill/wasm-x86;  gcc: gcc ${GCC_FLAGS.join(" ")}`,
  );
  const rows: KernelReport[] = [];
  for (const kernel of options.kernels) {
    const row = await benchmarkKernel(kernel, options);
    process.stderr.write(`${kernel}: ${row.error === undefined ? "ok" : row.error}\n`);
    rows.push(row);
  }
  console.log(formatTable(rows));
  if (options.kernels.length === KERNEL_NAMES.length) {
    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, toJson(rows));
    console.log(`wrote ${RESULTS}`);
  } else {
    console.log(`(some kernels only: ${RESULTS} left as it was)`);
  }
  return rows.every((row) => row.error === undefined) ? 0 : 1;
}

async function benchmarkKernel(kernel: KernelName, { dump, listing }: Options): Promise<KernelReport> {
  let reference: KernelValues;
  let wasm: Uint8Array;
  try {
    wasm = await compileFile(kernelSource(kernel, "ts"), { flags: ASC_FLAGS });
    reference = await referenceRun(wasm);
  } catch (error) {
    return { kernel, ours: null, gcc: null, ratio: null, error: `reference: ${message(error)}` };
  }
  const gcc = await attempt("gcc", reference, async () => {
    const module = cKernelModule(compileC(kernelSource(kernel, "c")), `${kernel}.o`);
    if (dump !== null) dumpModule(dump, kernel, "gcc", module);
    if (listing) await printListing(kernel, "gcc", module, "run");
    return measureKernel(module, [cStartObject()]);
  });
  const ours = await attempt("ours", reference, async () => {
    if (dump !== null) writeFileSync(join(dump, `${kernel}.wasm`), wasm);
    const module = asKernelModule(wasm);
    if (dump !== null) dumpModule(dump, kernel, "ours", module);
    if (listing) await printListing(kernel, "ours", module, `${KERNEL_PREFIX}run`);
    return measureKernel(module);
  });
  const errors = [gcc, ours].flatMap((side) => ("error" in side ? [side.error] : []));
  const oursCount = "instructions" in ours ? ours.instructions : null;
  const gccCount = "instructions" in gcc ? gcc.instructions : null;
  return {
    kernel,
    ours: oursCount,
    gcc: gccCount,
    ratio: ratioOf(oursCount, gccCount),
    ...(errors.length > 0 ? { error: errors.join("; ") } : {}),
  };
}

/** Runs one side; a throw or a value that differs from the reference becomes an error. */
async function attempt(
  side: string,
  reference: KernelValues,
  measure: () => Promise<KernelValues & { instructions: number }>,
): Promise<{ instructions: number } | { error: string }> {
  try {
    const run = await measure();
    for (const key of ["result", "digest"] as const) {
      if (run[key] !== reference[key]) {
        return { error: `${side}: ${key} ${run[key]} differs from the reference ${reference[key]}` };
      }
    }
    return { instructions: run.instructions };
  } catch (error) {
    return { error: `${side}: ${message(error)}` };
  }
}

function dumpModule(directory: string, kernel: string, side: string, module: BareModule): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, `${kernel}.${side}.bin`), module.object.sections.text.bytes);
  const lines = module.object.symbols
    .filter((s) => s.section === "text")
    .map((s) => `0x${s.offset.toString(16).padStart(6, "0")} ${s.binding} ${s.name}`);
  writeFileSync(join(directory, `${kernel}.${side}.symbols.txt`), `${lines.join("\n")}\n`);
}

async function printListing(kernel: string, side: string, module: BareModule, symbol: string): Promise<void> {
  const lines = await functionListing(module.object, symbol);
  console.log(`--- ${kernel}: ${side} run() — ${lines.length} instructions\n${lines.join("\n")}`);
}

function parseArguments(args: readonly string[]): Options {
  const kernels: KernelName[] = [];
  let dump: string | null = null;
  let listing = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--dump") dump = args[++i] ?? usage("--dump needs a directory");
    else if (arg === "--listing") listing = true;
    else if ((KERNEL_NAMES as readonly string[]).includes(arg)) kernels.push(arg as KernelName);
    else usage(`unknown kernel or option "${arg}" (kernels: ${KERNEL_NAMES.join(", ")})`);
  }
  return { kernels: kernels.length > 0 ? kernels : KERNEL_NAMES, dump, listing };
}

function usage(problem: string): never {
  process.stderr.write(`codegen: ${problem}\nusage: codegen.ts [kernel ...] [--dump DIR] [--listing]\n`);
  process.exit(2);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

process.exitCode = await main();
