import { fileURLToPath } from "node:url";
import { bootMultiboot } from "@sawmill/emulator";
import { describe, expect, it } from "vitest";
import { buildComponent, buildSystemImage } from "../src/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`./assembly/${name}`, import.meta.url));

describe("IPC", () => {
  it("exchanges register and long messages between two threads; badges, rights and errors", async () => {
    const root = await buildComponent(fixture("ipc-root.ts"));
    const elf = await buildSystemImage({ root: root.elf });
    const result = await bootMultiboot(elf, { memoryMiB: 64, maxInstructions: 100_000_000 });
    expect(result.serial).toContain("badges ok");
    expect(result.serial).toContain("round trips ok");
    expect(result.serial).toContain("long message ok");
    expect(result.serial).toContain("errors ok");
    expect(result.serial).toContain("forgery ok");
    expect(result.serial).toContain("capability transfer ok");
    expect(result.serial).toContain("object errors ok");
    expect(result.serial).toContain("priorities ok");
    expect(result.exitCode).toBe(0x42);
    const [start, end] = [1, 2].map((id) => result.markers.find((m) => m.id === id)?.instructions ?? 0);
    const perRoundTrip = (end - start) / 1000;
    console.log(
      `call/reply_recv round trip (slow path, or the fast path once wired): ${perRoundTrip} instructions`,
    );
    expect(perRoundTrip).toBeGreaterThan(0);
    expect(perRoundTrip).toBeLessThan(10_000);
  });

  it("expires send, receive and reply timeouts in timer ticks; a lost reply right aborts the caller", async () => {
    const root = await buildComponent(fixture("ipc-timeout-root.ts"));
    const elf = await buildSystemImage({ root: root.elf });
    const result = await bootMultiboot(elf, {
      memoryMiB: 64,
      maxInstructions: 100_000_000,
      virtualClock: true,
    });
    expect(result.serial).toContain("send and receive timeouts ok");
    expect(result.serial).toContain("reply timeout ok");
    expect(result.serial).toContain("lost reply right aborts ok");
    expect(result.exitCode).toBe(0x42);
  });

  it("a dying task leaves endpoint queues and aborts the callers waiting for its reply", async () => {
    const root = await buildComponent(fixture("ipc-death-root.ts"));
    const elf = await buildSystemImage({ root: root.elf });
    const result = await bootMultiboot(elf, { memoryMiB: 64, maxInstructions: 100_000_000 });
    expect(result.serial).toContain("child task runs");
    expect(result.serial).toContain("caller aborted ok");
    expect(result.serial).toContain("dead waiter dequeued ok");
    expect(result.exitCode).toBe(0x42);
  });
});
