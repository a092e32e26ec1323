/**
 * @sawmill/sync, host side: the one x86 stub the synchronization library needs.
 *
 * Layer: build support. Interface: `assembleSyncStubs({ memoryBase })` → an X86Object defining
 * `sync.fetch_add(address, delta)` → the word's old value, to link into a component
 * (`buildComponent(source, { extraObjects })`). Invariant: the add is one `lock xadd`, atomic
 * against preemption (and other CPUs); `address` is a wasm address, so the stub adds the
 * component's memory base. cdecl: eax, ecx and edx are the caller's to lose.
 */

import { Assembler, eax, ecx, esp, m32, type X86Object } from "@sawmill/x86";

export const SYNC_MODULE = "sync";

export interface SyncStubOptions {
  /** Where the component's wasm linear memory starts. */
  readonly memoryBase: number;
}

export function assembleSyncStubs(options: SyncStubOptions): X86Object {
  const a = new Assembler();
  a.section("text");
  a.global(`${SYNC_MODULE}.fetch_add`);
  a.mov(ecx, m32({ base: esp, disp: 4 }));
  a.mov(eax, m32({ base: esp, disp: 8 }));
  a.lock();
  a.xadd(m32({ base: ecx, disp: options.memoryBase | 0 }), eax);
  a.ret();
  return a.finish();
}
