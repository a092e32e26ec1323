import { describe, expect, it } from "vitest";
import { bootMultiboot } from "../src/index.js";
import { exit, multibootGuest, printSerial, value, x86 } from "./guest.js";

describe("bootMultiboot", () => {
  it("captures serial output, values and the exit code", async () => {
    const streamed: string[] = [];
    const elf = multibootGuest([
      ...printSerial("Hi\n"),
      ...value(7),
      ...value(0xffffffff),
      ...exit(42),
      ...x86.hlt(),
    ]);
    const result = await bootMultiboot(elf, { onSerial: (text) => streamed.push(text) });
    expect(result.exitCode).toBe(42);
    expect(result.serial).toBe("Hi\n");
    expect(streamed.join("")).toBe("Hi\n");
    expect(result.values).toEqual([7, 0xffffffff]);
    expect(result.timedOut).toBe(false);
    expect(result.reason).toBe("exit");
  });

  it("counts the instructions up to the exit out exactly", async () => {
    const code = [...printSerial("ab"), ...exit(0)];
    // mov dx + 2 × (mov al, out) + mov eax + mov dx + out
    const result = await bootMultiboot(multibootGuest(code));
    expect(result.instructions).toBe(1 + 4 + 3);
  });
});
