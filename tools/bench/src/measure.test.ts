import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cKernelModule, cStartObject } from "./c-kernel.js";
import { compileC } from "./gcc.js";
import { measureKernel } from "./measure.js";

// A kernel following the contract of kernels.ts, its size chosen at compile time.
const KERNEL = `
#include <stdint.h>
static int32_t values[COUNT];
void setup(void) { for (int i = 0; i < COUNT; i++) values[i] = i * 3; }
int32_t run(void) { int32_t sum = 0; for (int i = 0; i < COUNT; i++) sum += values[i]; return sum; }
int32_t digest(void) { return values[COUNT - 1]; }
`;

const directory = mkdtempSync(join(tmpdir(), "measure-test-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function measureWithCount(count: number) {
  const path = join(directory, "sum.c");
  writeFileSync(path, KERNEL);
  const module = cKernelModule(compileC(path, [`-DCOUNT=${count}`]), "sum.o");
  return measureKernel(module, [cStartObject()]);
}

describe("measureKernel on a gcc object", () => {
  it("returns run()'s result and the digest computed after it", async () => {
    const run = await measureWithCount(100);
    expect(run.result).toBe(3 * ((99 * 100) / 2));
    expect(run.digest).toBe(297);
  });

  it("counts exactly the instructions of run(): linear in the work, same every time", async () => {
    const [a, b, c, again] = await Promise.all([100, 200, 300, 200].map(measureWithCount));
    const perHundred = b!.instructions - a!.instructions;
    expect(perHundred).toBeGreaterThanOrEqual(100 * 3);
    expect(c!.instructions - b!.instructions).toBe(perHundred);
    expect(again!.instructions).toBe(b!.instructions);
  });
});
