/**
 * A hand-assembled stand-in for a compiled module, following @sawmill/wasm-x86's cdecl ABI, to
 * test the runtime without the backend: each export exercises one runtime service.
 */

import { Assembler, eax, ecx, edx, esp, m32, m64, xmm0 } from "@sawmill/x86";
import type { BareModule } from "../src/index.js";

export const FIXTURE_MEMORY_BASE = 0x0100_0000;

type Signature = Pick<BareModule["exports"][number], "params" | "results">;

const EXPORTS: Record<string, Signature> = {
  add: { params: ["i32", "i32"], results: ["i32"] },
  sub64: { params: ["i64", "i64"], results: ["i64"] },
  same_f64: { params: ["f64"], results: ["f64"] },
  same_f32: { params: ["f32"], results: ["f32"] },
  trap: { params: ["i32"], results: ["i32"] },
  invalid_opcode: { params: [], results: [] },
  cpu_divide: { params: [], results: ["i32"] },
  grow: { params: ["i32"], results: ["i32"] },
  size: { params: [], results: ["i32"] },
  emit_both: { params: ["i32", "i64"], results: [] },
  abort: { params: [], results: [] },
  store: { params: ["i32", "i32"], results: [] },
  load: { params: ["i32"], results: ["i32"] },
  recurse_forever: { params: [], results: [] },
  spin: { params: [], results: [] },
};

export function fixtureModule(memory: BareModule["memory"]): BareModule {
  const a = new Assembler();
  a.section("data");
  a.global("fx_started");
  a.dd(0);
  a.section("text");
  a.global("fx___start");
  a.mov(m32({ symbol: "fx_started" }), 1);
  a.mov(eax, m32({ symbol: "fx_started" }));
  a.mov(m32({ disp: FIXTURE_MEMORY_BASE + 8 }), eax); // visible as load(8) = 1 iff start ran
  a.ret();
  emitBodies(a);
  placeAbortMessage(a);
  return {
    object: a.finish(),
    exports: Object.entries(EXPORTS).map(([name, sig]) => ({ name, symbol: `fx_${name}`, ...sig })),
    imports: [
      {
        module: "env",
        name: "abort",
        symbol: "env.abort",
        params: ["i32", "i32", "i32", "i32"],
        results: [],
      },
      { module: "test", name: "emit", symbol: "test.emit", params: ["i32"], results: [] },
      { module: "test", name: "emit_i64", symbol: "test.emit_i64", params: ["i64"], results: [] },
    ],
    memory,
    startSymbol: "fx___start",
  };
}

/** Where the abort message lives in linear memory, as AssemblyScript lays out a string. */
const ABORT_MESSAGE_ADDRESS = 16;
export const ABORT_MESSAGE = "boom!";

function placeAbortMessage(a: Assembler): void {
  const text = [...ABORT_MESSAGE].flatMap((c) => [c.charCodeAt(0), 0]);
  a.place(FIXTURE_MEMORY_BASE + ABORT_MESSAGE_ADDRESS - 4, Uint8Array.from([text.length, 0, 0, 0, ...text]));
}

const arg = (n: number) => m32({ base: esp, disp: 4 + 4 * n });

function emitBodies(a: Assembler): void {
  a.global("fx_add");
  a.mov(eax, arg(0));
  a.add(eax, arg(1));
  a.ret();
  a.global("fx_sub64");
  a.mov(eax, arg(0));
  a.mov(edx, arg(1));
  a.sub(eax, arg(2));
  a.sbb(edx, arg(3));
  a.ret();
  a.global("fx_same_f64");
  a.movsd(xmm0, m64({ base: esp, disp: 4 }));
  a.ret();
  a.global("fx_same_f32");
  a.movss(xmm0, m32({ base: esp, disp: 4 }));
  a.ret();
  a.global("fx_trap");
  a.mov(eax, arg(0));
  a.call("__wasm_trap");
  a.global("fx_invalid_opcode");
  a.db(0x0f, 0x0b); // ud2
  a.global("fx_cpu_divide");
  a.mov(eax, 1);
  a.mov(edx, 0);
  a.mov(ecx, 0);
  a.div(ecx);
  a.ret();
  a.global("fx_grow");
  a.push(arg(0));
  a.call("__wasm_memory_grow");
  a.add(esp, 4);
  a.ret();
  a.global("fx_size");
  a.jmp("__wasm_memory_size");
  a.global("fx_emit_both");
  a.push(arg(0));
  a.call("test.emit");
  a.add(esp, 4);
  a.push(arg(2));
  a.push(arg(2)); // after the first push, arg(2) names the next dword up: the i64's high half
  a.call("test.emit_i64");
  a.add(esp, 8);
  a.ret();
  a.global("fx_abort");
  a.push(7); // column
  a.push(42); // line
  a.push(0); // file
  a.push(ABORT_MESSAGE_ADDRESS);
  a.call("env.abort");
  a.global("fx_store");
  a.mov(eax, arg(0));
  a.mov(ecx, arg(1));
  a.mov(m32({ base: eax, disp: FIXTURE_MEMORY_BASE }), ecx);
  a.ret();
  const spin = a.newLabel();
  a.global("fx_spin");
  a.bind(spin);
  a.jmp(spin);
  const overflow = a.newLabel();
  a.global("fx_recurse_forever");
  a.cmp(esp, m32({ symbol: "__wasm_stack_limit" }));
  a.jcc("b", overflow);
  a.call("fx_recurse_forever");
  a.ret();
  a.bind(overflow);
  a.mov(eax, 8); // StackOverflow
  a.jmp("__wasm_trap");
  a.global("fx_load");
  a.mov(eax, arg(0));
  a.mov(eax, m32({ base: eax, disp: FIXTURE_MEMORY_BASE }));
  a.ret();
}
