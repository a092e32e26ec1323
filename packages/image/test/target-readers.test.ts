// The AssemblyScript readers (assembly/*.ts), compiled to wasm and run in Node against archives
// written by the host writers: each reader must give back exactly the writer's input.
import { fileURLToPath } from "node:url";
import { compileFile } from "@sawmill/as-compiler";
import { DEFAULT_MEMORY_BASE, runOnBareMetal } from "@sawmill/bare-runtime";
import { compileModule } from "@sawmill/wasm-x86";
import { Assembler } from "@sawmill/x86";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type BootManifest,
  COMPONENT_BASE,
  type ComponentManifest,
  type Grant,
  link,
  writeBootArchive,
  writeBootManifest,
  writeComponentElf,
} from "../src/index.js";
import { sampleEntries, sampleManifest } from "./boot-fixture.js";
import { global, makeObject } from "./make-object.js";

type Reader = (...args: number[]) => number;
type Readers = Record<string, Reader> & { memory: WebAssembly.Memory };

const component = link(
  [
    makeObject({
      text: [0x90, 0xcd, 0x30, 0xeb, 0xfe],
      rodata: [1, 2, 3],
      data: [4, 5, 6, 7],
      bss: 0x1800,
      symbols: [global("start", "text", 2)],
    }),
  ],
  { base: COMPONENT_BASE, entry: "start" },
);
const entries = [
  ...sampleEntries(writeBootManifest(sampleManifest)),
  { name: "component", bytes: writeComponentElf(component) },
  { name: "ファイル🎉", bytes: Uint8Array.of(0xf0, 0x9f, 0x8e, 0x89) },
];
const archive = writeBootArchive(entries);

let wasm: Uint8Array;
let r: Readers;
let emitted: number[] = [];
let base: number;
const memory = () => new Uint8Array(r.memory.buffer);
const u32 = (name: string, ...args: number[]) => r[name](...args) >>> 0;
/** An exported AssemblyScript constant (a WebAssembly.Global). */
const constant = (name: string) => (r[name] as unknown as { value: number }).value >>> 0;

/** Copies `bytes` into fresh pages of the module's memory; returns their address. */
function copyIn(bytes: Uint8Array): number {
  const at = r.memory.grow(Math.ceil(bytes.length / 65536) + 1) * 65536;
  memory().set(bytes, at);
  return at;
}

function nameAt(field: number): string {
  return new TextDecoder().decode(memory().slice(field, field + u32("nameLength", field)));
}

beforeAll(async () => {
  wasm = await compileFile(fileURLToPath(new URL("assembly/readers.ts", import.meta.url)));
  const abort = () => {
    throw new Error("abort");
  };
  const { instance } = await WebAssembly.instantiate(wasm, {
    env: { abort },
    test: { emit: (value: number) => emitted.push(value) },
  });
  r = instance.exports as unknown as Readers;
  base = copyIn(archive);
});

describe("assembly/boot-archive", () => {
  it("validates the header and bounds", () => {
    expect(r.archiveValid(base, archive.length)).toBe(1);
    expect(r.archiveValid(base, archive.length - 1)).toBe(0);
    const bad = archive.slice();
    bad[7] = 0x42; // SAWMILLB
    expect(r.archiveValid(copyIn(bad), bad.length)).toBe(0);
  });

  it("lists every entry with its name, offset and bytes", () => {
    const listed = Array.from({ length: u32("archiveEntryCount", base) }, (_, i) => {
      const address = u32("archiveEntryAddress", base, i);
      expect(address - base).toBe(u32("archiveEntryOffset", base, i));
      expect((address - base) % 4096).toBe(0);
      const bytes = memory().slice(address, address + u32("archiveEntrySize", base, i));
      return { name: nameAt(u32("archiveEntryName", base, i)), bytes };
    });
    expect(listed).toEqual(entries);
  });

  it("finds entries by string (UTF-8) and by bytes", () => {
    expect(r.findManifest(base)).toBe(0);
    expect(r.findNonAscii(base)).toBe(3);
    expect(r.findWide(base)).toBe(5);
    expect(r.findMissing(base)).toBe(-1);
    const name = (text: string) => {
      const bytes = new TextEncoder().encode(text);
      return [copyIn(bytes), bytes.length];
    };
    expect(r.archiveFindBytes(base, ...name("uart"))).toBe(1);
    expect(r.archiveFindBytes(base, ...name("component"))).toBe(4);
    expect(r.archiveFindBytes(base, ...name("uar"))).toBe(-1);
    expect(r.archiveFindBytes(base, ...name("uarts"))).toBe(-1);
  });
});

describe("assembly/boot-manifest", () => {
  function readGrant(grant: number): Grant {
    const slot = u32("grantSlot", grant);
    const endpoint = u32("grantEndpoint", grant);
    if (u32("grantKind", grant) === constant("GRANT_ENDPOINT")) return { kind: "endpoint", slot, endpoint };
    const [component, badge, rights] = ["grantComponent", "grantBadge", "grantRights"].map((f) =>
      u32(f, grant),
    );
    return { kind: "client", slot, component, endpoint, badge, rights };
  }

  function readComponent(m: number, c: number): ComponentManifest {
    const list = <T>(count: string, read: (j: number) => T): T[] =>
      Array.from({ length: u32(count, c) }, (_, j) => read(j));
    return {
      name: nameAt(u32("componentName", c)),
      priority: u32("componentPriority", c),
      stackPages: u32("componentStackPages", c),
      memoryPages: u32("componentMemoryPages", c),
      grants: list("componentGrantCount", (j) => readGrant(u32("componentGrant", m, c, j))),
      irqs: list("componentIrqCount", (j) => u32("componentIrq", m, c, j)),
      ports: list("componentPortRangeCount", (j) => {
        const range = u32("componentPortRange", m, c, j);
        return { base: u32("portRangeBase", range), count: u32("portRangeCount", range) };
      }),
    };
  }

  it("walks components and grants back to the writer's input", () => {
    const m = u32("archiveEntryAddress", base, r.findManifest(base));
    const size = u32("archiveEntrySize", base, r.findManifest(base));
    expect(r.manifestValid(m, size)).toBe(1);
    expect(r.manifestValid(m, size - 4)).toBe(0);
    const read: BootManifest = {
      components: Array.from({ length: u32("manifestComponentCount", m) }, (_, i) =>
        readComponent(m, u32("manifestComponent", m, i)),
      ),
    };
    expect(read).toEqual(sampleManifest);
  });

  it("rejects a wrong magic and tables past the end", () => {
    const bytes = writeBootManifest(sampleManifest);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0;
    expect(r.manifestValid(copyIn(wrongMagic), bytes.length)).toBe(0);
    const pastEnd = bytes.slice();
    new DataView(pastEnd.buffer).setUint32(16 + 80 + 52, 1000, true); // shell: 1000 grants
    expect(r.manifestValid(copyIn(pastEnd), bytes.length)).toBe(0);
  });
});

describe("assembly/elf", () => {
  it("iterates a component's PT_LOAD segments back to the linked image", () => {
    const index = r.findManifest(base) + 4;
    const elf = u32("archiveEntryAddress", base, index);
    expect(r.elfValid(elf, u32("archiveEntrySize", base, index))).toBe(1);
    expect(u32("elfEntry", elf)).toBe(component.entry);
    const segments = [];
    for (let i = r.elfNextLoad(elf, 0); i >= 0; i = r.elfNextLoad(elf, i + 1)) {
      const h = u32("elfProgramHeader", elf, i);
      const offset = u32("segmentOffset", h);
      const flags = u32("segmentFlags", h);
      segments.push({
        address: u32("segmentVaddr", h),
        bytes: memory().slice(elf + offset, elf + offset + u32("segmentFilesz", h)),
        memSize: u32("segmentMemsz", h),
        writable: (flags & constant("PF_W")) !== 0,
        executable: (flags & constant("PF_X")) !== 0,
      });
    }
    expect(segments).toEqual(component.segments);
  });

  it("fills each page of the image from the segments on it, writable if one of them is", () => {
    const elf = u32("archiveEntryAddress", base, r.findManifest(base) + 4);
    const page = copyIn(new Uint8Array(4096));
    const starts = new Set(component.segments.map((s) => s.address - (s.address % 4096)));
    for (const start of starts) {
      const on = component.segments.filter((s) => s.address < start + 4096 && s.address + s.memSize > start);
      memory().fill(0, page, page + 4096);
      expect(r.elfTouchesPage(elf, start)).toBe(1);
      expect(r.elfFillPage(elf, start, page)).toBe(on.some((s) => s.writable) ? 1 : 0);
      for (const s of on) {
        const at = page + s.address - start;
        expect(memory().slice(at, at + s.bytes.length)).toEqual(s.bytes);
      }
    }
    const last = component.segments[component.segments.length - 1];
    const past = Math.ceil((last.address + last.memSize) / 4096) * 4096;
    expect(r.elfTouchesPage(elf, past)).toBe(0);
  });

  it("rejects truncated files, other machines and non-ELF bytes", () => {
    const file = writeComponentElf(component);
    expect(r.elfValid(copyIn(file), file.length - 1)).toBe(0);
    const otherMachine = file.slice();
    otherMachine[18] = 62; // EM_X86_64
    expect(r.elfValid(copyIn(otherMachine), file.length)).toBe(0);
    expect(r.elfValid(copyIn(new Uint8Array(64)), 64)).toBe(0);
  });
});

/** What test/assembly/readers.ts's walk() must emit, derived from the writers' inputs. */
function expectedWalk(): number[] {
  const values: number[] = [1, entries.length];
  const directory = (i: number, field: number) =>
    new DataView(archive.buffer).getUint32(24 + 48 * i + field, true);
  entries.forEach((entry, i) => {
    values.push(directory(i, 32), entry.bytes.length, new TextEncoder().encode(entry.name).length);
  });
  values.push(3, 0, 1, sampleManifest.components.length); // "café/ü", "manifest", its validity
  for (const c of sampleManifest.components) {
    values.push(
      entries.findIndex((e) => e.name === c.name),
      c.priority,
      c.stackPages,
      c.memoryPages,
    );
    for (const g of c.grants) {
      const rest =
        g.kind === "endpoint" ? [1, g.endpoint, 0, 0, 0] : [2, g.endpoint, g.component, g.badge, g.rights];
      values.push(g.slot, ...rest);
    }
    values.push(...c.irqs, ...c.ports.flatMap((p) => [p.base, p.count]));
  }
  values.push(4, 1, component.entry);
  for (const s of component.segments) {
    const flags = 4 | (s.writable ? 2 : 0) | (s.executable ? 1 : 0);
    const first =
      s.bytes.length >= 4 ? new DataView(s.bytes.buffer, s.bytes.byteOffset).getUint32(0, true) : 0;
    values.push(s.address, s.bytes.length, s.memSize, flags, first);
  }
  return values.map((v) => v | 0);
}

describe("the readers as the root task uses them", () => {
  it("walk everything in Node", () => {
    emitted = [];
    r.walk(base, archive.length);
    expect(emitted).toEqual(expectedWalk());
  });

  it("walk everything as x86 code on the bare machine (wasm-x86, v86)", async () => {
    const address = 0x200000; // wasm address of the archive, far above the module's own data
    const placed = new Assembler();
    placed.place(DEFAULT_MEMORY_BASE + address, archive);
    const module = compileModule(wasm, { memoryBase: DEFAULT_MEMORY_BASE });
    const run = await runOnBareMetal(module, [{ export: "walk", args: [address, archive.length] }], {
      extraObjects: [placed.finish()],
    });
    expect(run.results).toEqual([{ value: null, emitted: expectedWalk() }]);
  });
});
