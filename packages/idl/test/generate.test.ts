import { describe, expect, it } from "vitest";
import {
  CLIENT_DEST_OFFSET,
  CLIENT_RESULT_OFFSET,
  generateModule,
  interfaceHash,
  parseIdl,
  requestTag,
} from "../src/index.js";

const ECHO = `
interface Echo {
  /**
   * Echoes a word.
   * @error EMPTY nothing to echo
   */
  echo(a: u32): u32;
  many(a: u32, b: u32, c: u32, d: u32, e: bool): void;
}`;
const [echo] = parseIdl(ECHO, "echo.idl.ts");
const separate = generateModule(echo, { placement: "separate", source: "echo.idl.ts" });
const colocated = generateModule(echo, { placement: "colocated", source: "echo.idl.ts" });

/** The lines of `text` from the one starting with `first` (trimmed) up to the next blank line. */
function block(text: string, first: string): string {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.trim().startsWith(first));
  const end = lines.findIndex((l, i) => i > start && l.trim() === "");
  return lines.slice(start, end).join("\n");
}

describe("generateModule", () => {
  it("separate client: a register-only call is one idl.callN with the words as arguments", () => {
    expect(block(separate, "echo(a: u32)")).toBe(
      [
        "  echo(a: u32): u32 {",
        "    return idl.call1(changetype<usize>(this), 0x10001, <u32>a);",
        "  }",
      ].join("\n"),
    );
  });

  it("separate client: result and dest are the first fields, where the x86 stubs read and write them", () => {
    const fields = [...block(separate, "export class EchoClient").matchAll(/^ {2}(?:private )?(\w+): u32/gm)];
    expect(fields.slice(0, 2).map((f) => f[1])).toEqual(["result", "dest"]);
    expect([CLIENT_RESULT_OFFSET, CLIENT_DEST_OFFSET]).toEqual([0, 4]);
  });

  it("separate client: words beyond four go to the UTCB first", () => {
    expect(block(separate, "many(")).toContain("store<u32>(mr, <u32>e, 16);");
    expect(block(separate, "many(")).toContain(
      "idl.call4(changetype<usize>(this), 0x50002, <u32>a, <u32>b, <u32>c, <u32>d)",
    );
    expect(requestTag(echo.methods[1])).toBe(0x50002);
  });

  it("separate server: checks the whole tag, then calls the implementation", () => {
    expect(separate).toContain(
      [
        "    case 1:",
        "      if (tag != 0x10001) return idl.STATUS_BAD_MESSAGE;",
        "      return impl.echo(load<u32>(mr, 0));",
      ].join("\n"),
    );
    expect(separate).toContain("load<u32>(mr, 16) != 0");
    expect(separate).toContain(`export const ECHO_HASH: u32 = 0x${interfaceHash(echo).toString(16)};`);
    expect(separate).toContain("/** nothing to echo */\nexport const ECHO_EMPTY: u32 = 0x20;");
  });

  it("colocated client: a direct call into the implementation", () => {
    expect(block(colocated, "echo(a: u32)")).toBe(
      [
        "  echo(a: u32): u32 {",
        "    const server = this.server;",
        "    if (server === null) return idl.STATUS_NOT_BOUND;",
        "    const status = server.echo(a);",
        "    this.result = server.result;",
        "    return status;",
        "  }",
      ].join("\n"),
    );
    expect(colocated).not.toContain("idl.call");
  });

  it("gives both placements the same exported names and client signatures", () => {
    const api = (text: string) => [
      ...[...text.matchAll(/^export (?:abstract class|class|function|const) (\w+)/gm)]
        .map((m) => m[1])
        .sort(),
      ...[...text.matchAll(/^ {2}(\w+\([^)]*\): u32) \{/gm)].map((m) => m[1]),
      ...[...text.matchAll(/^export function (\w+\([^)]*\): u32)/gm)].map((m) => m[1]),
    ];
    expect(api(separate)).toEqual(api(colocated));
    expect(api(separate)).toContain("EchoClient");
    expect(api(separate)).toContain("serveEcho(slot: u32, impl: EchoServer, capSlot: u32 = 0): u32");
  });

  it("item results: the client names where the item lands; the server replies with the item", () => {
    const [vault] = parseIdl("interface Vault { key(): Cap; page(n: u32): Mapping; count(): u32; }");
    const client = generateModule(vault, { placement: "separate" });
    expect(block(client, "key(receiveSlot: u32)")).toBe(
      [
        "  key(receiveSlot: u32): u32 {",
        "    const utcb = idl.utcb();",
        "    const before = load<u32>(utcb + idl.UTCB_BR1);",
        "    store<u32>(utcb + idl.UTCB_BR1, receiveSlot);",
        "    const status = idl.call0(changetype<usize>(this), 0x1);",
        "    store<u32>(utcb + idl.UTCB_BR1, before);",
        "    if (status == idl.STATUS_OK) this.result = receiveSlot;",
        "    return status;",
        "  }",
      ].join("\n"),
    );
    expect(block(client, "page(n: u32, receiveWindow: u32)")).toContain(
      "store<u32>(utcb + idl.UTCB_BR0, receiveWindow);",
    );
    expect(client).toContain(
      "impl.item = idl.ITEM_CAP | idl.CAP_ITEM_RIGHTS_MASK;\n        return 0x400000;",
    );
    expect(client).toContain("const error = idl.replyRecv2(dest, reply, w0, impl.result);");
    expect(client).toContain("  item: u32 = 0;");
    expect(separate).not.toContain("replyRecv2");
    const local = generateModule(vault, { placement: "colocated" });
    expect(block(local, "page(n: u32, receiveWindow: u32)")).toContain("this.result = server.result;");
  });
});
