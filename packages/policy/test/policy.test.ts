import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileIdl } from "@sawmill/idl";
import { describe, expect, it } from "vitest";
import { bootComponents, component, SEND } from "../../naming/test/boot-system.js";
import { preparePolicy } from "../src/index.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

function prepareApp(): string {
  const dir = preparePolicy(here("../build/test-apps/separate"), "separate");
  const vault = compileIdl(readFileSync(here("./idl/vault.idl.ts"), "utf8"), "vault.idl.ts", {
    placement: "separate",
  });
  writeFileSync(`${dir}/vault.ts`, vault.get("Vault") ?? "");
  for (const f of readdirSync(here("./assembly"))) copyFileSync(here(`./assembly/${f}`), `${dir}/${f}`);
  return dir;
}

describe("policy server and a server's policy cache in v86", () => {
  it("a grant reaches the cache, hits stay local, a revoked right is refused on the next call", async () => {
    const dir = prepareApp();
    const result = await bootComponents([
      {
        manifest: component("policy", [
          { kind: "endpoint", slot: 1, endpoint: 0 },
          { kind: "client", slot: 2, component: 1, endpoint: 0, badge: 0x99, rights: SEND },
        ]),
        source: `${dir}/policy-main.ts`,
      },
      {
        manifest: component("vault", [
          { kind: "endpoint", slot: 1, endpoint: 0 },
          { kind: "client", slot: 2, component: 0, endpoint: 0, badge: 0x10, rights: SEND },
        ]),
        source: `${dir}/vault-main.ts`,
      },
      {
        manifest: component("driver", [
          { kind: "client", slot: 1, component: 0, endpoint: 0, badge: 1, rights: SEND },
          { kind: "client", slot: 2, component: 1, endpoint: 0, badge: 5, rights: SEND },
        ]),
        source: `${dir}/driver-main.ts`,
      },
    ]);
    expect(result.serial).not.toContain("FAIL");
    // 1: the denied read (the second denied read is a hit); 2: the first read after the grant
    // (the grant invalidated the cache), the other 4 hits; 3: the read after the revoke.
    expect(result.serial).toContain("policy calls after grant and 5 reads 2, after revoke and a read 3");
    expect(result.exitCode).toBe(0x51);
    expect(result.instructions).toBeLessThan(5_000_000); // measured: about 1.24 M, kernel boot included
  });
});
