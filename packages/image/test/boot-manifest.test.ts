import { describe, expect, it } from "vitest";
import {
  type BootManifest,
  type ComponentManifest,
  readBootManifest,
  writeBootManifest,
} from "../src/index.js";
import { sampleManifest } from "./boot-fixture.js";
import { readU32 } from "./make-object.js";

const component = (overrides: Partial<ComponentManifest>): ComponentManifest => ({
  name: "c",
  priority: 1,
  stackPages: 1,
  memoryPages: 1,
  grants: [],
  irqs: [],
  ports: [],
  ...overrides,
});
const write =
  (...components: ComponentManifest[]) =>
  () =>
    writeBootManifest({ components });

describe("writeBootManifest", () => {
  const bytes = writeBootManifest(sampleManifest);

  it("writes the versioned header and fixed component records", () => {
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe("SMMF");
    expect([readU32(bytes, 4), readU32(bytes, 8), readU32(bytes, 12)]).toEqual([1, 3, bytes.length]);
    // uart: priority, stack, memory, flags, grants at 16 + 3·80, two of them
    expect([32, 36, 40, 44, 48, 52].map((o) => readU32(bytes, 16 + o))).toEqual([200, 2, 16, 0, 256, 2]);
    // its IRQs after its two 24-byte grants, its ports after its IRQ
    expect([56, 60, 64, 68].map((o) => readU32(bytes, 16 + o))).toEqual([304, 1, 308, 1]);
    expect([readU32(bytes, 304), readU32(bytes, 308), readU32(bytes, 312)]).toEqual([4, 0x3f8, 8]);
    // shell's first grant: slot, kind client, endpoint, component, badge, rights
    expect([0, 4, 8, 12, 16, 20].map((o) => readU32(bytes, 316 + o))).toEqual([3, 2, 7, 0, 0xdeadbeef, 1]);
  });

  it("round-trips through readBootManifest and is deterministic", () => {
    expect(readBootManifest(bytes)).toEqual(sampleManifest);
    expect(writeBootManifest(structuredClone(sampleManifest) as BootManifest)).toEqual(bytes);
  });

  it("rejects invalid descriptions with clear errors", () => {
    expect(write(component({ priority: 256 }))).toThrow(
      /#0 \("c"\): priority is 256, expected an integer in 0–255/,
    );
    expect(write(component({}), component({}))).toThrow(/#1 \("c"\): the name is used twice/);
    expect(write(component({ name: "n".repeat(40) }))).toThrow(/at most 31/);
    expect(
      write(
        component({
          grants: [
            { kind: "endpoint", slot: 1, endpoint: 0 },
            { kind: "endpoint", slot: 1, endpoint: 1 },
          ],
        }),
      ),
    ).toThrow(/slot 1 is granted twice/);
    expect(
      write(
        component({
          grants: [
            { kind: "endpoint", slot: 1, endpoint: 0 },
            { kind: "endpoint", slot: 2, endpoint: 0 },
          ],
        }),
      ),
    ).toThrow(/endpoint number 0 is defined twice/);
    const client = { kind: "client", slot: 1, endpoint: 0, badge: 0, rights: 1 } as const;
    expect(write(component({ grants: [{ ...client, component: 3 }] }))).toThrow(
      /slot 1: client of component #3, which does not exist/,
    );
    expect(write(component({ grants: [{ ...client, component: 0 }] }))).toThrow(
      /component "c" defines no endpoint 0/,
    );
    expect(write(component({ grants: [{ ...client, component: 0, badge: -1 }] }))).toThrow(/badge is -1/);
    expect(write(component({ irqs: [16, 300] }))).toThrow(/IRQ is 300/);
    expect(write(component({ irqs: [3] }), component({ name: "d", irqs: [3] }))).toThrow(
      /#1 \("d"\): IRQ 3 is already granted to "c"/,
    );
    expect(write(component({ ports: [{ base: 0xfff0, count: 0x20 }] }))).toThrow(
      /count of ports from 0xfff0/,
    );
    expect(write(component({ ports: [{ base: 0x60, count: 0 }] }))).toThrow(/count of ports from 0x60 is 0/);
  });

  it("reader rejects foreign bytes and unknown grant kinds", () => {
    expect(() => readBootManifest(new Uint8Array(16))).toThrow(/magic "SMMF" missing/);
    const patched = bytes.slice();
    new DataView(patched.buffer).setUint32(256 + 4, 9, true);
    expect(() => readBootManifest(patched)).toThrow(/slot 1 has unknown grant kind 9/);
    expect(() => readBootManifest(bytes.subarray(0, 100))).toThrow(/truncated/);
  });
});
