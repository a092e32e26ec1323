/**
 * The IDL's own user-level IPC stubs: `idl.call0` … `idl.call4` (client) and `idl.reply_recv`
 * (server), hand-written x86, cdecl, linked into every component that uses generated stubs.
 *
 * Layer: user level (ring 3), host side emitting x86 through @sawmill/x86. Interface:
 * `assembleIdlStubs(names?)` → X86Object defining `idl.<name>`; `IDL_STUBS` lists the names;
 * `idlStubBytes(name)` → one stub's machine code alone (for listings and counts).
 *
 * Why not the kernel's `sys.call`: it takes MR0–MR3 from the UTCB, so a client would store each
 * argument there and the stub would load it back — two memory operations and a UTCB lookup per
 * word. These stubs take the words as arguments and put them straight into the message
 * registers, which is what keeps a client stub under 30 instructions.
 *
 *   idl.callN(dest, tag, w0 … wN−1) → u64
 *     dest = slot << 8 | CALL (precomputed when the client binds), tag = the request tag (more
 *     than four words: the rest are already in the UTCB's MR4…). Returns edx:eax =
 *     reply MR0 : status, status = the kernel's error code if the call failed, else the
 *     reply's label (the server's status). ebx esi edi ebp are saved because the kernel may
 *     load any reply words into edx ebx esi edi, and ebp carries the timeouts (0 = forever).
 *   idl.reply_recv(dest, tag, result) → u32
 *     dest = slot << 8 | REPLY_RECV; replies `tag` with MR0 = result to the last caller (none
 *     on the first call), then waits. Stores the received tag, badge and MR0–MR3 into the UTCB
 *     (where the dispatch loop reads them); returns the kernel's error code.
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
const SYSCALL_VECTOR = 0x30;
const MESSAGE_REGISTERS: readonly Gpr[] = [edx, ebx, esi, edi];
const SAVED: readonly Gpr[] = [ebx, esi, edi, ebp];

const EMITTERS: Readonly<Record<string, (a: Assembler) => void>> = {
  call0: (a) => emitCall(a, 0),
  call1: (a) => emitCall(a, 1),
  call2: (a) => emitCall(a, 2),
  call3: (a) => emitCall(a, 3),
  call4: (a) => emitCall(a, 4),
  reply_recv: emitReplyRecv,
};

export const IDL_STUBS: readonly string[] = Object.keys(EMITTERS);

export function assembleIdlStubs(names: readonly string[] = IDL_STUBS): X86Object {
  const a = new Assembler();
  a.section("text");
  for (const name of names) {
    const emit = EMITTERS[name];
    if (emit === undefined) throw new Error(`no IDL stub ${STUB_MODULE}.${name}`);
    a.global(`${STUB_MODULE}.${name}`);
    emit(a);
  }
  return a.finish();
}

export function idlStubBytes(name: string): Uint8Array {
  return assembleIdlStubs([name]).sections.text.bytes;
}

/** cdecl argument i after the saved registers and the return address. */
const argument = (i: number) => m32({ base: esp, disp: 4 * (SAVED.length + 1 + i) });

function emitCall(a: Assembler, words: number): void {
  for (const register of SAVED) a.push(register);
  a.mov(eax, argument(0));
  a.mov(ecx, argument(1));
  for (let i = 0; i < words; i++) a.mov(MESSAGE_REGISTERS[i], argument(2 + i));
  a.xor(ebp, ebp);
  a.int(SYSCALL_VECTOR);
  const failed = a.newLabel();
  a.test(eax, eax);
  a.jcc("nz", failed);
  a.movzx(eax, cx);
  a.bind(failed);
  for (const register of [...SAVED].reverse()) a.pop(register);
  a.ret();
}

function emitReplyRecv(a: Assembler): void {
  for (const register of SAVED) a.push(register);
  a.mov(eax, argument(0));
  a.mov(ecx, argument(1));
  a.mov(edx, argument(2));
  a.xor(ebp, ebp);
  a.int(SYSCALL_VECTOR);
  gsStore(a, Utcb.TAG, ecx);
  gsStore(a, Utcb.BADGE, ebp);
  MESSAGE_REGISTERS.forEach((register, i) => {
    gsStore(a, Utcb.MR0 + 4 * i, register);
  });
  for (const register of [...SAVED].reverse()) a.pop(register);
  a.ret();
}

/** mov gs:[offset], register — the assembler has no segment operand, so the prefix byte by hand. */
function gsStore(a: Assembler, offset: number, register: Gpr): void {
  a.db(0x65);
  a.mov(m32({ disp: offset }), register);
}
