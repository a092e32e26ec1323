// The kernel's IPC protocols (packages/kernel/idl) against the kernel's own ABI: the labels and
// word counts the kernel sends are the ones the generated dispatch checks.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { KERNEL_PROTOCOLS, KernelLabel } from "@sawmill/kernel";
import { describe, expect, it } from "vitest";
import { parseIdl, requestTag } from "../src/index.js";

function method(path: string) {
  const [iface] = parseIdl(readFileSync(path, "utf8"), basename(path));
  expect(iface.methods).toHaveLength(1);
  return iface.methods[0];
}

const tag = (label: number, words: number) => label | (words << 16);

describe("the kernel's protocols in IDL", () => {
  it("Pager.pageFault: label PAGE_FAULT, 3 words; the reply is a mapping", () => {
    const pageFault = method(KERNEL_PROTOCOLS.pager);
    expect(requestTag(pageFault)).toBe(tag(KernelLabel.PAGE_FAULT, 3));
    expect(pageFault.returns).toBe("mapping");
  });

  it("ExceptionHandler.exception: label EXCEPTION, 4 words", () => {
    expect(requestTag(method(KERNEL_PROTOCOLS.exceptionHandler))).toBe(tag(KernelLabel.EXCEPTION, 4));
  });

  it("InterruptHandler.interrupt: label IRQ, 1 word", () => {
    expect(requestTag(method(KERNEL_PROTOCOLS.interruptHandler))).toBe(tag(KernelLabel.IRQ, 1));
  });
});
