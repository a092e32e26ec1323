// The mapping database: who mapped which page to whom, so that unmap can revoke recursively.
// Layer: kernel memory (AssemblyScript).
//
// Every user mapping made through the kernel's map/grant operations is a node (struct MapNode):
// the task and virtual page it lives at, the frame, the node it was derived from (PARENT) and
// the nodes derived from it (CHILD, a doubly linked sibling list through NEXT/PREV). A page the
// kernel mapped by itself (the root task's window on physical memory, its image and stack)
// has no node until it is first mapped on: then it becomes a root (PARENT 0). So the tree of a
// frame is rooted at the root task's window page, as in L4's sigma0 model, and costs nothing
// for pages never passed on.
//
// Finding the node of (task, page) is two loads: TASK_MAP_NODES is an index frame with one
// word per 4 MiB region (like a page directory) pointing at a frame of 1024 node pointers, one
// per page (like a page table). Index frames are allocated on first use and never shrink.
// Nodes are 28 bytes, carved from kernel frames (146 a frame) and recycled on a free list.
//
// Interface: nodeAt(task, page); sourceNode(task, page) (makes a root for a kernel-installed
// page); mapDerived(parent, task, page, writable); grantNode(node, task, page, writable);
// removeTree(node) / removeDerived(node); isSelfOrAncestor(candidate, node);
// removeTaskMappings(task) when a task dies (what others derived from its pages goes too).
// Invariants: a node exists iff its page is mapped (present PTE) in its task at the node's
// frame; a derived node is never writable when its parent is not; removing a node removes its
// whole subtree first (no orphans). TLB entries are flushed by paging.ts (invlpg when the
// directory is current; a CR3 switch flushes the others).

import { allocFrame, PAGE_SIZE } from "./frames";
import {
  ADDRESS_USER_BASE,
  MAPNODE_CHILD,
  MAPNODE_FRAME,
  MAPNODE_NEXT,
  MAPNODE_PAGE,
  MAPNODE_PARENT,
  MAPNODE_PREV,
  MAPNODE_SIZE,
  MAPNODE_TASK,
  TASK_MAP_NODES,
} from "./generated/layout";
import { frameOf, lookupPage, mapPage, PTE_PRESENT, PTE_WRITABLE, restrictPage, unmapPage } from "./paging";
import { directoryOf } from "./task";

const NODES_PER_FRAME: u32 = PAGE_SIZE / MAPNODE_SIZE;
let freeNodes: u32 = 0;

/** The node of the mapping at (task, page), or 0. */
export function nodeAt(task: u32, page: u32): u32 {
  const index = load<u32>(task + TASK_MAP_NODES);
  if (index == 0) return 0;
  const leaf = load<u32>(index + (page >> 22) * 4);
  if (leaf == 0) return 0;
  return load<u32>(leaf + ((page >> 12) & 0x3ff) * 4);
}

/**
 * The node to derive from for (task, page): its node, or a new root if the kernel mapped it;
 * 0 if nothing is mapped there or the kernel is out of memory (isMapped tells which).
 */
export function sourceNode(task: u32, page: u32): u32 {
  const node = nodeAt(task, page);
  if (node != 0) return node;
  const entry = lookupPage(directoryOf(task), page);
  if ((entry & PTE_PRESENT) == 0) return 0;
  return newNode(task, page, frameOf(entry));
}

/** Whether (task, page) is mapped at all. */
export function isMapped(task: u32, page: u32): bool {
  return (lookupPage(directoryOf(task), page) & PTE_PRESENT) != 0;
}

/** Whether the mapping at (task, page) may be written. */
export function isWritable(task: u32, page: u32): bool {
  return (lookupPage(directoryOf(task), page) & PTE_WRITABLE) != 0;
}

/** True if `candidate` is `node` or one it was derived from (mapping over it would cut the branch). */
export function isSelfOrAncestor(candidate: u32, node: u32): bool {
  for (let n = node; n != 0; n = load<u32>(n + MAPNODE_PARENT)) if (n == candidate) return true;
  return false;
}

/**
 * Maps parent's frame at (task, page), replacing what was there, as a child of `parent` (the
 * caller makes sure that is not `parent` or one it derives from). False when out of kernel memory.
 */
export function mapDerived(parent: u32, task: u32, page: u32, writable: bool): bool {
  if (!clearDestination(task, page)) return false;
  const frame = load<u32>(parent + MAPNODE_FRAME);
  const child = newNode(task, page, frame);
  if (child == 0 || !mapPage(directoryOf(task), page, frame, writable)) {
    if (child != 0) releaseNode(child);
    return false;
  }
  link(parent, child);
  return true;
}

/**
 * Moves `node` (and the mappings derived from it) to (task, page): the granter loses the page.
 * With `writable` false the node and everything derived from it become read-only.
 */
export function grantNode(node: u32, task: u32, page: u32, writable: bool): bool {
  if (!clearDestination(task, page)) return false;
  if (!mapPage(directoryOf(task), page, load<u32>(node + MAPNODE_FRAME), writable)) return false;
  const fromTask = load<u32>(node + MAPNODE_TASK);
  const fromPage = load<u32>(node + MAPNODE_PAGE);
  unmapPage(directoryOf(fromTask), fromPage);
  setSlot(fromTask, fromPage, 0);
  store<u32>(node + MAPNODE_TASK, task);
  store<u32>(node + MAPNODE_PAGE, page);
  setSlot(task, page, node);
  if (!writable) restrictTree(node);
  return true;
}

/** Removes the mappings derived from `node`, in every address space, recursively. */
export function removeDerived(node: u32): void {
  for (let child = load<u32>(node + MAPNODE_CHILD); child != 0; child = load<u32>(node + MAPNODE_CHILD)) {
    removeTree(child);
  }
}

/** Removes `node`'s mapping and every mapping derived from it (post-order, no recursion). */
export function removeTree(root: u32): void {
  let node = root;
  while (true) {
    for (let child = load<u32>(node + MAPNODE_CHILD); child != 0; child = load<u32>(node + MAPNODE_CHILD)) {
      node = child;
    }
    const parent = load<u32>(node + MAPNODE_PARENT);
    removeLeaf(node);
    if (node == root) return;
    node = parent;
  }
}

/** Removes every mapping of `task` made through the database, and all derived from them. */
export function removeTaskMappings(task: u32): void {
  const index = load<u32>(task + TASK_MAP_NODES);
  if (index == 0) return;
  for (let region: u32 = ADDRESS_USER_BASE >> 22; region < 1024; region++) {
    const leaf = load<u32>(index + region * 4);
    if (leaf == 0) continue;
    for (let i: u32 = 0; i < 1024; i++) {
      const node = load<u32>(leaf + i * 4);
      if (node != 0) removeTree(node);
    }
  }
}

/** Makes every mapping derived from `root` read-only (a grant that dropped the write right). */
function restrictTree(root: u32): void {
  let node = root;
  while (true) {
    restrictPage(directoryOf(load<u32>(node + MAPNODE_TASK)), load<u32>(node + MAPNODE_PAGE));
    const child = load<u32>(node + MAPNODE_CHILD);
    if (child != 0) {
      node = child;
      continue;
    }
    while (node != root && load<u32>(node + MAPNODE_NEXT) == 0) node = load<u32>(node + MAPNODE_PARENT);
    if (node == root) return;
    node = load<u32>(node + MAPNODE_NEXT);
  }
}

/** Makes room at (task, page): index frames exist, a mapping there is gone (with its subtree). */
function clearDestination(task: u32, page: u32): bool {
  if (!reserveSlot(task, page)) return false;
  const old = nodeAt(task, page);
  if (old != 0) removeTree(old);
  return true;
}

function removeLeaf(node: u32): void {
  const task = load<u32>(node + MAPNODE_TASK);
  const page = load<u32>(node + MAPNODE_PAGE);
  unmapPage(directoryOf(task), page);
  setSlot(task, page, 0);
  unlink(node);
  releaseNode(node);
}

function link(parent: u32, child: u32): void {
  const first = load<u32>(parent + MAPNODE_CHILD);
  store<u32>(child + MAPNODE_PARENT, parent);
  store<u32>(child + MAPNODE_NEXT, first);
  if (first != 0) store<u32>(first + MAPNODE_PREV, child);
  store<u32>(parent + MAPNODE_CHILD, child);
}

function unlink(node: u32): void {
  const parent = load<u32>(node + MAPNODE_PARENT);
  const next = load<u32>(node + MAPNODE_NEXT);
  const prev = load<u32>(node + MAPNODE_PREV);
  if (prev != 0) store<u32>(prev + MAPNODE_NEXT, next);
  else if (parent != 0) store<u32>(parent + MAPNODE_CHILD, next);
  if (next != 0) store<u32>(next + MAPNODE_PREV, prev);
}

/** A node for (task, page) → frame, entered in the task's index (slot reserved by the caller). */
function newNode(task: u32, page: u32, frame: u32): u32 {
  if (!reserveSlot(task, page)) return 0;
  if (freeNodes == 0 && !carveNodes()) return 0;
  const node = freeNodes;
  freeNodes = load<u32>(node + MAPNODE_NEXT);
  memory.fill(node, 0, MAPNODE_SIZE);
  store<u32>(node + MAPNODE_TASK, task);
  store<u32>(node + MAPNODE_PAGE, page);
  store<u32>(node + MAPNODE_FRAME, frame);
  setSlot(task, page, node);
  return node;
}

function releaseNode(node: u32): void {
  const task = load<u32>(node + MAPNODE_TASK);
  const page = load<u32>(node + MAPNODE_PAGE);
  if (nodeAt(task, page) == node) setSlot(task, page, 0);
  store<u32>(node + MAPNODE_NEXT, freeNodes);
  freeNodes = node;
}

function carveNodes(): bool {
  const frame = allocFrame();
  if (frame == 0) return false;
  for (let i: u32 = 0; i < NODES_PER_FRAME; i++) {
    const node = frame + i * MAPNODE_SIZE;
    store<u32>(node + MAPNODE_NEXT, freeNodes);
    freeNodes = node;
  }
  return true;
}

/** Makes sure the index frames for (task, page) exist; false when out of kernel memory. */
function reserveSlot(task: u32, page: u32): bool {
  let index = load<u32>(task + TASK_MAP_NODES);
  if (index == 0) {
    index = allocFrame();
    if (index == 0) return false;
    store<u32>(task + TASK_MAP_NODES, index);
  }
  const entry = index + (page >> 22) * 4;
  if (load<u32>(entry) == 0) {
    const leaf = allocFrame();
    if (leaf == 0) return false;
    store<u32>(entry, leaf);
  }
  return true;
}

function setSlot(task: u32, page: u32, node: u32): void {
  const leaf = load<u32>(load<u32>(task + TASK_MAP_NODES) + (page >> 22) * 4);
  store<u32>(leaf + ((page >> 12) & 0x3ff) * 4, node);
}
