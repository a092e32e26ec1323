/**
 * Machine: one v86 PC, headless, driven from Node.
 *
 * Layer: host, @sawmill/emulator. The interactive interface under `bootMultiboot`/`bootDisk`:
 *   const machine = await Machine.start({ multiboot: elf });
 *   machine.on("serial", (text) => ...); machine.on("debug", (event) => ...);
 *   machine.on("end", (end) => ...);   // exit port, halted for good, or instruction budget spent
 *   machine.sendSerial("ls\n"); machine.sendFrame(frame);
 *   await machine.stop();               // always: destroys the emulator
 *
 * Exact instruction counts. v86 adds executed instructions to its counter only when a compiled
 * (JIT) function or an interpreted block ends, so the counter read inside an I/O handler lags.
 * `out` always ends a block. The marker and exit handlers therefore set v86's "halted" flag:
 * the CPU loop stops right after the `out`, and v86's main loop immediately asks the clock for
 * the time — that call reaches this machine (see timekeeper.ts), which then reads the now-exact
 * counter, records the event and clears the flag so the guest continues as if nothing happened.
 * A marker's count includes the marking `out` itself.
 *
 * Determinism with the virtual clock: see deterministic-jit.ts (JIT code is installed at tick
 * boundaries, not when the host finishes compiling) and clock.ts.
 *
 * Invariants: after "end" the CPU executes nothing more; `stop()` is idempotent and always
 * destroys the emulator; disk writes are visible in `options.disk` once stop() resolves.
 */
import { type MachineClock, RealClock, VirtualClock } from "./clock.js";
import { attachDebugDevice } from "./debug-device.js";
import { DeterministicJit } from "./deterministic-jit.js";
import { InstructionCount } from "./instruction-count.js";
import { enterTimekeeper, realNow, type Timekeeper, withTimekeeper } from "./timekeeper.js";
import { FLAG_INTERRUPT, type V86Emulator } from "./v86-internals.js";
import { loadV86 } from "./v86-module.js";
import { v86Settings } from "./v86-settings.js";

export interface Firmware {
  /** BIOS ROM, e.g. SeaBIOS's bios.bin. */
  readonly bios: Uint8Array;
  readonly vgaBios?: Uint8Array;
}

export interface MachineOptions {
  /** A multiboot kernel (ELF); v86 loads it directly, no BIOS needed. */
  readonly multiboot?: Uint8Array;
  /** The one multiboot module (forces guest RAM >= 64 MiB). */
  readonly initrd?: Uint8Array;
  readonly cmdline?: string;
  /** Firmware for booting from `disk` (see bootDisk). */
  readonly firmware?: Firmware;
  /** Raw image attached as the primary IDE master; guest writes land in this array. */
  readonly disk?: Uint8Array;
  /** Guest RAM in MiB (default 32). */
  readonly memoryMiB?: number;
  /** Repeatable timers: time follows executed instructions (see clock.ts). */
  readonly virtualClock?: boolean | { readonly instructionsPerMs?: number };
  /** End the run once this many instructions have executed (checked every ~100k instructions). */
  readonly maxInstructions?: number;
  /** Local APIC and I/O APIC (v86 `acpi: true`). */
  readonly acpi?: boolean;
}

export type DebugEvent =
  | { readonly kind: "marker"; readonly id: number; readonly instructions: number }
  | { readonly kind: "value"; readonly value: number };

export type MachineEnd =
  | { readonly kind: "exit"; readonly code: number; readonly instructions: number }
  /** Halted with interrupts disabled: nothing can ever wake it. */
  | { readonly kind: "halted"; readonly instructions: number }
  | { readonly kind: "instruction-limit"; readonly instructions: number };

interface MachineEvents {
  serial: (text: string) => void;
  debug: (event: DebugEvent) => void;
  end: (end: MachineEnd) => void;
  frame: (frame: Uint8Array) => void;
}

type PendingSync =
  | { readonly kind: "marker"; readonly id: number }
  | { readonly kind: "exit"; readonly code: number };

/** v86 constructions run one at a time: each owns the process clock while devices initialize. */
let constructionQueue: Promise<unknown> = Promise.resolve();

export class Machine implements Timekeeper {
  private emulator: V86Emulator | null = null;
  private count: InstructionCount | null = null;
  private readonly clock: MachineClock;
  private readonly listeners: { [E in keyof MachineEvents]: Set<MachineEvents[E]> } = {
    serial: new Set(),
    debug: new Set(),
    end: new Set(),
    frame: new Set(),
  };
  private readonly pending: PendingSync[] = [];
  private readonly decoder = new TextDecoder();
  private ended: MachineEnd | null = null;
  private stopping: Promise<void> | null = null;
  private diskBuffer: ArrayBuffer | null = null;

  private constructor(private readonly options: MachineOptions) {
    const virtual = options.virtualClock;
    this.clock = virtual
      ? new VirtualClock(
          () => this.instructions(),
          typeof virtual === "object" ? virtual.instructionsPerMs : undefined,
        )
      : new RealClock(realNow);
  }

  /** Builds the PC, attaches the debug device and starts the CPU. */
  static async start(options: MachineOptions): Promise<Machine> {
    const machine = new Machine(options);
    const construction = constructionQueue.then(() => machine.construct());
    constructionQueue = construction.catch(() => undefined);
    await construction;
    return machine;
  }

  on<E extends keyof MachineEvents>(event: E, listener: MachineEvents[E]): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  /** Instructions executed since the CPU started (exact at debug events). */
  instructions(): number {
    return this.count?.sample() ?? 0;
  }

  /** Why the machine ended, or null while it runs. */
  get end(): MachineEnd | null {
    return this.ended;
  }

  /** A copy of guest physical memory. */
  readMemory(address: number, length: number): Uint8Array {
    return this.running().read_memory(address, length).slice();
  }

  /** Types `text` into COM1. */
  sendSerial(text: string): void {
    this.running().serial0_send(text);
  }

  /** Delivers an Ethernet frame to the NE2000 (dropped unless the card is started and accepts it). */
  sendFrame(frame: Uint8Array): void {
    this.running().bus.send("net0-receive", frame.slice());
  }

  /** Destroys the emulator; copies disk writes back. Safe to call more than once. */
  stop(): Promise<void> {
    this.stopping ??= this.destroy();
    return this.stopping;
  }

  /** The time source v86 calls; also the point where the counter is exact (see header). */
  now(): number {
    if (this.pending.length > 0) this.synchronize();
    else if (this.overBudget()) this.finish({ kind: "instruction-limit", instructions: this.instructions() });
    return this.clock.now();
  }

  private async construct(): Promise<void> {
    const { V86, wasmPath } = await loadV86();
    const leave = enterTimekeeper(this);
    try {
      const { settings, diskBuffer } = v86Settings(this.options, wasmPath);
      this.diskBuffer = diskBuffer;
      const emulator = new V86(settings);
      await new Promise<void>((resolve) => emulator.add_listener("emulator-loaded", () => resolve()));
      this.emulator = emulator;
    } finally {
      leave();
    }
    try {
      this.wire(this.emulator);
      await this.emulator.run();
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  private wire(emulator: V86Emulator): void {
    const core = emulator.v86;
    const cpu = core.cpu;
    this.checkClockHook(core);
    this.count = new InstructionCount(() => cpu.instruction_counter[0]);
    attachDebugDevice(cpu.io, {
      exit: (code) => this.requestSync({ kind: "exit", code }),
      marker: (id) => this.requestSync({ kind: "marker", id }),
      value: (value) => this.emit("debug", { kind: "value", value }),
    });
    emulator.add_listener("serial0-output-byte", (byte: number) => this.serialByte(byte));
    emulator.add_listener("net0-send", (frame: Uint8Array) => this.emit("frame", frame));
    const tick = core.do_tick.bind(core);
    const jit = this.options.virtualClock ? new DeterministicJit(cpu) : null;
    core.do_tick = () => {
      jit?.installPending();
      withTimekeeper(this, tick);
    };
    const hostYield = core.yield.bind(core);
    core.yield = (delayMs, ticket) => hostYield(this.afterTick(delayMs), ticket);
  }

  /** Refuses to run if v86 was loaded before our clock hook (see v86-module.ts). */
  private checkClockHook(core: V86Emulator["v86"]): void {
    const probe = { now: () => -1 };
    const microtick = (core.constructor as unknown as { microtick(): number }).microtick;
    if (withTimekeeper(probe, microtick) !== -1) {
      throw new Error(
        "v86 was imported before @sawmill/emulator installed its clock; import v86 only through us",
      );
    }
  }

  private requestSync(sync: PendingSync): void {
    this.pending.push(sync);
    this.running().v86.cpu.in_hlt[0] = 1;
  }

  /** Runs at v86's main-loop boundary right after a marker/exit `out`: the counter is exact. */
  private synchronize(): void {
    const instructions = this.instructions();
    for (const sync of this.pending.splice(0)) {
      if (sync.kind === "marker") this.emit("debug", { kind: "marker", id: sync.id, instructions });
      else this.finish({ kind: "exit", code: sync.code, instructions });
    }
    if (this.ended === null) this.running().v86.cpu.in_hlt[0] = 0;
  }

  private overBudget(): boolean {
    const limit = this.options.maxInstructions;
    return limit !== undefined && this.ended === null && this.count !== null && this.instructions() >= limit;
  }

  /** Freezes the CPU for good and reports why. */
  private finish(end: MachineEnd): void {
    if (this.ended !== null) return;
    this.ended = end;
    const core = this.running().v86;
    core.cpu.in_hlt[0] = 1;
    core.cpu.flags[0] &= ~FLAG_INTERRUPT;
    core.stop();
    this.emit("end", end);
  }

  /** Decides the host delay before the next tick; notices a CPU halted for good. */
  private afterTick(requestedMs: number): number {
    const cpu = this.emulator?.v86.cpu;
    if (cpu === undefined || cpu.in_hlt[0] === 0) return requestedMs;
    if (this.ended !== null) return requestedMs;
    if ((cpu.flags[0] & FLAG_INTERRUPT) === 0) {
      this.finish({ kind: "halted", instructions: this.instructions() });
      return requestedMs;
    }
    return this.clock.idle(requestedMs);
  }

  private serialByte(byte: number): void {
    const text = this.decoder.decode(Uint8Array.of(byte), { stream: true });
    if (text.length > 0) this.emit("serial", text);
  }

  private emit<E extends keyof MachineEvents>(event: E, ...args: Parameters<MachineEvents[E]>): void {
    for (const listener of this.listeners[event])
      (listener as (...a: Parameters<MachineEvents[E]>) => void)(...args);
  }

  private running(): V86Emulator {
    if (this.emulator === null) throw new Error("the machine is not running");
    return this.emulator;
  }

  private async destroy(): Promise<void> {
    const emulator = this.emulator;
    if (emulator === null) return;
    await emulator.destroy();
    this.emulator = null;
    const disk = this.options.disk;
    if (disk && this.diskBuffer && this.diskBuffer !== disk.buffer) disk.set(new Uint8Array(this.diskBuffer));
  }
}
