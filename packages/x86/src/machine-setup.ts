/**
 * Machine-setup sequences ring-0 boot code shares (the bare runtime, the kernel).
 *
 * Layer: @sawmill/x86 public helper. `emitEnableSse(a)`: SSE instructions (which
 * @sawmill/wasm-x86's code uses for floats) need CR0.EM off (no x87 emulation trap), CR0.MP on,
 * CR4.OSFXSR and CR4.OSXMMEXCPT on. Ring 0 only; trashes eax.
 */

import type { Assembler } from "./assembler.js";
import { cr0, cr4, eax } from "./registers.js";

const CR0_EM = 0x4;
const CR0_MP = 0x2;
const CR4_OSFXSR_OSXMMEXCPT = 0x600;

export function emitEnableSse(a: Assembler): void {
  a.mov(eax, cr0);
  a.and(eax, ~CR0_EM);
  a.or(eax, CR0_MP);
  a.mov(cr0, eax);
  a.mov(eax, cr4);
  a.or(eax, CR4_OSFXSR_OSXMMEXCPT);
  a.mov(cr4, eax);
}
