/**
 * The system-call ABI as data: numbers, error codes and encodings (documented in README.md).
 *
 * Layer: kernel, host side; shared with the AssemblyScript kernel through the generated layout
 * and with user-level stub generators. Numbers are part of the ABI: never renumber.
 */

export const Syscall = {
  SEND: 1,
  RECV: 2,
  CALL: 3,
  REPLY_RECV: 4,
  YIELD: 5,
  DEBUG_PUTC: 6,
  UNMAP: 7,
  CAP_COPY: 8,
  CAP_DELETE: 9,
  TASK_CREATE: 10,
  THREAD_CREATE: 11,
  THREAD_CONTROL: 12,
  IRQ_ATTACH: 13,
  IRQ_ACK: 14,
  IOPORT_GRANT: 15,
  ENDPOINT_CREATE: 16,
  EXIT: 17,
  /** Test harness only: write MR0 to the debug exit port (0x520); nothing on a PC. */
  DEBUG_EXIT: 18,
} as const;

export const ErrorCode = {
  OK: 0,
  INVALID_SYSCALL: 1,
  INVALID_CAP: 2,
  WRONG_TYPE: 3,
  NO_RIGHT: 4,
  TIMEOUT: 5,
  INVALID_ARGUMENT: 6,
  NO_MEMORY: 7,
  ABORTED: 8,
} as const;

/** eax on entry: system-call number in bits 0–7, capability slot above. */
export const SYSCALL_NUMBER_BITS = 8;

/** Message tag (ecx): label, untyped words, typed items. */
export const Tag = {
  LABEL_MASK: 0xffff,
  WORDS_SHIFT: 16,
  WORDS_MASK: 0x3f,
  ITEMS_SHIFT: 22,
  ITEMS_MASK: 0x3f,
} as const;

/** Timeout word (ebp): send timeout in bits 0–15, receive in 16–31, in ticks. */
export const Timeout = {
  FOREVER: 0,
  NEVER_BLOCK: 0xffff,
} as const;

export const ThreadState = {
  INACTIVE: 0,
  READY: 1,
  SENDING: 2,
  RECEIVING: 3,
  AWAITING_REPLY: 4,
  DEAD: 5,
} as const;

export const CapType = {
  NULL: 0,
  ENDPOINT: 1,
  TASK: 2,
  THREAD: 3,
  IRQ: 4,
  IO_PORTS: 5,
  FACTORY: 6,
} as const;

/** Rights, bits 8–15 of a slot's TYPE_RIGHTS word. */
export const Right = {
  SEND: 0x100,
  RECEIVE: 0x200,
  GRANT: 0x400,
  READ: 0x800,
  WRITE: 0x1000,
} as const;

/**
 * Labels of the messages the kernel itself sends (tag bits 0–15). User protocols use labels
 * below 0xF000.
 */
export const KernelLabel = {
  /** An interrupt: MR0 = line; badge = the badge of the endpoint capability it was attached with. */
  IRQ: 0xfff0,
  /** A ring-3 exception: MR0 = vector, MR1 = eip, MR2 = error code, MR3 = fault address (cr2). */
  EXCEPTION: 0xfff1,
  /**
   * A page fault, sent to the faulting thread's pager as a call on its behalf: MR0 = fault
   * address, MR1 = eip, MR2 = FaultError bits. The reply's map item is installed at the
   * faulting page (see README "Page faults").
   */
  PAGE_FAULT: 0xfff2,
} as const;

/** Bits of MR2 in a PAGE_FAULT message (the CPU's page-fault error code, low three bits). */
export const FaultError = {
  PRESENT: 0x1,
  WRITE: 0x2,
  USER: 0x4,
} as const;

/**
 * A flexpage: a naturally aligned region of 2^size bytes (size ≥ 12) of an address space with
 * access rights, in one word: bits 12–31 base, bits 4–9 log2 size (0 = the nil flexpage),
 * bits 0–3 rights. See README "Memory".
 */
export const Fpage = {
  RIGHT_WRITE: 0x2,
  RIGHT_READ: 0x4,
  RIGHTS_MASK: 0xf,
  SIZE_SHIFT: 4,
  SIZE_MASK: 0x3f,
  MIN_SIZE: 12,
  BASE_MASK: 0xfffff000,
} as const;

/**
 * Typed items (two words each, in the UTCB after the untyped words). Word 0 bits 0–3 the kind;
 * for MAP and GRANT word 0 bits 12–31 are the send base (which part of a larger flexpage goes
 * to a smaller window, and where a smaller one lands in a larger window) and word 1 is the
 * flexpage to send. CAP items are the IPC owner's (README "Typed items").
 */
export const ItemKind = {
  MASK: 0xf,
  MAP: 0x1,
  GRANT: 0x2,
  CAP: 0x3,
} as const;

/** UNMAP (system call 7): MR0 = flexpage in the caller's space, MR1 = these flags. */
export const UnmapFlag = {
  /** Also remove the caller's own mappings in the flexpage, not only those derived from them. */
  SELF: 0x1,
} as const;

/** Capability slots the kernel fills in the root task's table before it starts. */
export const RootSlot = {
  /** The kernel object factory (ENDPOINT_CREATE, TASK_CREATE). */
  FACTORY: 1,
  /** The root task itself (THREAD_CREATE in it, CAP_COPY into it). */
  TASK: 2,
  /** The root task's first thread. */
  THREAD: 3,
  /** IRQ control: an IRQ capability covering every line (derive per-line caps from it). */
  IRQ_CONTROL: 14,
  /** Every I/O port, 0–0xFFFF (IOPORT_GRANT hands ranges of it to tasks). */
  IO_PORTS: 15,
} as const;

/** THREAD_CONTROL operations (MR0). */
export const ThreadOp = {
  /** Make an inactive thread ready. */
  START: 1,
  /** MR1 = priority, at most the caller's own. */
  SET_PRIORITY: 2,
  /** MR1 = endpoint slot (send right) in the caller's table, 0 = none: page faults go there. */
  SET_PAGER: 3,
  /** MR1 = endpoint slot (send right), 0 = none: exceptions go there. */
  SET_EXCEPTION_HANDLER: 4,
  /** Inactive thread's start registers: eax = MR1, ebx = MR2, ecx = MR3, edx = MR4 (UTCB). */
  SET_REGISTERS: 5,
} as const;

/**
 * A capability item (ItemKind.CAP): word 0 bits 0–3 = CAP, bits 8–15 a rights mask (Right
 * bits); word 1 = the slot in the sender's table. The receiver accepts it into the empty slot
 * its UTCB's BR1 names; it arrives with word 1 replaced by that slot.
 */
export const CAP_ITEM_RIGHTS_MASK = 0xff00;

export const MESSAGE_REGISTERS = 64;
export const REGISTER_MESSAGE_WORDS = 4;

/** UTCB field offsets (bytes). */
export const Utcb = {
  SELF: 0,
  USER: 4,
  BADGE: 8,
  TAG: 12,
  MR0: 16,
  BR0: 272,
  BR1: 276,
  SIZE: 512,
} as const;
