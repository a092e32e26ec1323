// One component serves all three of the kernel's own protocols with generated dispatch
// (test/kernel-protocols-boot.test.ts stages ./pager, ./exception-handler, ./interrupt-handler
// from @sawmill/kernel's idl/, separate placement: the kernel is the client).
// Layer: test fixture, user level (AssemblyScript, ring 3), started by root from a manifest that
// grants endpoints P (slot 1), E (2), I (3), R (4) and IRQ line 0 (slot 32).
// Threads (RootTask.threadCreate, argument = role):
//   pager      servePager on P: the worker's faults. The page of PROBE is its own: refused
//              (NO_MAPPING) until the exception handler allows it, then a stamped page of its
//              wasm memory is mapped there; every other fault is passed to root through the
//              generated RootTask client, so the worker may touch new code or stack pages.
//   interrupts attaches line 0 (the PIT) to I and runs serveInterruptHandler: counts and acks
//              INTERRUPTS ticks, detaches, then waits on R for the worker's report and ends the run.
//   worker     waits until main made P its pager and E its exception handler, then reads PROBE:
//              the first fault becomes an exception, the handler's reply retries the read, the
//              second fault is mapped; it writes a page of wasm memory nobody touched yet (a
//              fault P passes to root) and sends the word it read at PROBE on R.
//   main       makes the threads, sets the worker's pager and handler, runs serveExceptionHandler on E.
// Invariant: every check that fails prints "FAIL …"; the run ends with debugExit(EXIT_CODE) only
// after the worker's report arrived.
import { ADDRESS_USER_MEMORY } from "@sawmill/kernel/assembly/generated/layout";
import { irqAck, irqAttach } from "@sawmill/kernel/assembly/user/devices";
import { getMR, makeTag, recv, send, setMR } from "@sawmill/kernel/assembly/user/ipc";
import { fpage, mapItem, PAGE_BITS, RIGHTS_RO, RIGHTS_RW } from "@sawmill/kernel/assembly/user/memory";
import { threadEntry, threadSetExceptionHandler, threadSetPager } from "@sawmill/kernel/assembly/user/objects";
import { debugCheck, debugExit, debugPrint, debugPrintDecimal, yieldSlice } from "@sawmill/kernel/assembly/user/sys";
import { ROOT_TASK_SLOT } from "@sawmill/root/assembly/component-slots";
import { printHex } from "@sawmill/root/assembly/console";
import { RootTaskClient } from "@sawmill/root/assembly/generated/root-task";
import { ExceptionHandlerServer, serveExceptionHandler } from "./exception-handler";
import { InterruptHandlerServer, serveInterruptHandler } from "./interrupt-handler";
import { PAGER_NO_MAPPING, PagerServer, servePager } from "./pager";

const PAGER_ENDPOINT: u32 = 1;
const EXCEPTION_ENDPOINT: u32 = 2;
const INTERRUPT_ENDPOINT: u32 = 3;
const REPORT_ENDPOINT: u32 = 4;
const PIT_LINE: u32 = 0;
const PIT_IRQ_SLOT: u32 = 32 + PIT_LINE; // root puts line n's capability in slot 32 + n
const PRIORITY: u32 = 100; // the manifest's

const ROLE_PAGER: u32 = 1;
const ROLE_INTERRUPTS: u32 = 2;
const ROLE_WORKER: u32 = 3;

/** Far beyond the manifest's memoryPages: root maps nothing here, only this component's pager. */
const PROBE: u32 = 0x60000000;
const STAMP: u32 = 0x5a3c0ffe;
const PAGE_FAULT_VECTOR: u32 = 14;
const INTERRUPTS: u32 = 5;
const EXIT_CODE: u32 = 0x4b;

/** The page the pager maps onto PROBE (a wasm address; ADDRESS_USER_MEMORY + it in the address space). */
const stampPage = memory.data(4096, 4096);
/** A page only the worker touches, after its pager is P: P gets the fault and passes it to root. */
const freshPage = memory.data(4096, 4096);

// Shared between the threads (wasm globals live in the image's data: one copy per task).
let handlersSet = false; // main → worker: P and E are the worker's pager and exception handler
let probeAllowed = false; // exception handler → pager: map PROBE from now on

/** The kernel's Pager protocol: PROBE's page is ours, the rest is root's. */
class ProbePager extends PagerServer {
  refused: u32 = 0;
  refusedEip: u32 = 0;
  forwarded: u32 = 0;
  private root: RootTaskClient = new RootTaskClient(ROOT_TASK_SLOT);

  constructor() {
    super();
    debugCheck(this.root.bind() == 0, "pager: bind RootTask");
  }

  pageFault(address: u32, eip: u32, access: u32): u32 {
    const page = address & ~((1 << PAGE_BITS) - 1);
    if (page != PROBE) return this.fromRoot(page, address, eip, access);
    if (!probeAllowed) {
      this.refused++;
      this.refusedEip = eip;
      printFault(address, eip, "refused");
      return PAGER_NO_MAPPING;
    }
    // The handler's reply resumed the worker at the instruction that faulted: it faults again.
    debugCheck(eip == this.refusedEip, "pager: the retried fault is not at the refused eip");
    store<u32>(stampPage, STAMP);
    printFault(address, eip, "mapped");
    return this.send(ADDRESS_USER_MEMORY + stampPage, RIGHTS_RO);
  }

  /** Root maps the page into this task where it faulted; the reply maps it there again, for the faulting thread. */
  private fromRoot(page: u32, address: u32, eip: u32, access: u32): u32 {
    this.forwarded++;
    const status = this.root.pageFault(address, eip, access, fpage(page, PAGE_BITS, RIGHTS_RW));
    if (!debugCheck(status == 0, "pager: root refused a forwarded fault")) return PAGER_NO_MAPPING;
    return this.send(page, RIGHTS_RW); // the kernel keeps a read-only page read-only
  }

  private send(base: u32, rights: u32): u32 {
    this.item = mapItem(base);
    this.result = fpage(base, PAGE_BITS, rights);
    return 0;
  }
}

function printFault(address: u32, eip: u32, outcome: string): void {
  debugPrint("[kp] pager: fault at ");
  printHex(address);
  debugPrint(" eip ");
  printHex(eip);
  debugPrint(" ");
  debugPrint(outcome);
  debugPrint("\n");
}

/** The kernel's ExceptionHandler protocol: expects exactly the refused fault at PROBE. */
class ProbeExceptionHandler extends ExceptionHandlerServer {
  exception(vector: u32, eip: u32, errorCode: u32, address: u32): u32 {
    debugPrint("[kp] exception: vector ");
    debugPrintDecimal(vector);
    debugPrint(" at eip ");
    printHex(eip);
    debugPrint(", error code ");
    printHex(errorCode);
    debugPrint(", address ");
    printHex(address);
    debugPrint("\n");
    debugCheck(vector == PAGE_FAULT_VECTOR && address == PROBE, "exception: not the page fault at the probe");
    debugCheck(pager.refused == 1, "exception: the pager did not refuse exactly once");
    debugCheck(eip == pager.refusedEip, "exception: not at the eip of the refused fault");
    probeAllowed = true;
    return 0; // the generated reply has one word: the worker retries the read
  }
}

/** The kernel's InterruptHandler protocol: INTERRUPTS ticks of line 0, then the end of the run. */
class TickCounter extends InterruptHandlerServer {
  ticks: u32 = 0;

  interrupt(line: u32): u32 {
    debugCheck(line == PIT_LINE, "interrupt: not line 0");
    debugCheck(irqAck(PIT_IRQ_SLOT, line) == 0, "interrupt: irq_ack");
    if (++this.ticks == INTERRUPTS) finish(this.ticks);
    return 0;
  }
}

const pager = new ProbePager();
const exceptionHandler = new ProbeExceptionHandler();
const tickCounter = new TickCounter();

/** Detaches line 0, waits for the worker's report, ends the run. */
function finish(ticks: u32): void {
  debugCheck(irqAttach(PIT_IRQ_SLOT, PIT_LINE, 0) == 0, "interrupt: detach line 0");
  debugPrint("[kp] interrupts handled on line 0: ");
  debugPrintDecimal(ticks);
  debugPrint("\n");
  debugCheck(recv(REPORT_ENDPOINT, 0) == 0, "recv the worker's report");
  debugCheck(getMR(0) == STAMP, "the worker's report is not the stamp");
  debugPrint("[kp] pager: faults passed to root: ");
  debugPrintDecimal(pager.forwarded);
  debugPrint("\n[kp] done\n");
  debugExit(EXIT_CODE);
}

function work(): void {
  setMR(0, 0); // the UTCB page, while root is still this thread's pager
  while (!handlersSet) yieldSlice();
  const seen = load<u32>(PROBE - ADDRESS_USER_MEMORY);
  debugPrint("[kp] worker: read ");
  printHex(seen);
  debugPrint(" at ");
  printHex(PROBE);
  debugPrint(" after the resume\n");
  debugCheck(seen == STAMP, "worker: the probe page is not the pager's stamped page");
  store<u32>(freshPage, ~STAMP);
  debugCheck(load<u32>(freshPage) == ~STAMP, "worker: the fresh page does not keep what was written");
  setMR(0, seen);
  debugCheck(send(REPORT_ENDPOINT, makeTag(0, 1, 0), 0) == 0, "worker: report");
}

export function thread(role: u32, b: u32, c: u32, d: u32): u32 {
  if (role == ROLE_PAGER) servePager(PAGER_ENDPOINT, pager);
  else if (role == ROLE_INTERRUPTS) {
    debugCheck(irqAttach(PIT_IRQ_SLOT, PIT_LINE, INTERRUPT_ENDPOINT) == 0, "irq_attach line 0");
    serveInterruptHandler(INTERRUPT_ENDPOINT, tickCounter);
  } else if (role == ROLE_WORKER) work();
  debugPrint("FAIL thread ");
  debugPrintDecimal(role);
  debugPrint(" returned\n");
  return 1; // ends the task
}

/** A thread of this component running thread(role); its THREAD capability's slot. */
function start(root: RootTaskClient, role: u32): u32 {
  const status = root.threadCreate(threadEntry(), 0, PRIORITY, role);
  debugCheck(status == 0, "threadCreate");
  return root.result;
}

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  const root = new RootTaskClient(ROOT_TASK_SLOT);
  debugCheck(root.bind() == 0, "bind RootTask");
  start(root, ROLE_PAGER);
  start(root, ROLE_INTERRUPTS);
  const worker = start(root, ROLE_WORKER);
  debugCheck(threadSetPager(worker, PAGER_ENDPOINT) == 0, "SET_PAGER");
  debugCheck(threadSetExceptionHandler(worker, EXCEPTION_ENDPOINT) == 0, "SET_EXCEPTION_HANDLER");
  handlersSet = true;
  debugPrint("[kp] serving the pager, exception and interrupt protocols\n");
  return serveExceptionHandler(EXCEPTION_ENDPOINT, exceptionHandler);
}
