/**
 * Measures IDL-generated stubs outside the kernel: instructions of the client stub and of the
 * server dispatch, separated and colocated, on @sawmill/bare-runtime's ring-0 machine with the
 * fake kernel of fake-kernel.ts on `int 0x30`.
 *
 * Layer: benchmark tooling, host side. Interface: `measureStubs()` → rows
 * `{ case, placement, side, instructions }` and the program's compiled module (for listings).
 *
 * What is counted (exact v86 instruction counts from markers):
 *   client  — the bare driver writes a marker, calls the program's export (e.g. `args2()`, which
 *             is `client.args2(1, 2)` on a bound client held in a global), and writes a marker
 *             after it returns. client = marker difference − the driver's 5 − (separate only)
 *             the fake kernel's 13. So it is everything executed outside the kernel from the
 *             application's call to its return: the call site, the generated AssemblyScript
 *             stub, the `idl.callN` x86 stub with its `int 0x30`; colocated, the direct call
 *             into the implementation, whose methods here only return OK.
 *   server  — separate only: the dispatch loop runs against the fake kernel, which answers every
 *             `reply_recv` with the same request; consecutive fake-kernel markers differ by one
 *             loop iteration + the fake kernel's 13. server = that difference − 13: the
 *             `idl.reply_recv` x86 stub (with its `int 0x30`), the loop, the tag decode, the call
 *             of the (empty) implementation method and back. Colocated there is no dispatch
 *             code at all: 0.
 * The real kernel's share of an IPC is measured by `npm run bench:ipc`, not here.
 */

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileFile } from "@sawmill/as-compiler";
import { buildBareImage, DEFAULT_MEMORY_BASE, runOnBareMetal } from "@sawmill/bare-runtime";
import { bootMultiboot } from "@sawmill/emulator";
import { assembleIdlStubs, compileIdl, type Placement, parseIdl, requestTag } from "@sawmill/idl";
import { type CompiledModule, compileModule } from "@sawmill/wasm-x86";
import { assembleFakeKernel, FAKE_KERNEL_INSTRUCTIONS, FAKE_KERNEL_MARKER } from "./fake-kernel.js";

export const STUB_CASES = ["args0", "args2", "args4", "buffer"] as const;
export type StubCase = (typeof STUB_CASES)[number];

export interface StubRow {
  readonly case: StubCase;
  readonly placement: Placement;
  readonly side: "client" | "server";
  readonly instructions: number;
}

/** The bare driver's instructions around a marked call (bare-runtime README "Markers"). */
const DRIVER_INSTRUCTIONS = 5;
const SERVER_ITERATIONS = 8;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const IDL_FILE = here("../stubs/bench.idl.ts");

export function benchInterface() {
  const [iface] = parseIdl(readFileSync(IDL_FILE, "utf8"), "bench.idl.ts");
  return iface;
}

/** The benchmark program of one placement, compiled by the standard pipeline. */
export async function compileStubProgram(placement: Placement): Promise<CompiledModule> {
  const dir = here(`../build/stubs/${placement}/`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(here("../stubs/assembly/app.ts"), `${dir}app.ts`);
  const generated = compileIdl(readFileSync(IDL_FILE, "utf8"), "bench.idl.ts", { placement }).get("Bench");
  writeFileSync(`${dir}bench-idl.ts`, generated ?? "");
  const wasm = await compileFile(`${dir}app.ts`);
  return compileModule(wasm, { memoryBase: DEFAULT_MEMORY_BASE, prefix: "bench." });
}

const extraObjects = (budget: number) => [
  assembleIdlStubs({ memoryBase: DEFAULT_MEMORY_BASE }),
  assembleFakeKernel(budget, DEFAULT_MEMORY_BASE),
];

export async function measureClients(module: CompiledModule, placement: Placement): Promise<StubRow[]> {
  const calls = [
    ...(placement === "colocated" ? [{ export: "serve", args: [0] }] : []),
    { export: "setup", args: [] },
    ...STUB_CASES.map((name, i) => ({ export: name, args: [], marker: 0x100 + 2 * i })),
  ];
  const run = await runOnBareMetal(module, calls, { extraObjects: extraObjects(1_000_000) });
  run.results.forEach((result, i) => {
    if (!("value" in result) || result.value !== 0)
      throw new Error(`${placement}: ${calls[i].export}() gave ${JSON.stringify(result)}, not status 0`);
  });
  const kernel = placement === "separate" ? FAKE_KERNEL_INSTRUCTIONS : 0;
  return STUB_CASES.map((name, i) => ({
    case: name,
    placement,
    side: "client",
    instructions: markerSpan(run.markers, 0x100 + 2 * i, 0x101 + 2 * i) - DRIVER_INSTRUCTIONS - kernel,
  }));
}

export async function measureServer(module: CompiledModule, name: StubCase): Promise<StubRow> {
  const method = benchInterface().methods.find((m) => m.name === name);
  if (method === undefined) throw new Error(`bench.idl.ts has no method ${name}`);
  const calls = [
    { export: "setup", args: [] },
    { export: "serve", args: [requestTag(method)] },
  ];
  // One fake-kernel entry for setup's bind, then the loop until the budget ends the run.
  const image = buildBareImage(module, calls, { extraObjects: extraObjects(1 + SERVER_ITERATIONS) });
  const boot = await bootMultiboot(image.elf, { memoryMiB: image.memoryMiB, maxInstructions: 50_000_000 });
  const entries = boot.markers.filter((m) => m.id === FAKE_KERNEL_MARKER).map((m) => m.instructions);
  if (entries.length !== 1 + SERVER_ITERATIONS)
    throw new Error(`server ${name}: ${entries.length} kernel entries`);
  const iterations = entries.slice(2).map((at, i) => at - entries[i + 1] - FAKE_KERNEL_INSTRUCTIONS);
  if (new Set(iterations).size !== 1) throw new Error(`server ${name}: iterations differ: ${iterations}`);
  return { case: name, placement: "separate", side: "server", instructions: iterations[0] };
}

function markerSpan(
  markers: readonly { id: number; instructions: number }[],
  from: number,
  to: number,
): number {
  const at = (id: number) => {
    const marker = markers.find((m) => m.id === id);
    if (marker === undefined) throw new Error(`no marker ${id}`);
    return marker.instructions;
  };
  return at(to) - at(from);
}

export async function measureStubs(): Promise<{ rows: StubRow[]; separate: CompiledModule }> {
  const separate = await compileStubProgram("separate");
  const colocated = await compileStubProgram("colocated");
  const rows = [
    ...(await measureClients(separate, "separate")),
    ...(await measureClients(colocated, "colocated")),
  ];
  for (const name of STUB_CASES) rows.push(await measureServer(separate, name));
  for (const name of STUB_CASES)
    rows.push({ case: name, placement: "colocated", side: "server", instructions: 0 });
  return { rows, separate };
}
