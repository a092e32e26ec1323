import { describe, expect, it } from "vitest";
import type { Instr } from "../decoder/instructions.js";
import { op } from "../decoder/opcodes.js";
import { localWeights } from "./local-ranking.js";

/** Instructions from `[name, immediate]` pairs; br_table takes its target list. */
function body(...items: [string, (number | number[])?][]): Instr[] {
  return items.map(([name, imm], at) => ({
    op: op(name),
    at,
    index: typeof imm === "number" ? imm : 0,
    offset: 0,
    i32: 0,
    i64: 0n,
    targets: Array.isArray(imm) ? imm : null,
    block: name === "block" || name === "loop" || name === "if" ? { result: null } : null,
  }));
}

describe("localWeights", () => {
  it("weights an access in a loop eight times one outside it", () => {
    const w = localWeights(body(["local.get", 0], ["loop"], ["local.get", 1], ["end"], ["local.get", 2]));
    expect(w.get(0)).toBe(1);
    expect(w.get(1)).toBe(8);
    expect(w.get(2)).toBe(1);
  });

  it("halves each arm of an if and joins them after", () => {
    const w = localWeights(
      body(["if"], ["local.get", 0], ["else"], ["local.get", 1], ["end"], ["local.get", 2]),
    );
    expect([w.get(0), w.get(1), w.get(2)]).toEqual([0.5, 0.5, 1]);
  });

  it("splits a br_table over its targets and collects them at each block end", () => {
    const w = localWeights(
      body(
        ["block"],
        ["block"],
        ["block"],
        ["br_table", [0, 1, 2, 2]],
        ["end"],
        ["local.get", 0],
        ["end"],
        ["local.get", 1],
        ["end"],
        ["local.get", 2],
      ),
    );
    expect([w.get(0), w.get(1), w.get(2)]).toEqual([0.25, 0.5, 1]);
  });

  it("ranks a dispatch loop's counter above a local used more often only in its arms", () => {
    // loop { if (i) { switch (three ways) { arms that read c three times }; i = i; br loop } }
    const readC: [string, number?][] = [
      ["local.get", 1],
      ["local.get", 1],
      ["local.get", 1],
      ["drop"],
      ["drop"],
      ["drop"],
    ];
    const w = localWeights(
      body(
        ["loop"],
        ["local.get", 0],
        ["if"],
        ["block"],
        ["block"],
        ["block"],
        ["br_table", [0, 1, 2]],
        ["end"],
        ...readC,
        ["br", 1],
        ["end"],
        ...readC,
        ["end"],
        ["local.get", 0],
        ["local.set", 0],
        ["br", 1],
        ["end"],
        ["end"],
      ),
    );
    expect(w.get(0)).toBe(16);
    expect(w.get(1)).toBeCloseTo(8);
  });

  it("treats code after an unconditional branch as unreached", () => {
    const w = localWeights(body(["block"], ["br", 0], ["local.get", 0], ["end"], ["local.get", 1]));
    expect(w.get(0)).toBe(0);
    expect(w.get(1)).toBe(1);
  });
});
