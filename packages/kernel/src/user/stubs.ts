/**
 * User-level system-call stubs: the `sys` import module a component's wasm calls.
 *
 * Layer: user level (ring 3), hand-written x86, cdecl; the AssemblyScript declarations are
 * `assembly/user/sys.ts`, `ipc.ts` and `objects.ts`. Interface: `assembleSyscallStubs(names)` →
 * X86Object defining `sys.<name>` for each requested stub (a component links only the calls it
 * imports); `SYSCALL_STUBS` lists them all.
 *
 * A stub loads its cdecl arguments into the ABI's registers (README) in the order its spec
 * lists them, executes `int 0x30` and returns eax (the error code). IPC stubs move the message
 * between the UTCB and the registers: a sending stub loads MR0–MR3 from the UTCB (`gs:`) into
 * edx ebx esi edi, a receiving stub stores the received tag, badge and MR0–MR3 back into the
 * UTCB, so user code reads and writes every message register in one place. Stubs that touch
 * ebx, esi, edi or ebp (cdecl callee-saved) save and restore them.
 * Hand-written stubs: `utcb` returns the UTCB's self word (its address as the component's wasm
 * code sees it), `thread_entry` the address of the runtime's `_thread_start` (neither makes a
 * system call); `syscall_raw` sets every ABI register from its arguments (raw-syscall.ts).
 */

import {
  Assembler,
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
  sym,
  type X86Object,
} from "@sawmill/x86";
import { Syscall, Utcb } from "../abi.js";
import { Vector } from "../layout.js";
import { emitRawSyscall } from "./raw-syscall.js";
import { THREAD_ENTRY } from "./runtime.js";

export const STUB_MODULE = "sys";

/** Where a stub argument goes: the slot (eax bits 8–31), a register of the ABI, or UTCB MR4. */
type StubArgument = "slot" | "tag" | "mr0" | "mr1" | "mr2" | "mr3" | "mr4" | "timeouts";

interface StubSpec {
  readonly number: number;
  readonly args: readonly StubArgument[];
  /** Load MR0–MR3 from the UTCB before the call. */
  readonly sends?: boolean;
  /** Store the received tag, badge and MR0–MR3 into the UTCB after the call. */
  readonly receives?: boolean;
}

export const STUBS: Readonly<Record<string, StubSpec>> = {
  send: { number: Syscall.SEND, args: ["slot", "tag", "timeouts"], sends: true },
  recv: { number: Syscall.RECV, args: ["slot", "timeouts"], receives: true },
  call: { number: Syscall.CALL, args: ["slot", "tag", "timeouts"], sends: true, receives: true },
  reply_recv: { number: Syscall.REPLY_RECV, args: ["slot", "tag", "timeouts"], sends: true, receives: true },
  yield: { number: Syscall.YIELD, args: [] },
  debug_putc: { number: Syscall.DEBUG_PUTC, args: ["mr0"] },
  cap_copy: { number: Syscall.CAP_COPY, args: ["slot", "mr0", "mr1", "mr2", "mr3"] },
  cap_delete: { number: Syscall.CAP_DELETE, args: ["slot"] },
  task_create: { number: Syscall.TASK_CREATE, args: ["slot", "mr0"] },
  thread_create: { number: Syscall.THREAD_CREATE, args: ["slot", "mr0", "mr1", "mr2", "mr3"] },
  thread_control: { number: Syscall.THREAD_CONTROL, args: ["slot", "mr0", "mr1", "mr2", "mr3", "mr4"] },
  endpoint_create: { number: Syscall.ENDPOINT_CREATE, args: ["slot", "mr0"] },
  exit: { number: Syscall.EXIT, args: ["mr0"] },
  debug_exit: { number: Syscall.DEBUG_EXIT, args: ["mr0"] },
  unmap: { number: Syscall.UNMAP, args: ["mr0", "mr1"] },
  irq_attach: { number: Syscall.IRQ_ATTACH, args: ["slot", "mr0", "mr1"] },
  irq_ack: { number: Syscall.IRQ_ACK, args: ["slot", "mr0"] },
  ioport_grant: { number: Syscall.IOPORT_GRANT, args: ["slot", "mr0", "mr1", "mr2", "mr3"] },
};

const ADDRESS_STUBS: Readonly<Record<string, (a: Assembler) => void>> = {
  utcb: (a) => gsLoad(a, eax, Utcb.SELF),
  thread_entry: (a) => a.mov(eax, sym(THREAD_ENTRY)),
  syscall_raw: emitRawSyscall,
};

export const SYSCALL_STUBS: readonly string[] = [...Object.keys(STUBS), ...Object.keys(ADDRESS_STUBS)];

const MESSAGE_REGISTERS: readonly Gpr[] = [edx, ebx, esi, edi];
const CALLEE_SAVED: readonly Gpr[] = [ebx, esi, edi, ebp];
const ARGUMENT_REGISTERS: Readonly<Record<Exclude<StubArgument, "slot" | "mr4">, Gpr>> = {
  tag: ecx,
  mr0: edx,
  mr1: ebx,
  mr2: esi,
  mr3: edi,
  timeouts: ebp,
};

export function assembleSyscallStubs(names: readonly string[]): X86Object {
  const a = new Assembler();
  a.section("text");
  for (const name of names) {
    const spec = STUBS[name];
    const address = ADDRESS_STUBS[name];
    if (spec === undefined && address === undefined)
      throw new Error(`no system-call stub ${STUB_MODULE}.${name}`);
    a.global(`${STUB_MODULE}.${name}`);
    if (spec !== undefined) emitSyscallStub(a, spec);
    else address?.(a);
    a.ret();
  }
  return a.finish();
}

function emitSyscallStub(a: Assembler, spec: StubSpec): void {
  const saved = savesRegisters(spec) ? CALLEE_SAVED : [];
  for (const register of saved) a.push(register);
  const argument = (i: number) => m32({ base: esp, disp: 4 + 4 * saved.length + 4 * i });
  const mr4 = spec.args.indexOf("mr4");
  if (mr4 >= 0) {
    a.mov(eax, argument(mr4));
    gsStore(a, Utcb.MR0 + 16, eax);
  }
  if (spec.sends) {
    MESSAGE_REGISTERS.forEach((register, i) => {
      gsLoad(a, register, Utcb.MR0 + 4 * i);
    });
  }
  spec.args.forEach((kind, i) => {
    if (kind !== "slot" && kind !== "mr4") a.mov(ARGUMENT_REGISTERS[kind], argument(i));
  });
  const slot = spec.args.indexOf("slot");
  if (slot >= 0) {
    a.mov(eax, argument(slot));
    a.shl(eax, 8);
    a.or(eax, spec.number);
  } else {
    a.mov(eax, spec.number);
  }
  a.int(Vector.SYSCALL);
  if (spec.receives) emitStoreReceived(a);
  for (const register of [...saved].reverse()) a.pop(register);
}

function emitStoreReceived(a: Assembler): void {
  gsStore(a, Utcb.BADGE, ebp);
  gsStore(a, Utcb.TAG, ecx);
  MESSAGE_REGISTERS.forEach((register, i) => {
    gsStore(a, Utcb.MR0 + 4 * i, register);
  });
}

function savesRegisters(spec: StubSpec): boolean {
  return (
    spec.sends === true ||
    spec.receives === true ||
    spec.args.some((k) => k in ARGUMENT_REGISTERS && k !== "tag" && k !== "mr0")
  );
}

/** mov register, gs:[offset] — the assembler has no segment operand, so the prefix byte by hand. */
function gsLoad(a: Assembler, register: Gpr, offset: number): void {
  a.db(0x65);
  a.mov(register, m32({ disp: offset }));
}

function gsStore(a: Assembler, offset: number, register: Gpr): void {
  a.db(0x65);
  a.mov(m32({ disp: offset }), register);
}
