/**
 * The raw system-call stub: every ABI register from an argument, for tests that must reach the
 * kernel with arbitrary register contents (the robustness test's random system calls).
 *
 * Layer: user level (ring 3), hand-written x86, cdecl. `emitRawSyscall(a)` emits the body of
 * `sys.syscall_raw(eax, ecx, edx, ebx, esi, edi, ebp) → eax`: it saves the callee-saved
 * registers, loads all seven, executes `int 0x30` and returns the kernel's eax; the received
 * registers are dropped (the UTCB is not touched).
 */

import { type Assembler, eax, ebp, ebx, ecx, edi, edx, esi, esp, type Gpr, m32 } from "@sawmill/x86";
import { Vector } from "../layout.js";

const CALLEE_SAVED: readonly Gpr[] = [ebx, esi, edi, ebp];
/** The registers after eax, in argument order. */
const LOADED: readonly Gpr[] = [ecx, edx, ebx, esi, edi, ebp];

export function emitRawSyscall(a: Assembler): void {
  for (const register of CALLEE_SAVED) a.push(register);
  const argument = (i: number) => m32({ base: esp, disp: 4 + 4 * CALLEE_SAVED.length + 4 * i });
  LOADED.forEach((register, i) => {
    a.mov(register, argument(i + 1));
  });
  a.mov(eax, argument(0));
  a.int(Vector.SYSCALL);
  for (const register of [...CALLEE_SAVED].reverse()) a.pop(register);
}
