// The published schema files are the schemas the loader validates with, and they behave as
// documented for editors (draft-07, closed objects, descriptions everywhere).
import { readdirSync, readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { imageSchema, manifestSchema } from "../src/index.js";
import { schemaFiles } from "../src/schema/files.js";
import { closest, editDistance } from "../src/suggest.js";

describe("published schemas", () => {
  it.each(schemaFiles())("%s is up to date (npm run schema)", (path, text) => {
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(JSON.parse(text));
  });

  it("are draft-07 with distinct ids", () => {
    for (const schema of [imageSchema, manifestSchema]) {
      expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    }
    expect(imageSchema.$id).not.toBe(manifestSchema.$id);
  });

  it("describe every property (editors show these)", () => {
    const undocumented: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (typeof node !== "object" || node === null) return;
      const properties = (node as { properties?: Record<string, unknown> }).properties ?? {};
      for (const [key, child] of Object.entries(properties)) {
        if (!(child as { description?: string }).description) undocumented.push(`${path}.${key}`);
        visit(child, `${path}.${key}`);
      }
      for (const [key, child] of Object.entries(node))
        if (key !== "properties") visit(child, `${path}/${key}`);
    };
    visit(imageSchema, "image");
    visit(manifestSchema, "manifest");
    expect(undocumented).toEqual([]);
  });
});

describe("the published files, used as an editor would (plain ajv, unknown keywords ignored)", () => {
  const load = (path: string) => new Ajv({ strict: false }).compile(JSON.parse(readFileSync(path, "utf8")));

  it("image.schema.json accepts the valid configurations and rejects a misspelt key", () => {
    const validate = load("schema/image.schema.json");
    for (const file of readdirSync("test/valid")) {
      expect(validate(parse(readFileSync(`test/valid/${file}`, "utf8"))), file).toBe(true);
    }
    expect(validate({ name: "x", target: { memory: "4MiB", memroy: "4MiB" } })).toBe(false);
  });

  it("package.schema.json accepts the fixture components and rejects a bad kind", () => {
    const validate = load("schema/package.schema.json");
    for (const dir of readdirSync("test/packages")) {
      expect(validate(JSON.parse(readFileSync(`test/packages/${dir}/package.json`, "utf8"))), dir).toBe(
        dir !== "bad",
      );
    }
  });
});

describe("did you mean", () => {
  it("measures edit distance", () => {
    expect(editDistance("prority", "priority")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("suggests only plausible typos", () => {
    expect(closest("componets", ["components", "applications"])).toBe("components");
    expect(closest("colour", ["machine", "memory"])).toBeUndefined();
  });
});
