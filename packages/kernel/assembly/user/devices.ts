// Interrupts, I/O ports and exceptions as a component sees them: the `sys` device stubs
// (src/user/stubs.ts). Import what you use from "@sawmill/kernel/assembly/user/devices".
// Every call returns the kernel's error code (0 = OK; README "Interrupts", "I/O ports").

export {
  LABEL_EXCEPTION,
  LABEL_IRQ,
  ROOT_SLOT_IO_PORTS,
  ROOT_SLOT_IRQ_CONTROL,
} from "../generated/layout";

/** Delivers `line`'s interrupts as messages on the endpoint in `endpoint` (0 = detach). */
@external("sys", "irq_attach") export declare function irqAttach(irq: u32, line: u32, endpoint: u32): u32;
/** Unmasks `line` after its interrupt message was handled. */
@external("sys", "irq_ack") export declare function irqAck(irq: u32, line: u32): u32;
/** Allows (flags 0) or denies again (flags 1) ports [first, first + count) to the task `task` names. */
@external("sys", "ioport_grant") export declare function ioportGrant(ports: u32, task: u32, first: u32, count: u32, flags: u32): u32;
/** Test harnesses: a system call with every ABI register given; returns eax. */
@external("sys", "syscall_raw") export declare function syscallRaw(eax: u32, ecx: u32, edx: u32, ebx: u32, esi: u32, edi: u32, ebp: u32): u32;

export const IOPORT_REVOKE: u32 = 1;

/** The badge for CAP_COPY of an IRQ capability that covers exactly `line`. */
export function irqLineBadge(line: u32): u32 {
  return 1 << line;
}

/** The badge for CAP_COPY of an IO_PORTS capability that covers [first, first + count). */
export function ioportRangeBadge(first: u32, count: u32): u32 {
  return first | ((first + count - 1) << 16);
}
