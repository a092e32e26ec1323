/**
 * Host-independent JIT installation for virtual-clock machines.
 *
 * Layer: host, @sawmill/emulator (private). v86 compiles hot guest code to wasm and installs it
 * when an asynchronous WebAssembly compilation finishes — a moment chosen by the host. Where
 * compiled code starts running changes block boundaries, and with them the instructions at
 * which interrupts are taken. This installer compiles synchronously and installs at the next
 * tick boundary, which depends only on the guest's own progress.
 */
import { type V86Cpu, WASM_TABLE_OFFSET, webAssembly } from "./v86-internals.js";

interface CompiledFunction {
  readonly index: number;
  readonly start: number;
  readonly flags: number;
  readonly code: unknown;
}

export class DeterministicJit {
  private readonly compiled: CompiledFunction[] = [];

  /** Takes over v86's `codegen_finalize` for `cpu`. */
  constructor(private readonly cpu: V86Cpu) {
    cpu.codegen_finalize = (index, start, flags, pointer, length) =>
      this.compile(index, start, flags, pointer, length);
  }

  /** Installs everything compiled since the last call; call at tick boundaries. */
  installPending(): void {
    for (const { index, start, flags, code } of this.compiled.splice(0)) {
      this.cpu.wm.wasm_table.set(index + WASM_TABLE_OFFSET, code);
      this.cpu.codegen_finalize_finished(index, start, flags);
    }
  }

  private compile(index: number, start: number, flags: number, pointer: number, length: number): void {
    const bytes = new Uint8Array(this.cpu.wasm_memory.buffer, pointer >>> 0, length >>> 0);
    const instance = new webAssembly.Instance(new webAssembly.Module(bytes), { e: this.cpu.jit_imports });
    this.compiled.push({ index, start, flags, code: instance.exports.f });
  }
}
