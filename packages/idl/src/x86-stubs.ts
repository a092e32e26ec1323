/**
 * The IDL's own user-level IPC stubs: `idl.call0` … `idl.call4` (client) and `idl.reply_recv`
 * (server), hand-written x86, cdecl, linked into every component that uses generated stubs.
 *
 * Layer: user level (ring 3), host side emitting x86 through @sawmill/x86. Interface:
 * `assembleIdlStubs({ memoryBase, names })` → X86Object defining `idl.<name>`; `IDL_STUBS` lists
 * the names; `idlStubBytes(name)` → one stub's machine code alone (for listings and counts).
 *
 * Why not the kernel's `sys.call`: it takes MR0–MR3 from the UTCB, so a client would store each
 * argument there and the stub would load it back. These stubs take the words as arguments and
 * put them straight into the message registers, and do the client's bookkeeping themselves, so
 * the AssemblyScript side of a client stub is just the call (see README "The bar").
 *
 *   idl.callN(client, tag, w0 … wN−1) → status
 *     client = the wasm address of the generated client object, whose first two words are
 *     `result` and `dest` (= slot << 8 | CALL once bound, 0 before: system call 0, so an unbound
 *     client's calls fail with INVALID_SYSCALL and reach nobody). tag = the request tag (more than
 *     four words: the rest are already in the UTCB's MR4…). Status = the kernel's error code if
 *     the IPC failed, else the reply's label (the server's status), and then reply MR0 is stored
 *     into client.result. `pushad`/`popad` save everything: the kernel may load reply words into
 *     edx ebx esi edi and ebp carries the timeouts (0 = forever); the status reaches eax through
 *     pushad's eax slot.
 *   idl.reply_recv(dest, tag, result) → error
 *     dest = slot << 8 | REPLY_RECV; replies `tag` with MR0 = result to the last caller (none
 *     on the first call), then waits. Stores the received tag, badge and MR0–MR3 into the UTCB
 *     (where the dispatch loop reads them); returns the kernel's error code.
 *   idl.reply_recv2(dest, tag, w0, w1)
 *     the same with two reply words, MR0 = w0 and MR1 = w1: what a reply carrying one typed
 *     item (a result Cap or Mapping) needs.
 */

import { Utcb } from "@sawmill/kernel";
import {
  Assembler,
  cx,
  eax,
  ebp,
  ebx,
  ecx,
  edi,
  edx,
  esi,
  esp,
  type Gpr,
  m32,
  type X86Object,
} from "@sawmill/x86";

export const STUB_MODULE = "idl";
/** The generated client class's first fields (emit-separate.ts declares them in this order). */
export const CLIENT_RESULT_OFFSET = 0;
export const CLIENT_DEST_OFFSET = 4;
const SYSCALL_VECTOR = 0x30;
const MESSAGE_REGISTERS: readonly Gpr[] = [edx, ebx, esi, edi];
/** pushad: 8 registers; eax is the last slot from the top. */
const PUSHAD_BYTES = 32;
const PUSHAD_EAX = 28;

export interface IdlStubOptions {
  /** Where the component's wasm linear memory starts (client objects are wasm addresses). */
  readonly memoryBase: number;
  readonly names?: readonly string[];
}

const EMITTERS: Readonly<Record<string, (a: Assembler, memoryBase: number) => void>> = {
  call0: (a, base) => emitCall(a, 0, base),
  call1: (a, base) => emitCall(a, 1, base),
  call2: (a, base) => emitCall(a, 2, base),
  call3: (a, base) => emitCall(a, 3, base),
  call4: (a, base) => emitCall(a, 4, base),
  reply_recv: (a) => emitReplyRecv(a, 1),
  reply_recv2: (a) => emitReplyRecv(a, 2),
};

export const IDL_STUBS: readonly string[] = Object.keys(EMITTERS);

export function assembleIdlStubs(options: IdlStubOptions): X86Object {
  const a = new Assembler();
  a.section("text");
  for (const name of options.names ?? IDL_STUBS) {
    const emit = EMITTERS[name];
    if (emit === undefined) throw new Error(`no IDL stub ${STUB_MODULE}.${name}`);
    a.global(`${STUB_MODULE}.${name}`);
    emit(a, options.memoryBase);
  }
  return a.finish();
}

export function idlStubBytes(name: string, memoryBase = 0): Uint8Array {
  return assembleIdlStubs({ memoryBase, names: [name] }).sections.text.bytes;
}

/** cdecl argument i after pushad and the return address. */
const argument = (i: number) => m32({ base: esp, disp: PUSHAD_BYTES + 4 + 4 * i });

function emitCall(a: Assembler, words: number, memoryBase: number): void {
  a.pushad();
  a.mov(eax, argument(0));
  a.mov(ecx, argument(1));
  for (let i = 0; i < words; i++) a.mov(MESSAGE_REGISTERS[i], argument(2 + i));
  a.mov(eax, m32({ base: eax, disp: (memoryBase + CLIENT_DEST_OFFSET) | 0 }));
  a.xor(ebp, ebp);
  a.int(SYSCALL_VECTOR);
  const failed = a.newLabel();
  a.test(eax, eax);
  a.jcc("nz", failed);
  a.movzx(eax, cx);
  a.mov(ecx, argument(0));
  a.mov(m32({ base: ecx, disp: (memoryBase + CLIENT_RESULT_OFFSET) | 0 }), edx);
  a.bind(failed);
  a.mov(m32({ base: esp, disp: PUSHAD_EAX }), eax);
  a.popad();
  a.ret();
}

function emitReplyRecv(a: Assembler, words: number): void {
  a.pushad();
  a.mov(eax, argument(0));
  a.mov(ecx, argument(1));
  for (let i = 0; i < words; i++) a.mov(MESSAGE_REGISTERS[i], argument(2 + i));
  a.xor(ebp, ebp);
  a.int(SYSCALL_VECTOR);
  gsStore(a, Utcb.TAG, ecx);
  gsStore(a, Utcb.BADGE, ebp);
  MESSAGE_REGISTERS.forEach((register, i) => {
    gsStore(a, Utcb.MR0 + 4 * i, register);
  });
  a.mov(m32({ base: esp, disp: PUSHAD_EAX }), eax);
  a.popad();
  a.ret();
}

/** mov gs:[offset], register — the assembler has no segment operand, so the prefix byte by hand. */
function gsStore(a: Assembler, offset: number, register: Gpr): void {
  a.db(0x65);
  a.mov(m32({ disp: offset }), register);
}
