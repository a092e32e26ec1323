// Kernel "list": walks a singly linked list of 1024 nodes whose links were shuffled in setup,
// summing the payloads (a run-queue or free-list walk: one dependent load per step).
import { fnv1a } from "./common";

@unmanaged
class Node {
  next: Node | null;
  value: i32;
}

const COUNT: u32 = 1024;
const NODE_SIZE: usize = 8;
const nodes = memory.data(<i32>(COUNT * <u32>NODE_SIZE), 16);
const order = memory.data(<i32>(COUNT * 4), 16);
let head: Node | null = null;

function nodeAt(index: u32): Node {
  return changetype<Node>(nodes + <usize>index * NODE_SIZE);
}

export function setup(): void {
  let state: u32 = 6;
  for (let i: u32 = 0; i < COUNT; i++) {
    store<u32>(order + ((<usize>i) << 2), i);
  }
  // Fisher–Yates shuffle of the visiting order.
  for (let i = COUNT - 1; i > 0; i--) {
    state = state * 1664525 + 1013904223;
    const j = (state >> 8) % (i + 1);
    const t = load<u32>(order + ((<usize>i) << 2));
    store<u32>(order + ((<usize>i) << 2), load<u32>(order + ((<usize>j) << 2)));
    store<u32>(order + ((<usize>j) << 2), t);
  }
  let previous: Node | null = null;
  for (let i: u32 = 0; i < COUNT; i++) {
    state = state * 1664525 + 1013904223;
    const node = nodeAt(load<u32>(order + ((<usize>i) << 2)));
    node.value = <i32>(state >> 16);
    node.next = null;
    if (previous) previous.next = node;
    else head = node;
    previous = node;
  }
}

export function run(): i32 {
  let sum = 0;
  let count = 0;
  let node = head;
  while (node) {
    sum += node.value;
    count++;
    node = node.next;
  }
  return sum ^ (count << 20);
}

export function digest(): i32 {
  // Links are addresses and differ between the two images: hash payloads and visiting order.
  let hash: i32 = fnv1a(order, <usize>COUNT * 4);
  for (let i: u32 = 0; i < COUNT; i++) hash = hash * 31 + nodeAt(i).value;
  return hash;
}
