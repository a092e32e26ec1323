// Physical frame allocator for kernel objects. Layer: kernel memory (AssemblyScript).
//
// Interface: framesInit(start, end) once; allocFrame() → a zeroed 4 KiB frame (physical
// address = kernel address) or 0 when the pool is exhausted; freeFrame(frame).
// Invariant: the pool [start, end) is the kernel's alone — never mapped to user level. Free
// frames are kept on a list threaded through their first word.

export const PAGE_SIZE: u32 = 4096;

let next: u32 = 0;
let end: u32 = 0;
let freeList: u32 = 0;
let used: u32 = 0;

export function framesInit(poolStart: u32, poolEnd: u32): void {
  next = poolStart;
  end = poolEnd;
}

export function allocFrame(): u32 {
  let frame = freeList;
  if (frame != 0) {
    freeList = load<u32>(frame);
  } else {
    if (next >= end) return 0;
    frame = next;
    next += PAGE_SIZE;
  }
  memory.fill(frame, 0, PAGE_SIZE);
  used++;
  return frame;
}

export function freeFrame(frame: u32): void {
  store<u32>(frame, freeList);
  freeList = frame;
  used--;
}

export function framesInUse(): u32 {
  return used;
}
