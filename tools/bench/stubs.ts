/**
 * The IDL stub benchmark: instructions the generated client stubs and server dispatch execute
 * outside the kernel, for separate and colocated placement.
 *
 * Layer: benchmark driver (npm run bench:stubs). Builds tools/bench/stubs/assembly/app.ts against the
 * module @sawmill/idl generates from stubs/bench.idl.ts for each placement, runs it on the
 * ring-0 bare machine with a fake kernel on int 0x30 (src/stubs-measure.ts says exactly what is
 * counted), prints a table, the x86 of one client stub disassembled by GNU objdump, and writes
 * bench/results/stubs.json as [{case, placement, side, instructions}].
 * Exit code: 0 when everything ran (a missed bar is reported, not failed); 1 otherwise.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { idlStubBytes } from "@sawmill/idl";
import type { CompiledModule } from "@sawmill/wasm-x86";
import { objdumpListing } from "./src/objdump.js";
import { measureStubs, STUB_CASES, type StubRow } from "./src/stubs-measure.js";

const RESULTS = fileURLToPath(new URL("../../bench/results/stubs.json", import.meta.url));
const BAR = 30;
const BAR_CASES: readonly string[] = ["args0", "args2", "args4"];

const METHOD = `What is counted (exact v86 instruction counts between debug-port markers):
  client  from the application's call to its return, on the ring-0 bare machine with a fake kernel
          on int 0x30: the call site (load the client, push the arguments), the generated
          AssemblyScript stub, the idl.callN x86 stub and its int 0x30. The fake kernel's 13
          instructions are subtracted; the real kernel's share is npm run bench:ipc's business.
          Colocated: the direct call into the implementation (whose methods only return OK).
  server  separate: one iteration of the dispatch loop (idl.reply_recv stub with its int 0x30,
          loop, tag check, the empty implementation method), fake kernel subtracted.
          Colocated: no dispatch code exists (0).
  bar     at most ${BAR} instructions per separate client stub for 0, 2 and 4 word arguments.`;

function formatTable(rows: readonly StubRow[]): string {
  const get = (c: string, placement: string, side: string) =>
    rows.find((r) => r.case === c && r.placement === placement && r.side === side)?.instructions ?? NaN;
  const lines = [
    "case    separate client  separate server  colocated client  colocated server  bar ≤ 30 (client)",
    "------  ---------------  ---------------  ----------------  ----------------  -----------------",
  ];
  for (const c of STUB_CASES) {
    const client = get(c, "separate", "client");
    const bar = BAR_CASES.includes(c) ? (client <= BAR ? "met" : "missed") : "(no bar)";
    lines.push(
      [
        c.padEnd(6),
        String(client).padStart(15),
        String(get(c, "separate", "server")).padStart(15),
        String(get(c, "colocated", "client")).padStart(16),
        String(get(c, "colocated", "server")).padStart(16),
        bar.padStart(17),
      ].join("  "),
    );
  }
  return lines.join("\n");
}

/** The AssemblyScript side of `args4` (the generated stub inlined into its call site), unlinked. */
function functionBytes(module: CompiledModule, name: string): { bytes: Uint8Array; offset: number } {
  const text = module.object.sections.text.bytes;
  const symbol = module.exports.find((e) => e.name === name)?.symbol;
  const starts = module.object.symbols.filter((s) => s.section === "text").map((s) => s.offset);
  const start = module.object.symbols.find((s) => s.name === symbol)?.offset;
  if (start === undefined) throw new Error(`no export ${name}`);
  const end = Math.min(...starts.filter((o) => o > start), text.length);
  return { bytes: text.subarray(start, end), offset: start };
}

async function main(): Promise<number> {
  const { rows, separate } = await measureStubs();
  console.log(METHOD);
  console.log();
  console.log(formatTable(rows));
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`wrote ${RESULTS}`);
  const args4 = functionBytes(separate, "args4");
  console.log(
    "\nclient stub args4, AssemblyScript side (client.args4(1, 2, 3, 4) inlined at its call site; wasm-x86\n" +
      "output before linking: the global's address and the call's target are relocations, shown as 0) —\n" +
      "GNU objdump -D -b binary -m i386 -M intel:",
  );
  console.log(objdumpListing(args4.bytes, args4.offset).join("\n"));
  console.log("\nidl.call4, the x86 stub it calls (memory base 0x01000000 of the bench machine):");
  console.log(objdumpListing(idlStubBytes("call4", 0x0100_0000)).join("\n"));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
