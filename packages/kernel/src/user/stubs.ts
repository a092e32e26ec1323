/**
 * User-level system-call stubs: the `sys` import module a component's wasm calls.
 *
 * Layer: user level (ring 3), hand-written x86, cdecl; the AssemblyScript declarations are
 * `assembly/user/sys.ts`. Interface: `assembleSyscallStubs(names)` → X86Object defining
 * `sys.<name>` for each requested stub (a component links only the calls it imports);
 * `SYSCALL_STUBS` lists them all. A stub loads its arguments into the ABI's registers (README),
 * executes `int 0x30` and returns eax (the error code). The kernel preserves every register a
 * simple call does not return, so these stubs save nothing.
 */

import { Assembler, eax, edx, esp, m32, type X86Object } from "@sawmill/x86";
import { Syscall } from "../abi.js";
import { Vector } from "../layout.js";

export const STUB_MODULE = "sys";

/** Stubs whose only argument (if any) is MR0 in edx. */
export const SIMPLE_STUBS: Readonly<Record<string, { number: number; args: 0 | 1 }>> = {
  debug_putc: { number: Syscall.DEBUG_PUTC, args: 1 },
  debug_exit: { number: Syscall.DEBUG_EXIT, args: 1 },
  exit: { number: Syscall.EXIT, args: 1 },
  yield: { number: Syscall.YIELD, args: 0 },
};

export const SYSCALL_STUBS: readonly string[] = Object.keys(SIMPLE_STUBS);

export function assembleSyscallStubs(names: readonly string[]): X86Object {
  const a = new Assembler();
  a.section("text");
  for (const name of names) {
    const stub = SIMPLE_STUBS[name];
    if (stub === undefined) throw new Error(`no system-call stub ${STUB_MODULE}.${name}`);
    a.global(`${STUB_MODULE}.${name}`);
    if (stub.args === 1) a.mov(edx, m32({ base: esp, disp: 4 }));
    a.mov(eax, stub.number);
    a.int(Vector.SYSCALL);
    a.ret();
  }
  return a.finish();
}
