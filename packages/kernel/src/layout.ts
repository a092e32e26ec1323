/**
 * The kernel's data layouts and fixed addresses, as data: the one description both halves use.
 *
 * Layer: kernel, host side. The hand-written x86 (entry, exit, IPC fast path) reads these
 * values directly; `generateAssemblyLayout()` turns the same values into
 * `assembly/generated/layout.ts` for the AssemblyScript kernel (a test checks the committed file
 * is current: run `npm run generate -w @sawmill/kernel` after editing this file).
 *
 * Invariants: every struct's fields are 4-byte words at increasing offsets; a thread's saved
 * user frame starts at offset 0 of its TCB in exactly the order the CPU and `pushad` write it,
 * so that TSS.esp0 = TCB + FRAME_END makes the CPU save user state straight into the TCB.
 */

/** Fixed physical (= kernel virtual) addresses below the kernel image. */
export const Address = {
  /** GDT: 7 descriptors, see Selector. */
  GDT: 0x0010_0000,
  /** Per-CPU state the entry code and the kernel share (struct Cpu). */
  CPU: 0x0010_0100,
  /** The scheduler's ready rings: one head word per priority 0–255 (assembly/scheduler.ts). */
  READY_RINGS: 0x0010_0400,
  /** IDT: 256 gates. */
  IDT: 0x0010_0800,
  /** TSS, followed by its I/O permission bitmap (65536 bits + the terminating 0xFF byte). */
  TSS: 0x0010_1000,
  /** The one kernel stack (the kernel is event-driven: no per-thread kernel stacks). */
  KERNEL_STACK_BOTTOM: 0x0010_4000,
  KERNEL_STACK_TOP: 0x0010_c000,
  /** The idle thread's stack (it runs in ring 0 with interrupts enabled). */
  IDLE_STACK_TOP: 0x0011_0000,
  /** Link address of the kernel image (text, rodata, data, bss). */
  KERNEL_IMAGE: 0x0011_0000,
  /** Wasm address of the AssemblyScript kernel's static data (asc --memoryBase). */
  KERNEL_STATICS: 0x0040_0000,
  /** Kernel part of every address space: identity map of physical memory below this. */
  USER_BASE: 0x4000_0000,
  /** Where component images are linked (text, rodata, data, bss). */
  USER_IMAGE: 0x4000_0000,
  /** A component's wasm linear memory (its `memoryBase`). */
  USER_MEMORY: 0x5000_0000,
  /** Thread stack slots grow down from here, STACK_SLOT bytes each, the UTCB in a slot's top page. */
  STACKS_TOP: 0xc000_0000,
  STACK_SLOT: 0x1_0000,
  /** Root task only: physical memory it owns appears at ROOT_WINDOW + physical address. */
  ROOT_WINDOW: 0xc000_0000,
} as const;

export const Selector = {
  KERNEL_CODE: 0x08,
  KERNEL_DATA: 0x10,
  USER_CODE: 0x1b,
  USER_DATA: 0x23,
  TSS: 0x28,
  /** Data segment whose base is the current thread's UTCB (user stubs use `gs:`). */
  UTCB: 0x33,
} as const;

export const Vector = {
  PAGE_FAULT: 14,
  /** The 8259 PICs are remapped to 0x20–0x2F. */
  IRQ_BASE: 0x20,
  SYSCALL: 0x30,
} as const;

export const EXCEPTION_VECTORS = 32;
/** Timer ticks a thread runs before others of its priority get their turn (scheduler, fast path). */
export const TIMESLICE_TICKS = 5;
export const IRQ_LINES = 16;
export const IDT_GATES = 256;
export const IO_BITMAP_BYTES = 8192;

/** A struct: field names in order; each field is one 32-bit word. */
export interface StructLayout {
  readonly name: string;
  readonly fields: readonly string[];
}

/** Thread control block. The first 15 words are the saved user frame (see header). */
export const Thread: StructLayout = {
  name: "THREAD",
  fields: [
    // pushad image (lowest address first)
    "EDI",
    "ESI",
    "EBP",
    "ESP_IGNORED",
    "EBX",
    "EDX",
    "ECX",
    "EAX",
    // pushed by the entry stub
    "VECTOR",
    "ERROR",
    // pushed by the CPU on a ring-3 → ring-0 transition
    "EIP",
    "CS",
    "EFLAGS",
    "ESP",
    "SS",
    // kernel state
    "STATE",
    "PRIORITY",
    "TASK",
    "UTCB",
    "UTCB_DESCRIPTOR_LOW",
    "UTCB_DESCRIPTOR_HIGH",
    "NEXT",
    "PREV",
    "WAITING_ON",
    "REPLY_TO",
    "CALLER",
    "BADGE",
    "TIMEOUT",
    "TIMESLICE",
    "PAGER",
    "EXCEPTION_HANDLER",
    "ID",
    "SIBLING",
    // the fault address while the thread waits for its pager's reply (0 otherwise)
    "FAULT",
    // IPC (assembly/ipc.ts): IpcFlag bits of the operation in progress; the badges of the pager
    // and exception-handler capabilities; the message the kernel sends on the thread's behalf
    // (IpcFlag.KERNEL_MESSAGE); the IPC timeout list (TIMEOUT = deadline tick, 0 = none)
    "IPC_FLAGS",
    "PAGER_BADGE",
    "EXCEPTION_BADGE",
    "KERNEL_TAG",
    "KERNEL_MR0",
    "KERNEL_MR1",
    "KERNEL_MR2",
    "KERNEL_MR3",
    "TIMEOUT_NEXT",
    "TIMEOUT_PREV",
  ],
};

/** Bits of THREAD_IPC_FLAGS. */
export const IpcFlag = {
  /** The thread called (it waits for, or will wait for, a reply). */
  CALL: 0x1,
  /** The kernel sends for the thread (page fault, exception): message in KERNEL_TAG/KERNEL_MR*. */
  KERNEL_MESSAGE: 0x2,
} as const;

/**
 * An endpoint (assembly/endpoint.ts): a FIFO of blocked threads, all senders or all receivers,
 * linked through THREAD_NEXT / THREAD_PREV; QUEUE_KIND is a QueueKind.
 */
export const Endpoint: StructLayout = {
  name: "ENDPOINT",
  fields: ["QUEUE_HEAD", "QUEUE_TAIL", "QUEUE_KIND", "ID"],
};

export const QueueKind = {
  EMPTY: 0,
  SENDERS: 1,
  RECEIVERS: 2,
} as const;

/** Where the CPU-pushed frame ends: TSS.esp0 while the thread runs. */
export const FRAME_END = Thread.fields.indexOf("STATE") * 4;

/**
 * Per-CPU state shared by the entry code and the kernel. IRQ_PENDING: bit n set while IRQ line n
 * is PENDING (assembly/irq.ts) — a receive could take it, so the IPC fast path declines then.
 * IO_MAP_OWNER: the task whose I/O bitmap the TSS holds a copy of (assembly/ioports.ts).
 */
export const Cpu: StructLayout = {
  name: "CPU",
  fields: ["CURRENT", "CURRENT_TASK", "IDLE", "TICKS", "KERNEL_ENTRIES", "IRQ_PENDING", "IO_MAP_OWNER"],
};

/**
 * A task: an address space with its capability table. IO_BITMAP / IO_BITMAP_HIGH: the frames
 * holding the task's I/O permission bitmap for ports 0–0x7FFF / 0x8000–0xFFFF (0 = all denied).
 * MAP_NODES: the frame indexing the task's mapping-database nodes by virtual page (assembly/mapdb.ts).
 */
export const Task: StructLayout = {
  name: "TASK",
  fields: [
    "PAGE_DIRECTORY",
    "CAPS",
    "CAP_COUNT",
    "THREADS",
    "ID",
    "STATE",
    "IO_BITMAP",
    "IO_BITMAP_HIGH",
    "MAP_NODES",
  ],
};

/**
 * A node of the mapping database (assembly/mapdb.ts): one user mapping of a frame — the task
 * and virtual page it is mapped at, the mapping it was derived from (PARENT, 0 for a root
 * task's window page) and the mappings derived from it (CHILD, a list through NEXT/PREV).
 */
export const MapNode: StructLayout = {
  name: "MAPNODE",
  fields: ["TASK", "PAGE", "PARENT", "CHILD", "NEXT", "PREV", "FRAME"],
};

/** One capability-table slot. */
export const Capability: StructLayout = {
  name: "CAP",
  fields: ["TYPE_RIGHTS", "OBJECT", "BADGE", "LINK"],
};

export const TSS_ESP0 = 4;
export const TSS_SS0 = 8;
export const TSS_IO_MAP_BASE = 102;
export const TSS_SIZE = 104;

export function offsetOf(struct: StructLayout, field: string): number {
  const index = struct.fields.indexOf(field);
  if (index < 0) throw new Error(`${struct.name} has no field ${field}`);
  return index * 4;
}

export function sizeOf(struct: StructLayout): number {
  return struct.fields.length * 4;
}
