// Condition-code aliases and negation.
import { describe, expect, it } from "vitest";
import { CANONICAL_CONDITIONS, type Condition, conditionCode, negate } from "../src/index.js";

describe("conditions", () => {
  it("maps each alias to the code of its canonical name", () => {
    const aliases: [Condition, Condition][] = [
      ["c", "b"],
      ["nae", "b"],
      ["nb", "ae"],
      ["nc", "ae"],
      ["z", "e"],
      ["nz", "ne"],
      ["na", "be"],
      ["nbe", "a"],
      ["pe", "p"],
      ["po", "np"],
      ["nge", "l"],
      ["nl", "ge"],
      ["ng", "le"],
      ["nle", "g"],
    ];
    for (const [alias, canonical] of aliases)
      expect(conditionCode(alias, "t")).toBe(conditionCode(canonical, "t"));
    CANONICAL_CONDITIONS.forEach((cc, code) => {
      expect(conditionCode(cc, "t")).toBe(code);
    });
  });

  it("negates by flipping the low bit", () => {
    expect(negate("e")).toBe("ne");
    expect(negate("l")).toBe("ge");
    expect(negate("nle")).toBe("le");
    for (const cc of CANONICAL_CONDITIONS) expect(negate(negate(cc))).toBe(cc);
  });

  it("rejects unknown conditions naming the instruction", () => {
    expect(() => conditionCode("zz" as Condition, "jcc")).toThrow('x86: jcc: unknown condition code "zz"');
  });
});
