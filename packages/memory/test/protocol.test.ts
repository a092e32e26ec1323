import { readFileSync } from "node:fs";
import { parseIdl } from "@sawmill/idl";
import { describe, expect, it } from "vitest";
import { DataspaceLabel, DataspaceStatus } from "../src/index.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

describe("the dataspace protocol", () => {
  const [iface] = parseIdl(read("../src/dataspace.idl.ts"), "dataspace.idl.ts");

  it("numbers the IDL's methods and errors as the host constants say", () => {
    expect(iface.methods.map((m) => [m.name.toUpperCase(), m.number])).toEqual(
      Object.entries(DataspaceLabel),
    );
    const errors = Object.entries(DataspaceStatus).filter(([name]) => name !== "OK");
    expect(iface.errors.map((e) => [e.name, e.code])).toEqual(errors);
  });

  it("the AssemblyScript side uses the same numbers", () => {
    const source = read("../assembly/dataspace.ts");
    for (const [name, value] of Object.entries(DataspaceLabel))
      expect(source).toContain(`export const DS_${name}: u32 = ${value};`);
    for (const [name, value] of Object.entries(DataspaceStatus))
      expect(source).toContain(
        `export const DS_${name}: u32 = ${value === 0 ? "0" : `0x${value.toString(16)}`};`,
      );
  });
});
