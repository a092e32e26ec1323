// Synchronization for the threads of one task, target side: counting semaphore, mutex and
// condition variable that block in the kernel (IPC on an endpoint) instead of spinning.
// Interface: `new Semaphore(endpoint, initial)` acquire/release; `new Mutex(endpoint)`
// lock/unlock; `new Condition(endpoint)` wait(mutex)/signal()/broadcast(). `endpoint` is the
// capability slot of an endpoint (SEND and RECEIVE) the caller created for this object alone.
// Invariants (the semaphore, on which the others rest): `count` is changed only by the atomic
// `fetchAdd`; count < 0 means −count threads have committed to wait. A thread that takes the
// count below zero waits in `recv` on the endpoint; a thread that raises it from below zero
// owes exactly one of them a wake-up and delivers it with a blocking `send` — rendezvous, so
// a wake-up is never lost, even when the waiter has not reached its `recv` yet (the send waits
// for it). The uncontended path costs one locked add and no system call.

import { recv, send } from "@sawmill/kernel/assembly/user/ipc";

/** Adds `delta` to the word at `address` atomically; returns its old value. */
@external("sync", "fetch_add") export declare function fetchAdd(address: usize, delta: i32): i32;

const FOREVER: u32 = 0;
const WAKE_TAG: u32 = 0; // label 0, no words: the message is the wake-up itself

export class Semaphore {
  count: i32;
  private endpoint: u32;

  constructor(endpoint: u32, initial: i32) {
    this.endpoint = endpoint;
    this.count = initial;
  }

  acquire(): void {
    if (fetchAdd(changetype<usize>(this) + offsetof<Semaphore>("count"), -1) > 0) return;
    recv(this.endpoint, FOREVER);
  }

  release(): void {
    if (fetchAdd(changetype<usize>(this) + offsetof<Semaphore>("count"), 1) >= 0) return;
    send(this.endpoint, WAKE_TAG, FOREVER);
  }
}

/** A semaphore of one; not recursive, and only the holder may unlock. */
export class Mutex {
  private gate: Semaphore;

  constructor(endpoint: u32) {
    this.gate = new Semaphore(endpoint, 1);
  }

  lock(): void {
    this.gate.acquire();
  }

  unlock(): void {
    this.gate.release();
  }
}

/**
 * Mesa-style condition: a woken waiter re-takes the mutex and must re-check its predicate.
 * `waiters` is guarded by the mutex the callers hold; signal with the mutex held.
 */
export class Condition {
  private waiters: u32 = 0;
  private endpoint: u32;

  constructor(endpoint: u32) {
    this.endpoint = endpoint;
  }

  wait(mutex: Mutex): void {
    this.waiters++;
    mutex.unlock();
    recv(this.endpoint, FOREVER);
    mutex.lock();
  }

  signal(): void {
    if (this.waiters == 0) return;
    this.waiters--;
    send(this.endpoint, WAKE_TAG, FOREVER);
  }

  broadcast(): void {
    while (this.waiters > 0) this.signal();
  }
}
