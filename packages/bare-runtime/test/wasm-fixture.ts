/**
 * A small wasm module, encoded by hand, for testing the Node twin: one export per behaviour.
 */

import { ByteWriter } from "../src/wasm-binary.js";

interface Fn {
  readonly name: string;
  readonly type: number;
  readonly body: readonly number[];
}

// Types: 0 (i32 i32)→i32, 1 (f32)→f32, 2 (i32)→i32, 3 ()→(), 4 (i32 i32 i32 i32)→(), 5 (i32)→(),
// 6 (i64)→(), 7 (f64)→f64, 8 (i64)→i64.
const TYPES: [number[], number[]][] = [
  [[0x7f, 0x7f], [0x7f]],
  [[0x7d], [0x7d]],
  [[0x7f], [0x7f]],
  [[], []],
  [[0x7f, 0x7f, 0x7f, 0x7f], []],
  [[0x7f], []],
  [[0x7e], []],
  [[0x7c], [0x7c]],
  [[0x7e], [0x7e]],
];
const IMPORTS = [
  { module: "env", name: "abort", type: 4 },
  { module: "test", name: "emit", type: 5 },
  { module: "test", name: "emit_i64", type: 6 },
];
const [ABORT, EMIT, EMIT_I64] = [0, 1, 2];

const FUNCTIONS: Fn[] = [
  { name: "div_s", type: 0, body: [0x20, 0, 0x20, 1, 0x6d] },
  { name: "rem_s", type: 0, body: [0x20, 0, 0x20, 1, 0x6f] },
  { name: "same_f32", type: 1, body: [0x20, 0] },
  { name: "same_f64", type: 7, body: [0x20, 0] },
  { name: "same_i64", type: 8, body: [0x20, 0] },
  { name: "to_i32", type: 2, body: [0x20, 0, 0xb2, 0x43, 0x00, 0x00, 0x00, 0x4f, 0x94, 0xa8] }, // (i32)(x as f32 * 2^31)
  { name: "grow", type: 2, body: [0x20, 0, 0x40, 0x00] },
  { name: "unreachable", type: 3, body: [0x00] },
  { name: "abort", type: 3, body: [0x41, 0, 0x41, 0, 0x41, 1, 0x41, 2, 0x10, ABORT] },
  { name: "emit", type: 5, body: [0x20, 0, 0x10, EMIT, 0x20, 0, 0xac, 0x10, EMIT_I64] },
  { name: "recurse", type: 3, body: [0x10, IMPORTS.length + 10] },
  { name: "store_far", type: 5, body: [0x41, 0, 0x20, 0, 0x36, 0x02, 0x00] }, // i32.store [0] = x
];

function section(out: ByteWriter, id: number, body: ByteWriter): void {
  out.byte(id).u32(body.length).bytes(body.finish());
}

/** The module; memory is 1 page with maximum `maxPages` (none if null). */
export function nodeFixture(maxPages: number | null): Uint8Array {
  const out = new ByteWriter().byte(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
  section(
    out,
    1,
    new ByteWriter().vec(TYPES, (w, [p, r]) =>
      w
        .byte(0x60)
        .u32(p.length)
        .byte(...p)
        .u32(r.length)
        .byte(...r),
    ),
  );
  section(
    out,
    2,
    new ByteWriter().vec(IMPORTS, (w, i) => w.name(i.module).name(i.name).byte(0).u32(i.type)),
  );
  section(
    out,
    3,
    new ByteWriter().vec(FUNCTIONS, (w, f) => w.u32(f.type)),
  );
  const limits = maxPages === null ? [0x00, 1] : [0x01, 1, maxPages];
  section(out, 5, new ByteWriter().u32(1).byte(...limits));
  section(
    out,
    7,
    new ByteWriter().vec(FUNCTIONS, (w, f) =>
      w
        .name(f.name)
        .byte(0)
        .u32(IMPORTS.length + FUNCTIONS.indexOf(f)),
    ),
  );
  section(
    out,
    10,
    new ByteWriter().vec(FUNCTIONS, (w, f) => w.u32(f.body.length + 2).byte(0, ...f.body, 0x0b)),
  );
  return out.finish();
}
