// Intrinsics of the "x86" import module: each call compiles to inline instructions (never a
// call) in @sawmill/wasm-x86. Import what you need:
//   import { outb, inb } from "@sawmill/wasm-x86/assembly/x86";
// Addresses: `ins*`/`outs*` buffers and the `lgdt`/`lidt` descriptor are wasm (linear-memory)
// addresses — the backend adds memoryBase. `invlpg` and the control registers take raw
// (virtual/physical) addresses. Only meaningful in ring 0 (port I/O also with sufficient IOPL).

/** in al, port — read one byte from an I/O port. */
@external("x86", "inb") export declare function inb(port: u16): u8;
/** in ax, port */
@external("x86", "inw") export declare function inw(port: u16): u16;
/** in eax, port */
@external("x86", "inl") export declare function inl(port: u16): u32;
/** out port, al */
@external("x86", "outb") export declare function outb(port: u16, value: u8): void;
/** out port, ax */
@external("x86", "outw") export declare function outw(port: u16, value: u16): void;
/** out port, eax */
@external("x86", "outl") export declare function outl(port: u16, value: u32): void;

/** rep insb: read `count` bytes from `port` into linear memory at wasm address `address`. */
@external("x86", "insb") export declare function insb(port: u16, address: usize, count: u32): void;
/** rep insw: `count` 16-bit words. */
@external("x86", "insw") export declare function insw(port: u16, address: usize, count: u32): void;
/** rep insd: `count` 32-bit words. */
@external("x86", "insl") export declare function insl(port: u16, address: usize, count: u32): void;
/** rep outsb: write `count` bytes from wasm address `address` to `port`. */
@external("x86", "outsb") export declare function outsb(port: u16, address: usize, count: u32): void;
/** rep outsw */
@external("x86", "outsw") export declare function outsw(port: u16, address: usize, count: u32): void;
/** rep outsd */
@external("x86", "outsl") export declare function outsl(port: u16, address: usize, count: u32): void;

/** cli — disable maskable interrupts. */
@external("x86", "cli") export declare function cli(): void;
/** sti — enable maskable interrupts. */
@external("x86", "sti") export declare function sti(): void;
/** hlt — wait for the next interrupt. */
@external("x86", "hlt") export declare function hlt(): void;
/** pause — spin-loop hint. */
@external("x86", "pause") export declare function pause(): void;

@external("x86", "read_cr0") export declare function readCr0(): u32;
/** cr2: the faulting linear address of the last page fault. */
@external("x86", "read_cr2") export declare function readCr2(): u32;
@external("x86", "read_cr3") export declare function readCr3(): u32;
@external("x86", "read_cr4") export declare function readCr4(): u32;
@external("x86", "write_cr0") export declare function writeCr0(value: u32): void;
/** cr3: physical address of the page directory (also flushes the TLB). */
@external("x86", "write_cr3") export declare function writeCr3(value: u32): void;
@external("x86", "write_cr4") export declare function writeCr4(value: u32): void;

/** invlpg [address] — `address` is a raw virtual address (not a wasm address). */
@external("x86", "invlpg") export declare function invlpg(address: u32): void;
/** lgdt — `descriptor` is the wasm address of the 6-byte (limit u16, base u32) descriptor. */
@external("x86", "lgdt") export declare function lgdt(descriptor: usize): void;
/** lidt — `descriptor` is the wasm address of the 6-byte (limit u16, base u32) descriptor. */
@external("x86", "lidt") export declare function lidt(descriptor: usize): void;
/** ltr — load the task register with a GDT selector. */
@external("x86", "ltr") export declare function ltr(selector: u16): void;
/** rdtsc — the time-stamp counter (edx:eax). */
@external("x86", "rdtsc") export declare function rdtsc(): u64;
