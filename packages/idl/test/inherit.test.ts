// Interface inheritance (`interface A extends B`): the derived interface is its bases' methods
// (the same objects, labels kept) and errors (codes kept for the first base) followed by its own.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { KERNEL_PROTOCOLS } from "@sawmill/kernel";
import { describe, expect, it } from "vitest";
import {
  canonicalText,
  generateModule,
  IdlError,
  type Interface,
  parseIdl,
  requestTag,
} from "../src/index.js";

/** An absolute path in the fixtures' folder, so imports resolve from it (the file need not exist). */
const inFixtures = (name: string) => fileURLToPath(new URL(`./idl/inherit/${name}`, import.meta.url));
const parseFile = (name: string) => parseIdl(readFileSync(inFixtures(name), "utf8"), inFixtures(name));
const labels = (iface: Interface) => iface.methods.map((m) => `${m.number}:${m.name}`);
const codes = (iface: Interface) => iface.errors.map((e) => `${e.name}=${e.code}`);

describe("interface inheritance", () => {
  const [counter] = parseFile("counter.idl.ts");
  const [meter] = parseFile("meter.idl.ts");

  it("takes an imported base's methods first, labels kept, then numbers its own after them", () => {
    expect(labels(counter)).toEqual(["1:add", "256:peek"]);
    expect(labels(meter)).toEqual(["1:add", "256:peek", "3:units", "4:reset"]);
    expect(meter.methods.slice(0, 2)).toEqual(counter.methods);
    // the base's struct parameter comes from the base's file
    expect(meter.methods[0].params[0].type).toEqual(counter.methods[0].params[0].type);
  });

  it("merges errors interface-wide: the base's codes first and unchanged, a shared name one code", () => {
    expect(codes(counter)).toEqual(["FULL=32"]);
    expect(codes(meter)).toEqual(["FULL=32", "EMPTY=33"]);
    expect(meter.methods[2].errors).toEqual(["EMPTY", "FULL"]);
  });

  it("the identity covers the flattened interface: the same as declaring every method in one", () => {
    const [flat] = parseIdl(`
      interface Pair { low: u32; high: u32 }
      interface Meter {
        /** @error FULL x */ add(pair: Pair): u32;
        /** @label 0x100 */ peek(): u32;
        /** @error EMPTY x  @error FULL x */ units(divisor: u32): u32;
        reset(): void;
      }`);
    expect(canonicalText(meter)).toBe(canonicalText(flat));
    expect(canonicalText(meter)).not.toBe(canonicalText({ ...flat, methods: flat.methods.slice(2) }));
  });

  it("generates the inherited methods into the server class, the dispatch and the client", () => {
    const module = generateModule(meter, { placement: "separate" });
    expect(module).toContain("  abstract add(pair_low: u32, pair_high: u32): u32;");
    expect(module).toContain("  abstract peek(): u32;");
    expect(module).toContain(
      `    case 256:\n      if (tag != ${`0x${requestTag(meter.methods[1]).toString(16)}`})`,
    );
    expect(module).toContain("return impl.add(load<u32>(mr, 0), load<u32>(mr, 4));");
    expect(module).toContain("export const METER_FULL: u32 = 0x20;");
  });

  it("resolves a package subpath through the package's exports, and several bases", () => {
    const text = `
      import type { Pager } from "@sawmill/kernel/idl/pager.idl.ts";
      import type { ExceptionHandler as Handler } from "@sawmill/kernel/idl/exception-handler.idl.ts";
      interface FaultService extends Pager, Handler { status(): u32; }`;
    const [service] = parseIdl(text, inFixtures("fault-service.idl.ts"));
    const [pager] = parseIdl(readFileSync(KERNEL_PROTOCOLS.pager, "utf8"), KERNEL_PROTOCOLS.pager);
    expect(labels(service)).toEqual(["65522:pageFault", "65521:exception", "3:status"]);
    expect(service.methods[0]).toEqual(pager.methods[0]);
    expect(codes(service)).toEqual(["NO_MAPPING=32"]);
  });

  it("takes a base declared in the same file, and a base reached twice once", () => {
    const [, , , diamond] = parseIdl(`
      interface Base {
        /** @error GONE x */
        base(): void;
      }
      interface Left extends Base {
        /** @label 0x10 */
        left(): void;
      }
      interface Right extends Base {
        /**
         * @label 0x20
         * @error LOST x
         */
        right(): void;
      }
      interface Both extends Left, Right { both(): void; }`);
    expect(labels(diamond)).toEqual(["1:base", "16:left", "32:right", "4:both"]);
    expect(codes(diamond)).toEqual(["GONE=32", "LOST=33"]);
  });

  it("a derived interface with no methods of its own is still a service", () => {
    const [, alias] = parseIdl("interface A { a(x: u32): u32; }\ninterface B extends A {}");
    expect(alias.name).toBe("B");
    expect(labels(alias)).toEqual(["1:a"]);
  });

  it.each([
    [
      "interface A { a(): void; }\ninterface B { b(): void; }\ninterface C extends A, B {}",
      "3:24: B.b: label 0x1 is a's already",
    ],
    [
      "interface A {\n  /** @label 5 */\n  a(): void;\n}\ninterface C extends A {\n  /** @label 5 */\n  c(): void;\n}",
      "7:3: c: label 0x5 is a's already",
    ],
    [
      "interface A extends B { a(): void; }\ninterface B extends C { b(): void; }\ninterface C extends A {}",
      "3:21: interfaces extend each other: A extends B extends C extends A",
    ],
    ["interface A extends A { a(): void; }", "1:21: interfaces extend each other: A extends A"],
    [
      "interface P { x: u32 }\ninterface S extends P { f(): void; }",
      "2:21: P is a struct: a service extends only",
    ],
    ["interface S { f(): void; }\ninterface S { g(): void; }", "2:11: interface S is declared twice"],
    [
      "interface S extends Nowhere { f(): void; }",
      "1:21: unknown interface Nowhere: declare it here or import it",
    ],
    [
      'import type { Pager } from "@sawmill/kernel/idl/pager.idl.ts";\ninterface S extends Pager {}',
      '1:28: cannot resolve import "@sawmill/kernel/idl/pager.idl.ts": give parseIdl the file\'s absolute path',
    ],
  ])("rejects %j with file:line:col", (text, message) => {
    expect(() => parseIdl(text, "x.idl.ts")).toThrow(IdlError);
    expect(() => parseIdl(text, "x.idl.ts")).toThrow(`x.idl.ts:${message}`);
  });

  it("reports an import that does not resolve, and a name the file does not declare, where they are", () => {
    const missing = 'import type { Gone } from "./missing.idl.ts";\ninterface S extends Gone {}';
    const path = inFixtures("x.idl.ts");
    expect(() => parseIdl(missing, path)).toThrow(
      `${path}:1:27: cannot resolve import "./missing.idl.ts" from`,
    );
    const wrongName = 'import type { Nope } from "./counter.idl.ts";\ninterface S extends Nope {}';
    expect(() => parseIdl(wrongName, path)).toThrow(
      `${path}:2:21: ./counter.idl.ts declares no interface Nope`,
    );
  });

  it("reports a cycle across files at the extends that closes it", () => {
    expect(() => parseFile("ping.idl.ts")).toThrow(
      `${inFixtures("pong.idl.ts")}:4:31: interfaces extend each other: Ping extends Pong extends Ping`,
    );
  });
});
