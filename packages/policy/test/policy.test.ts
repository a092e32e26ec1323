import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bootMultiboot } from "@sawmill/emulator";
import { compileIdl, type Placement } from "@sawmill/idl";
import type { ComponentManifest } from "@sawmill/image";
import { Right } from "@sawmill/kernel";
import { buildManifestSystem, componentManifest, type ManifestComponent } from "@sawmill/root";
import { describe, expect, it } from "vitest";
import { preparePolicy } from "../src/index.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const { SEND } = Right;

const component = (name: string, grants: ComponentManifest["grants"]) => componentManifest(name, { grants });

async function bootComponents(parts: ManifestComponent[]) {
  return bootMultiboot(await buildManifestSystem(parts), { memoryMiB: 64, maxInstructions: 50_000_000 });
}

function prepareApp(placement: Placement = "separate"): string {
  const dir = preparePolicy(here(`../build/test-apps/${placement}`), placement);
  const vault = compileIdl(readFileSync(here("./idl/vault.idl.ts"), "utf8"), "vault.idl.ts", { placement });
  writeFileSync(`${dir}/vault.ts`, vault.get("Vault") ?? "");
  for (const f of readdirSync(here("./assembly"))) copyFileSync(here(`./assembly/${f}`), `${dir}/${f}`);
  return dir;
}

type Grant = ComponentManifest["grants"][number];

const serve: Grant = { kind: "endpoint", slot: 1, endpoint: 0 };

/** Slot `slot` of a client: a SEND capability to component `server`'s endpoint, with `badge`. */
function client(slot: number, server: number, badge: number): Grant {
  return { kind: "client", slot, component: server, endpoint: 0, badge, rights: SEND };
}

const ADMIN = 1;
const POLICY = 0;
const VAULT = 1;

describe("policy server and a server's policy cache in v86", () => {
  it("a grant reaches the cache, hits stay local, a revoked right is refused on the next call, the version page is read-only", async () => {
    const dir = prepareApp();
    const result = await bootComponents([
      { manifest: component("policy", [serve]), source: `${dir}/policy-main.ts` },
      { manifest: component("vault", [serve, client(2, POLICY, 0x10)]), source: `${dir}/vault-main.ts` },
      // Below the others (100, root's own and the most it grants): the driver starts only once
      // the tamper has written to its version page.
      {
        manifest: {
          ...component("driver", [client(1, POLICY, ADMIN), client(2, VAULT, 5), client(3, POLICY, 5)]),
          priority: 90,
        },
        source: `${dir}/driver-main.ts`,
      },
      { manifest: component("tamper", [client(1, POLICY, 0x20)]), source: `${dir}/tamper-main.ts` },
    ]);
    const serial = result.serial;
    expect(serial).not.toContain("FAIL");
    // 1: the denied read (the second one and the one after the refused grant are hits); 2: the
    // first read after the grant, the other 4 hits; 3: the read after the revoke.
    expect(serial).toContain("policy calls after grant and 5 reads 2, after revoke and a read 3, version 3");
    // The tamper's write faults in its own task; the policy server goes on serving.
    expect(serial).toContain("[tamper] version 1, writing 1000 over it");
    expect(serial).toMatch(
      /\[root\] tamper: page fault at 0xbfeff000 violates the page's rights; not mapped/,
    );
    expect(serial).toMatch(
      /\[kernel\] task 5 thread \d+: page fault at eip 0x[0-9a-f]+ address 0xbfeff000 .*; task ended/,
    );
    expect(serial.indexOf("[tamper] version")).toBeLessThan(serial.indexOf("[driver]"));
    expect(result.exitCode).toBe(0x51);
    expect(result.instructions).toBeLessThan(5_000_000); // measured: about 1.40 M, kernel boot included
  });

  it("a cache that misses while the admin changes the policy does not deadlock", async () => {
    const dir = prepareApp();
    // The policy server below everyone else: while the admin's change waits for it, the reader
    // runs and the vault's miss queues behind the change — the vault's thread is in a call to
    // the policy server at the moment of the change, every round.
    const result = await bootComponents([
      { manifest: { ...component("policy", [serve]), priority: 50 }, source: `${dir}/policy-main.ts` },
      { manifest: component("vault", [serve, client(2, POLICY, 0x10)]), source: `${dir}/vault-main.ts` },
      {
        manifest: component("admin", [client(1, POLICY, ADMIN), client(2, VAULT, 5)]),
        source: `${dir}/admin-main.ts`,
      },
      { manifest: component("reader", [client(1, VAULT, 6)]), source: `${dir}/reader-main.ts` },
    ]);
    const serial = result.serial;
    expect(serial).not.toContain("FAIL");
    expect(serial).toContain("[admin] rounds 16");
    expect(serial).toContain("[reader] reads 64");
    const stats = /\[vault\] policy calls (\d+), changes during a check (\d+), version (\d+)/.exec(serial);
    expect(stats).not.toBeNull();
    const [, , changesDuring, version] = stats?.map(Number) ?? [];
    expect(version).toBe(1 + 2 * 16);
    expect(changesDuring).toBeGreaterThanOrEqual(16);
    expect(result.exitCode).toBe(0x51);
    expect(result.instructions).toBeLessThan(8_000_000); // measured: about 1.68 M, kernel boot included
  });

  it("colocated with its cache and admin: the cache reads the table's own version word, so a change reaches it at once", async () => {
    const dir = prepareApp("colocated");
    const result = await bootComponents([
      { manifest: component("colocated", []), source: `${dir}/colocated-main.ts` },
    ]);
    const serial = result.serial;
    expect(serial).not.toContain("FAIL");
    expect(serial).toContain(
      "[colocated] policy calls after grant and 5 reads 2, after revoke and a read 3, version 3",
    );
    expect(serial).not.toContain("[kernel] task");
    expect(result.exitCode).toBe(0x52);
    expect(result.instructions).toBeLessThan(5_000_000); // measured: about 1.16 M, kernel boot included
  });
});
