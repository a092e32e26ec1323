/**
 * The IPC fast path: `call` and `reply_recv` with a register-only message, in hand-written x86.
 *
 * Layer: kernel, hand-written x86, entered from the system-call gate (idt.ts) with the caller's
 * frame complete in its TCB (esp = TCB) and every user register still live. Interface:
 * `emitFastPath(a, slowPath, options)` emits `FAST_PATH` (jumped to from the gate) and its data.
 *
 * Shape (as in seL4): a run of checks, each falling back to `slowPath` (the common entry, which
 * runs the AssemblyScript slow path, assembly/ipc.ts, on the untouched frame); then the point of
 * no return; then the state changes, which are exactly those the slow path makes for the same
 * call; then the switch to the partner and the exit through the partner's frame.
 *
 * What it takes: `call` (number 3) and `reply_recv` (4) with tag words ≤ 4, no typed items, the
 * receive timeout "forever", through an endpoint capability with the right needed, when
 *   call:       a receiver waits on the endpoint, has no deadline armed and holds no reply right;
 *   reply_recv: the thread's caller still waits for this reply (an ordinary call: no kernel
 *               message, no deadline) and no sender waits on the endpoint
 *               nor an interrupt is pending anywhere (the thread will block);
 * and the partner may run next: priority ≥ the current thread's and nobody else ready at its
 * priority (scheduler.ts invariant 3: then schedule() would pick it too), and, when it lives in
 * another task, that task has no I/O ports or the TSS holds its bitmap already (copying 8 KiB
 * into the TSS is the slow path's business).
 * Everything else — errors, long messages, items, timeouts, senders queued, lower priorities,
 * page-fault replies, send, recv — goes to the slow path unchanged.
 *
 * Registers: eax = number | slot << 8, ecx = tag, edx ebx esi edi = MR0–MR3, ebp = timeouts on
 * entry; the checks clobber eax, ebp, esi, edi (MR2/MR3 are reloaded from the frame to copy).
 * esp stays the current TCB, so `[esp + field]` addresses its fields (through ss: flat).
 *
 * Instrumented builds (`markers: true`) write debug-port markers at the section boundaries
 * (FAST_PATH_MARKERS) so a benchmark can measure each section; each marker costs
 * MARKER_OVERHEAD instructions of the span it closes.
 */

import {
  type Assembler,
  al,
  cr3,
  ds,
  dx,
  eax,
  ebp,
  ebx,
  ecx,
  edi,
  edx,
  es,
  esi,
  esp,
  type Gpr,
  gs,
  type Label,
  m16,
  m32,
} from "@sawmill/x86";
import { CapType, ErrorCode, Right, Syscall, Tag, ThreadState } from "../abi.js";
import {
  Address,
  Capability,
  Cpu,
  Endpoint,
  FRAME_END,
  IpcFlag,
  offsetOf,
  QueueKind,
  Selector,
  sizeOf,
  Task,
  Thread,
  TIMESLICE_TICKS,
  TSS_ESP0,
  TSS_IO_MAP_BASE,
  TSS_SIZE,
  Vector,
} from "../layout.js";

export const FAST_PATH = "__kernel_fast_path";

export interface FastPathOptions {
  /** Debug-port markers at the section boundaries (benchmark builds only). */
  readonly markers?: boolean;
}

/** Marker ids of an instrumented build, in the order a fast-path system call passes them. */
export const FAST_PATH_MARKERS = {
  /** After the frame is saved (first instruction of the fast path). */
  FRAME_SAVED: 0x7f01,
  /** After the dispatch: segments, message shape, system-call number. */
  DISPATCHED: 0x7f02,
  /** After the capability lookup. */
  CAP_FOUND: 0x7f03,
  /** After the partner checks and the state changes (message copied, queues updated). */
  TRANSFERRED: 0x7f04,
  /** After the switch (CPU.CURRENT, TSS, CR3, UTCB descriptor). */
  SWITCHED: 0x7f05,
  /** Before the final popad / add / iretd. */
  EXITING: 0x7f06,
} as const;

/** Added to the ids of the markers a reply_recv passes after its dispatch (call: as listed). */
export const REPLY_MARKER_OFFSET = 0x10;
/** Instructions a marker adds to the span it ends (its own code before and after the `out`). */
export const MARKER_OVERHEAD = 10;
/** Instructions of a fast-path call outside the markers: `int`, `sub`, `pushad` and `popad`, `add`, `iretd`. */
export const UNMARKED_ENTRY = 3;
export const UNMARKED_EXIT = 3;

const T = (field: string) => offsetOf(Thread, field);
const E = (field: string) => offsetOf(Endpoint, field);
const C = (field: string) => offsetOf(Capability, field);
const K = (field: string) => offsetOf(Task, field);
const CPU_CURRENT = Address.CPU + offsetOf(Cpu, "CURRENT");
const CPU_CURRENT_TASK = Address.CPU + offsetOf(Cpu, "CURRENT_TASK");
const CPU_IRQ_PENDING = Address.CPU + offsetOf(Cpu, "IRQ_PENDING");
const CPU_IO_MAP_OWNER = Address.CPU + offsetOf(Cpu, "IO_MAP_OWNER");
const UTCB_DESCRIPTOR = Address.GDT + (Selector.UTCB & ~7);
const NO_IO_MAP = 0xffff;
/** Bits 0–7 of a slot's TYPE_RIGHTS word are its type (assembly/captable.ts). */
const TYPE_MASK = 0xff;
/** ecx below this: at most 4 untyped words, no typed items, nothing above. */
const REGISTER_ONLY_LIMIT = 5 << Tag.WORDS_SHIFT;
const RECEIVE_TIMEOUT_MASK = 0xffff_0000;
const MARKER_PORT = 0x524;
const STAMP_PORT = 0x52c;
/** Markers save eax/edx in the current TCB's frame page, far past its fields (esp = TCB: ss, flat). */
const MARKER_SCRATCH = 0xf00;

/**
 * Emits the system-call gate's stub with the fast path behind it; `slowPath` continues the
 * common entry with the frame saved. The stub skips the vector and error-code pushes (only a
 * declined call needs them, and the decline writes them).
 */
export function emitFastPath(a: Assembler, slowPath: string, options: FastPathOptions = {}): void {
  if (sizeOf(Capability) !== 16) throw new Error("fast path: capability slots must be 16 bytes");
  const f = new FastPath(a, options.markers === true);
  f.emit(slowPath);
}

class FastPath {
  private readonly decline: Label;
  /** REPLY_MARKER_OFFSET while the reply_recv path is emitted. */
  private markerOffset = 0;
  /** Code placed after both paths: the rare branches of the switch. */
  private readonly outOfLineBlocks: (() => void)[] = [];

  constructor(
    private readonly a: Assembler,
    private readonly markers: boolean,
  ) {
    this.decline = a.newLabel();
  }

  emit(slowPath: string): void {
    const { a } = this;
    a.section("text");
    a.sub(esp, 8);
    a.pushad();
    a.global(FAST_PATH);
    this.mark(FAST_PATH_MARKERS.FRAME_SAVED);
    const replyRecv = a.newLabel();
    this.dispatch(replyRecv);
    this.call();
    a.bind(replyRecv);
    this.replyRecv();
    this.outOfLine(slowPath);
  }

  /** Entry: what every fast-path system call must be, whichever it is. */
  private dispatch(replyRecv: Label): void {
    const { a } = this;
    a.test(ebp, RECEIVE_TIMEOUT_MASK);
    a.jcc("nz", this.decline); // the receive phase waits forever (no deadline to arm)
    a.mov(ebp, Selector.USER_DATA);
    a.mov(ds, ebp); // the user's data segments are not trusted
    a.mov(es, ebp);
    a.cmp(ecx, REGISTER_ONLY_LIMIT);
    a.jcc("ae", this.decline); // at most 4 untyped words, no typed items
    a.cmp(al, Syscall.REPLY_RECV);
    a.jcc("e", replyRecv);
    a.cmp(al, Syscall.CALL);
    a.jcc("ne", this.decline); // call or reply_recv, nothing else
    this.mark(FAST_PATH_MARKERS.DISPATCHED);
  }

  /** Capability lookup: eax = slot index << 8 in, the slot out; ebp clobbered. */
  private lookup(right: number): void {
    const { a } = this;
    a.shr(eax, 8);
    a.mov(ebp, m32({ base: esp, disp: T("TASK") }));
    a.cmp(eax, m32({ base: ebp, disp: K("CAP_COUNT") }));
    a.jcc("ae", this.decline); // the slot is inside the caller's table
    a.shl(eax, 4);
    a.add(eax, m32({ base: ebp, disp: K("CAPS") }));
    a.mov(ebp, m32({ base: eax, disp: C("TYPE_RIGHTS") }));
    a.and(ebp, TYPE_MASK | right);
    a.cmp(ebp, CapType.ENDPOINT | right);
    a.jcc("ne", this.decline); // an endpoint, with the right this call needs
    a.mov(ebp, m32({ base: eax, disp: C("OBJECT") }));
    this.mark(FAST_PATH_MARKERS.CAP_FOUND);
  }

  /** The partner (edi) may run next instead of the current thread; esi clobbered. */
  private partnerMayRun(): void {
    const { a } = this;
    a.mov(esi, m32({ base: edi, disp: T("PRIORITY") }));
    a.cmp(esi, m32({ base: esp, disp: T("PRIORITY") }));
    a.jcc("b", this.decline); // not below the current thread
    a.cmp(m32({ index: esi, scale: 4, disp: Address.READY_RINGS }), 0);
    a.jcc("ne", this.decline); // and alone at its priority: schedule() would pick it too
    const portsReady = a.newLabel();
    a.mov(esi, m32({ base: edi, disp: T("TASK") }));
    a.cmp(esi, m32({ base: esp, disp: T("TASK") }));
    a.jcc("e", portsReady); // the same task; or another one
    a.cmp(esi, m32({ disp: CPU_IO_MAP_OWNER }));
    a.jcc("e", portsReady); // whose I/O ports the TSS holds already
    a.cmp(m32({ base: esi, disp: K("IO_BITMAP") }), 0);
    a.jcc("ne", this.decline); // or that has none (copying a bitmap is the slow path's)
    a.cmp(m32({ base: esi, disp: K("IO_BITMAP_HIGH") }), 0);
    a.jcc("ne", this.decline);
    a.bind(portsReady);
  }

  /** call: the first waiting receiver gets the message and the reply right; the caller waits. */
  private call(): void {
    const { a } = this;
    this.lookup(Right.SEND);
    a.cmp(m32({ base: ebp, disp: E("QUEUE_KIND") }), QueueKind.RECEIVERS);
    a.jcc("ne", this.decline); // a receiver waits
    a.mov(edi, m32({ base: ebp, disp: E("QUEUE_HEAD") }));
    a.cmp(m32({ base: edi, disp: T("TIMEOUT") }), 0);
    a.jcc("ne", this.decline); // with no deadline armed
    a.cmp(m32({ base: edi, disp: T("CALLER") }), 0);
    a.jcc("ne", this.decline); // holding no reply right that this call would revoke
    this.partnerMayRun();
    // --- point of no return ---
    a.mov(eax, m32({ base: eax, disp: C("BADGE") }));
    a.mov(m32({ base: esp, disp: T("IPC_FLAGS") }), IpcFlag.CALL);
    a.mov(m32({ base: esp, disp: T("BADGE") }), eax);
    a.mov(m32({ base: esp, disp: T("STATE") }), ThreadState.AWAITING_REPLY);
    a.mov(m32({ base: esp, disp: T("REPLY_TO") }), edi);
    this.dequeueReceiver();
    a.mov(m32({ base: edi, disp: T("CALLER") }), esp);
    this.deliver(eax);
    this.switchAndExit();
  }

  /** The receiver (edi, the head of endpoint ebp's queue) leaves it; esi clobbered. */
  private dequeueReceiver(): void {
    const { a } = this;
    const emptied = a.newLabel();
    const done = a.newLabel();
    a.mov(esi, m32({ base: edi, disp: T("NEXT") }));
    a.mov(m32({ base: ebp, disp: E("QUEUE_HEAD") }), esi);
    a.test(esi, esi);
    a.jcc("z", emptied);
    a.mov(m32({ base: esi, disp: T("PREV") }), 0);
    a.mov(m32({ base: edi, disp: T("NEXT") }), 0);
    a.jmp(done);
    a.bind(emptied); // it was the only one
    a.mov(m32({ base: ebp, disp: E("QUEUE_TAIL") }), 0);
    a.mov(m32({ base: ebp, disp: E("QUEUE_KIND") }), QueueKind.EMPTY);
    a.bind(done);
    a.mov(m32({ base: edi, disp: T("WAITING_ON") }), 0);
  }

  /** reply_recv: the caller gets the reply and runs; this thread waits on the endpoint. */
  private replyRecv(): void {
    const { a } = this;
    this.markerOffset = REPLY_MARKER_OFFSET;
    this.mark(FAST_PATH_MARKERS.DISPATCHED);
    this.lookup(Right.RECEIVE);
    a.cmp(m32({ base: ebp, disp: E("QUEUE_KIND") }), QueueKind.SENDERS);
    a.jcc("e", this.decline); // no sender waits: this thread will block
    a.cmp(m32({ disp: CPU_IRQ_PENDING }), 0);
    a.jcc("ne", this.decline); // nor an interrupt that might be for this endpoint
    a.mov(edi, m32({ base: esp, disp: T("CALLER") }));
    a.test(edi, edi);
    a.jcc("z", this.decline); // it holds a reply right
    a.cmp(m32({ base: edi, disp: T("STATE") }), ThreadState.AWAITING_REPLY);
    a.jcc("ne", this.decline); // whose caller still waits
    a.cmp(m32({ base: edi, disp: T("REPLY_TO") }), esp);
    a.jcc("ne", this.decline); // for this thread's reply
    a.cmp(m32({ base: edi, disp: T("IPC_FLAGS") }), IpcFlag.CALL);
    a.jcc("ne", this.decline); // in an ordinary call (not a kernel message: page fault, exception)
    a.cmp(m32({ base: edi, disp: T("TIMEOUT") }), 0);
    a.jcc("ne", this.decline); // with no deadline armed
    this.partnerMayRun();
    // --- point of no return ---
    a.xor(eax, eax);
    a.mov(m32({ base: edi, disp: T("REPLY_TO") }), eax);
    a.mov(m32({ base: edi, disp: T("IPC_FLAGS") }), eax);
    a.mov(m32({ base: edi, disp: T("FAULT") }), eax);
    a.mov(m32({ base: esp, disp: T("CALLER") }), eax);
    a.mov(m32({ base: esp, disp: T("IPC_FLAGS") }), eax);
    a.mov(m32({ base: esp, disp: T("STATE") }), ThreadState.RECEIVING);
    this.enqueueReceiver();
    this.deliver(eax);
    this.switchAndExit();
  }

  /** The current thread joins the back of endpoint ebp's receivers; esi clobbered, eax = 0 kept. */
  private enqueueReceiver(): void {
    const { a } = this;
    const first = a.newLabel();
    const linked = a.newLabel();
    a.mov(m32({ base: esp, disp: T("NEXT") }), eax);
    a.mov(esi, m32({ base: ebp, disp: E("QUEUE_TAIL") }));
    a.mov(m32({ base: esp, disp: T("PREV") }), esi);
    a.test(esi, esi);
    a.jcc("z", first);
    a.mov(m32({ base: esi, disp: T("NEXT") }), esp);
    a.jmp(linked);
    a.bind(first); // the queue was empty
    a.mov(m32({ base: ebp, disp: E("QUEUE_HEAD") }), esp);
    a.bind(linked);
    a.mov(m32({ base: ebp, disp: E("QUEUE_TAIL") }), esp);
    a.mov(m32({ base: ebp, disp: E("QUEUE_KIND") }), QueueKind.RECEIVERS);
    a.mov(m32({ base: esp, disp: T("WAITING_ON") }), ebp);
  }

  /**
   * The partner (edi) becomes READY with the message: eax = OK, ecx = tag, ebp = `badge`, and
   * exactly the tag's untyped words in edx ebx esi edi (as the slow path's transfer()).
   */
  private deliver(badge: Gpr): void {
    const { a } = this;
    a.mov(m32({ base: edi, disp: T("STATE") }), ThreadState.READY);
    a.mov(m32({ base: edi, disp: T("TIMESLICE") }), TIMESLICE_TICKS);
    a.mov(m32({ base: edi, disp: T("EBP") }), badge);
    a.mov(m32({ base: edi, disp: T("EAX") }), ErrorCode.OK);
    a.mov(m32({ base: edi, disp: T("ECX") }), ecx);
    a.mov(esi, ecx);
    a.shr(esi, Tag.WORDS_SHIFT);
    const table = a.newLabel();
    a.jmp(m32({ index: esi, scale: 4, label: table }));
    const words = [a.newLabel(), a.newLabel(), a.newLabel(), a.newLabel(), a.newLabel()];
    a.bind(words[4] as Label);
    a.mov(esi, m32({ base: esp, disp: T("EDI") }));
    a.mov(m32({ base: edi, disp: T("EDI") }), esi);
    a.bind(words[3] as Label);
    a.mov(esi, m32({ base: esp, disp: T("ESI") }));
    a.mov(m32({ base: edi, disp: T("ESI") }), esi);
    a.bind(words[2] as Label);
    a.mov(m32({ base: edi, disp: T("EBX") }), ebx);
    a.bind(words[1] as Label);
    a.mov(m32({ base: edi, disp: T("EDX") }), edx);
    a.bind(words[0] as Label);
    this.mark(FAST_PATH_MARKERS.TRANSFERRED);
    a.section("rodata");
    a.align(4);
    a.bind(table);
    for (const word of words) a.dd(word);
    a.section("text");
  }

  /** Makes edi the current thread (cpu.ts activate()) and resumes it from its frame. */
  private switchAndExit(): void {
    const { a } = this;
    const newSpace = a.newLabel();
    const newSpaceDone = a.newLabel();
    a.mov(m32({ disp: CPU_CURRENT }), edi);
    a.lea(eax, m32({ base: edi, disp: FRAME_END }));
    a.mov(m32({ disp: Address.TSS + TSS_ESP0 }), eax);
    a.mov(eax, m32({ base: edi, disp: T("TASK") }));
    a.cmp(eax, m32({ base: esp, disp: T("TASK") }));
    a.jcc("ne", newSpace); // another address space: CR3 (out of line)
    a.bind(newSpaceDone);
    a.mov(eax, m32({ base: edi, disp: T("UTCB_DESCRIPTOR_LOW") }));
    a.mov(m32({ disp: UTCB_DESCRIPTOR }), eax);
    a.mov(eax, m32({ base: edi, disp: T("UTCB_DESCRIPTOR_HIGH") }));
    a.mov(m32({ disp: UTCB_DESCRIPTOR + 4 }), eax);
    this.mark(FAST_PATH_MARKERS.SWITCHED);
    emitResume(a, edi, () => this.mark(FAST_PATH_MARKERS.EXITING));
    this.outOfLineBlocks.push(() => {
      const noPorts = a.newLabel();
      a.bind(newSpace); // eax = the partner's task (ioports.ts loadIoMap, the cases checked above)
      a.mov(m32({ disp: CPU_CURRENT_TASK }), eax);
      a.mov(m16({ disp: Address.TSS + TSS_IO_MAP_BASE }), NO_IO_MAP);
      a.cmp(eax, m32({ disp: CPU_IO_MAP_OWNER }));
      a.jcc("ne", noPorts);
      a.mov(m16({ disp: Address.TSS + TSS_IO_MAP_BASE }), TSS_SIZE); // the TSS's copy is its bitmap
      a.bind(noPorts);
      a.mov(eax, m32({ base: eax, disp: K("PAGE_DIRECTORY") }));
      a.mov(cr3, eax);
      a.jmp(newSpaceDone);
    });
  }

  private outOfLine(slowPath: string): void {
    const { a } = this;
    for (const block of this.outOfLineBlocks) block();
    a.bind(this.decline); // the slow path: the frame as the common entry leaves it
    a.mov(m32({ base: esp, disp: T("VECTOR") }), Vector.SYSCALL);
    a.mov(m32({ base: esp, disp: T("ERROR") }), 0);
    a.jmp(slowPath);
  }

  /** A debug-port marker that preserves every register (instrumented builds only). */
  private mark(id: number): void {
    if (!this.markers) return;
    const { a } = this;
    a.mov(m32({ base: esp, disp: MARKER_SCRATCH }), eax);
    a.mov(m32({ base: esp, disp: MARKER_SCRATCH + 4 }), edx);
    a.mov(eax, id === FAST_PATH_MARKERS.FRAME_SAVED ? id : id + this.markerOffset);
    a.mov(dx, MARKER_PORT);
    a.out(dx, eax);
    a.rdtsc();
    a.mov(dx, STAMP_PORT);
    a.out(dx, eax);
    a.mov(eax, m32({ base: esp, disp: MARKER_SCRATCH }));
    a.mov(edx, m32({ base: esp, disp: MARKER_SCRATCH + 4 }));
  }
}

/**
 * Resumes `thread` (a register holding its TCB) from its frame; `beforeRestore` may add code
 * while the frame is still addressed by esp. Shared with the common exit (idt.ts).
 */
export function emitResume(a: Assembler, thread: Gpr | null, beforeRestore?: () => void): void {
  if (thread === null) a.mov(esp, m32({ disp: CPU_CURRENT }));
  else a.mov(esp, thread);
  a.mov(eax, Selector.UTCB);
  a.mov(gs, eax);
  beforeRestore?.();
  a.popad();
  a.add(esp, 8);
  a.iretd();
}
