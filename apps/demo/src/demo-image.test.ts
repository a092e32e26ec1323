import { describe, expect, it } from "vitest";
import { runDemo } from "./demo-image.js";

describe("the demo image", () => {
  it("boots in v86 and prints what the compiled program computes", async () => {
    const run = await runDemo();
    expect(run.exitCode).toBe(0);
    expect(run.serial).toContain("Hello from SawMill!");
    expect(run.serial).toContain("primes below 60: 2 3 5 7 11 13 17 19 23 29 31 37 41 43 47 53 59\n");
    expect(run.serial).toContain("fibonacci(90) = 2880067194370816120\n");
  });
});
