// The limits this package checks are the root task's and the kernel's: read from their sources
// so a change there fails here instead of at boot.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_PRIORITY, MAX_STACK_PAGES, MAX_TASKS } from "../src/index.js";

function constant(file: string, name: string): number {
  const match = new RegExp(`export const ${name}: u32 = (\\d+);`).exec(readFileSync(file, "utf8"));
  if (!match) throw new Error(`${name} not found in ${file}`);
  return Number(match[1]);
}

describe("limits shared with the kernel and the root task", () => {
  it("priority: at most the root task's own", () => {
    expect(MAX_PRIORITY).toBe(constant("../kernel/assembly/root-task.ts", "ROOT_PRIORITY"));
  });

  it("tasks: root's component table", () => {
    expect(MAX_TASKS).toBe(constant("../root/assembly/layout.ts", "MAX_COMPONENTS"));
  });

  it("stack: 15 pages, as root's manifest check says (1–15 stack pages)", () => {
    expect(MAX_STACK_PAGES).toBe(15);
    expect(readFileSync("../root/README.md", "utf8")).toContain("1–15 stack pages");
  });
});
