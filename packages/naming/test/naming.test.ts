import { copyFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { prepareNaming } from "../src/index.js";
import { bootComponents, component, SEND } from "./boot-system.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

describe("name server and caching client in v86", () => {
  it("a name costs one server call however often it is resolved", async () => {
    const dir = prepareNaming(here("../build/test-apps/separate"), "separate");
    for (const f of ["name-server-main.ts", "name-client-main.ts"])
      copyFileSync(here(`./assembly/${f}`), `${dir}/${f}`);
    const result = await bootComponents([
      {
        manifest: component("names", [{ kind: "endpoint", slot: 1, endpoint: 0 }]),
        source: `${dir}/name-server-main.ts`,
      },
      {
        manifest: component("client", [
          { kind: "client", slot: 1, component: 0, endpoint: 0, badge: 3, rights: SEND },
        ]),
        source: `${dir}/name-client-main.ts`,
      },
    ]);
    expect(result.serial).toContain("[names] serving");
    expect(result.serial).not.toContain("FAIL");
    // 1 for "console" (10 resolutions), 1 for "block-device-0" (5), 2 for the unknown name (never cached).
    expect(result.serial).toContain(
      "console: 10 resolutions, server calls 1; all resolutions, server calls 4",
    );
    expect(result.exitCode).toBe(0x51);
    expect(result.instructions).toBeLessThan(5_000_000); // measured: about 1.20 M, kernel boot included
  });
});
