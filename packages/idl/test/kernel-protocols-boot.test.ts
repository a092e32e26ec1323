// One component serves the kernel's Pager, ExceptionHandler and InterruptHandler protocols with
// the dispatch @sawmill/idl generates (fixture: test/assembly/kernel-protocols-main.ts), booted
// with the real kernel and root task in v86: a refused page fault becomes an exception, the
// handler's generated reply retries the access, the pager's generated reply maps a stamped page,
// other faults go on to root through the generated RootTask client, and PIT interrupts arrive
// through the generated interrupt dispatch.
import { bootMultiboot } from "@sawmill/emulator";
import { buildManifestSystem, componentManifest } from "@sawmill/root";
import { describe, expect, it } from "vitest";
import { prepareKernelProtocolsApp } from "./kernel-protocols-app.js";

const PROBE = "0x60000000";
const STAMP = "0x5a3c0ffe";
const HEX = "0x[0-9a-f]{8}";

/** The first line matching `pattern`, with its index and the pattern's groups. */
function line(lines: string[], pattern: string) {
  const regex = new RegExp(`^${pattern}$`);
  const index = lines.findIndex((text) => regex.test(text));
  expect(index, pattern).toBeGreaterThanOrEqual(0);
  return { index, groups: regex.exec(lines[index])?.slice(1) ?? [] };
}

describe("the kernel's protocols served by generated dispatch in v86", () => {
  it("pager refuses, exception handler resumes, pager maps; five PIT interrupts on line 0", async () => {
    const manifest = componentManifest("kp", {
      grants: [1, 2, 3, 4].map((slot, endpoint) => ({ kind: "endpoint" as const, slot, endpoint })),
      irqs: [0],
    });
    const elf = await buildManifestSystem([{ manifest, source: prepareKernelProtocolsApp() }]);
    const result = await bootMultiboot(elf, {
      memoryMiB: 64,
      maxInstructions: 100_000_000,
      virtualClock: { instructionsPerMs: 100_000 },
    });
    const lines = result.serial.split("\n");
    expect(result.serial).not.toContain("FAIL");

    const refused = line(lines, `\\[kp\\] pager: fault at ${PROBE} eip (${HEX}) refused`);
    const exception = line(
      lines,
      `\\[kp\\] exception: vector 14 at eip (${HEX}), error code 0x00000004, address ${PROBE}`,
    );
    const mapped = line(lines, `\\[kp\\] pager: fault at ${PROBE} eip (${HEX}) mapped`);
    const read = line(lines, `\\[kp\\] worker: read ${STAMP} at ${PROBE} after the resume`);
    expect([refused.index, exception.index, mapped.index, read.index]).toEqual(
      [refused.index, exception.index, mapped.index, read.index].sort((a, b) => a - b),
    );
    // One instruction throughout: the exception reports it, the reply retries it.
    expect(exception.groups).toEqual(refused.groups);
    expect(mapped.groups).toEqual(refused.groups);

    expect(lines).toContain("[kp] interrupts handled on line 0: 5");
    const [forwarded] = line(lines, "\\[kp\\] pager: faults passed to root: (\\d+)").groups;
    expect(Number(forwarded)).toBeGreaterThanOrEqual(1);
    expect(lines).toContain("[kp] done");
    expect(result.exitCode).toBe(0x4b);
  });
});
