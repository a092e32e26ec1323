import { describe, expect, it } from "vitest";
import { bootMultiboot, Machine } from "../src/index.js";
import { multibootGuest, printSerial, x86 } from "./guest.js";

const spinForever = () => x86.jmpBack(0);

describe("how runs end", () => {
  it("times out, tears the emulator down and keeps what the guest printed", async () => {
    const elf = multibootGuest([...printSerial("up"), ...spinForever()]);
    const result = await bootMultiboot(elf, { timeoutMs: 300 });
    expect(result.timedOut).toBe(true);
    expect(result.reason).toBe("timeout");
    expect(result.exitCode).toBeNull();
    expect(result.serial).toBe("up");
    expect(result.instructions).toBeGreaterThan(0);
  });

  it("stops once the instruction budget is spent", async () => {
    const result = await bootMultiboot(multibootGuest(spinForever()), { maxInstructions: 3_000_000 });
    expect(result.reason).toBe("instruction-limit");
    expect(result.timedOut).toBe(true);
    expect(result.instructions).toBeGreaterThanOrEqual(3_000_000);
    // checked at v86's main-loop boundaries, at most ~100 k instructions apart
    expect(result.instructions).toBeLessThan(3_000_000 + 200_000);
  });

  it("ends when the guest halts with interrupts disabled", async () => {
    const result = await bootMultiboot(multibootGuest([...printSerial("bye"), ...x86.cli(), ...x86.hlt()]));
    expect(result.reason).toBe("halted");
    expect(result.timedOut).toBe(false);
    expect(result.exitCode).toBeNull();
    expect(result.serial).toBe("bye");
    expect(result.instructions).toBe(1 + 2 * 3 + 2);
  });

  it("stop() destroys a running machine: the guest makes no further progress", async () => {
    const machine = await Machine.start({ multiboot: multibootGuest(spinForever()) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await machine.stop();
    const afterStop = machine.instructions();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(machine.instructions()).toBe(afterStop);
    expect(() => machine.sendSerial("x")).toThrow("not running");
  });
});
