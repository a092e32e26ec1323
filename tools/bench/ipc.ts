/**
 * The IPC benchmark: instructions per round trip (call + reply) between two address spaces and
 * within one, register-only and with one page mapped per message, on v86 and (where installed)
 * QEMU with -icount; with a breakdown of the kernel's fast path into sections.
 *
 * Layer: benchmark driver (npm run bench:ipc). Guests are in ipc/assembly: the client writes a
 * marker every ROUND_TRIPS calls and the figure is the cheapest span / ROUND_TRIPS, user-level
 * stubs and loops included. The breakdown boots the same system on a kernel built with the fast
 * path's section markers (src/entry/fastpath.ts in @sawmill/kernel) and averages each section
 * over the fast-path calls inside the client's spans; "user level" is the round trip minus the
 * kernel's sections; "without fast path" is the whole round trip on a kernel built without it
 * (everything through the AssemblyScript slow path). Prints a table, writes bench/results/ipc.json
 * ([{case, counter, instructions}]). Exit code 0 when every case ran, 1 otherwise; the bar
 * (≤ 300 per inter-address-space register-only round trip) is reported, not enforced.
 *
 * Usage: ipc.ts [case ...] — some cases only (the results file is then left alone).
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { bootMultiboot, bootQemu, qemuAvailable } from "@sawmill/emulator";
import type { BootManifest, ComponentManifest } from "@sawmill/image";
import { buildComponent, buildSystemImage, type KernelEntryOptions, Right } from "@sawmill/kernel";
import { buildBootSystem } from "@sawmill/root";
import { type Marker, perRoundTrip, SECTIONS, sectionsPerRoundTrip } from "./src/ipc-markers.js";

const RESULTS = fileURLToPath(new URL("../../bench/results/ipc.json", import.meta.url));
const guest = (name: string) => fileURLToPath(new URL(`./ipc/assembly/${name}`, import.meta.url));
const BAR = 300;
const MEMORY_MIB = 64;
const MAX_INSTRUCTIONS = 400_000_000;
const EXPECTED_EXIT = 0x42;

type Counter = "v86" | "qemu";

interface BenchCase {
  readonly name: string;
  readonly what: string;
  /** Whether the fast path serves it (then the breakdown is measured). */
  readonly fastPath: boolean;
  build(kernel: KernelEntryOptions): Promise<Uint8Array>;
}

export interface Row {
  readonly case: string;
  readonly counter: Counter;
  readonly instructions: number;
}

const server = (): ComponentManifest => ({
  name: "server",
  priority: 100,
  stackPages: 2,
  memoryPages: 32,
  grants: [{ kind: "endpoint", slot: 1, endpoint: 0 }],
  irqs: [],
  ports: [],
});

const client = (rights: number): ComponentManifest => ({
  name: "client",
  priority: 100,
  stackPages: 2,
  memoryPages: 32,
  grants: [{ kind: "client", slot: 1, component: 0, endpoint: 0, badge: 1, rights }],
  irqs: [],
  ports: [{ base: 0x520, count: 16 }],
});

function twoSpaces(serverSource: string, clientSource: string, rights: number) {
  return (kernel: KernelEntryOptions) => {
    const manifest: BootManifest = { components: [server(), client(rights)] };
    return buildBootSystem({
      components: [
        { name: "server", source: guest(serverSource) },
        { name: "client", source: guest(clientSource) },
      ],
      manifest,
      kernel,
    });
  };
}

const CASES: readonly BenchCase[] = [
  {
    name: "inter-space-regs",
    what: "two tasks, 4 words each way",
    fastPath: true,
    build: twoSpaces("server.ts", "client.ts", Right.SEND),
  },
  {
    name: "intra-space-regs",
    what: "two threads of one task, 4 words each way",
    fastPath: true,
    build: async (kernel) => {
      const root = await buildComponent(guest("intra-root.ts"));
      return buildSystemImage({ root: root.elf, kernel });
    },
  },
  {
    name: "inter-space-map",
    what: "two tasks, a MAP item of one page per call, the word read through it back",
    fastPath: false,
    build: twoSpaces("map-server.ts", "map-client.ts", Right.SEND | Right.GRANT),
  },
];

interface Run {
  readonly markers: readonly Marker[];
  readonly roundTrips: number;
}

async function boot(elf: Uint8Array, counter: Counter): Promise<Run> {
  const result =
    counter === "v86"
      ? await bootMultiboot(elf, {
          memoryMiB: MEMORY_MIB,
          maxInstructions: MAX_INSTRUCTIONS,
          virtualClock: true,
        })
      : await bootQemu(elf, { memoryMiB: MEMORY_MIB, timeoutMs: 120_000 });
  if (result.exitCode !== EXPECTED_EXIT) {
    throw new Error(`exit code ${result.exitCode} (${result.reason}); serial:\n${result.serial}`);
  }
  const roundTrips = result.values[0];
  if (roundTrips === undefined) throw new Error("the client did not report its span length");
  return { markers: result.markers, roundTrips };
}

async function measure(benchCase: BenchCase, counter: Counter): Promise<Row[]> {
  const plain = await boot(await benchCase.build({}), counter);
  const total = perRoundTrip(plain.markers, plain.roundTrips);
  const rows: Row[] = [{ case: benchCase.name, counter, instructions: round(total) }];
  if (!benchCase.fastPath) return rows;
  const marked = await boot(await benchCase.build({ markers: true }), counter);
  const sections = sectionsPerRoundTrip(marked.markers);
  let kernel = 0;
  for (const section of SECTIONS) {
    kernel += sections[section];
    rows.push({ case: `${benchCase.name}/${section}`, counter, instructions: round(sections[section]) });
  }
  rows.push({ case: `${benchCase.name}/user level`, counter, instructions: round(total - kernel) });
  const slow = await boot(await benchCase.build({ fastPath: false }), counter);
  const slowTotal = perRoundTrip(slow.markers, slow.roundTrips);
  rows.push({ case: `${benchCase.name}/without fast path`, counter, instructions: round(slowTotal) });
  return rows;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function formatTable(rows: readonly Row[], counters: readonly Counter[]): string {
  const names = [...new Set(rows.map((r) => r.case))];
  const header = ["case", ...counters];
  const lines = names.map((name) => [
    name.includes("/") ? `  ${name.slice(name.indexOf("/") + 1)}` : name,
    ...counters.map((counter) => {
      const row = rows.find((r) => r.case === name && r.counter === counter);
      return row === undefined ? "—" : String(row.instructions);
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [format(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(format)].join("\n");
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !CASES.some((c) => c.name === name));
  if (unknown.length > 0) throw new Error(`unknown case ${unknown.join(", ")}`);
  const cases = only.length === 0 ? CASES : CASES.filter((c) => only.includes(c.name));
  const counters: Counter[] = qemuAvailable() ? ["v86", "qemu"] : ["v86"];
  if (counters.length === 1) console.log("qemu-system-i386 not found: v86 only");
  const rows: Row[] = [];
  let failed = false;
  for (const benchCase of cases) {
    for (const counter of counters) {
      try {
        rows.push(...(await measure(benchCase, counter)));
        process.stderr.write(`${benchCase.name} on ${counter}: ok\n`);
      } catch (error) {
        failed = true;
        process.stderr.write(`${benchCase.name} on ${counter}: FAILED ${(error as Error).message}\n`);
      }
    }
  }
  console.log("instructions per round trip (call + reply), user-level stubs included");
  console.log(cases.map((c) => `  ${c.name}: ${c.what}`).join("\n"));
  console.log(formatTable(rows, counters));
  for (const row of rows.filter((r) => r.case === "inter-space-regs")) {
    console.log(`bar ≤ ${BAR} (${row.counter}): ${row.instructions <= BAR ? "met" : "missed"}`);
  }
  if (cases.length === CASES.length) {
    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(rows, null, 2)}\n`);
    console.log(`wrote ${RESULTS}`);
  } else {
    console.log(`(some cases only: ${RESULTS} left as it was)`);
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
