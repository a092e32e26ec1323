// Test harness: exposes the target-side readers to Node and to the bare machine (test/target-readers.test.ts).
export * from "../../assembly/boot-archive";
export * from "../../assembly/boot-manifest";
export * from "../../assembly/elf";
export { nameLength } from "../../assembly/fixed-name";

import {
  archiveEntryAddress,
  archiveFind,
  archiveEntryCount,
  archiveEntryName,
  archiveEntryOffset,
  archiveEntrySize,
  archiveFindBytes,
  archiveValid,
} from "../../assembly/boot-archive";
import {
  MANIFEST_ENTRY,
  componentGrant,
  componentGrantCount,
  componentIrq,
  componentIrqCount,
  componentMemoryPages,
  componentName,
  componentPortRange,
  componentPortRangeCount,
  componentPriority,
  componentStackPages,
  grantBadge,
  grantComponent,
  grantEndpoint,
  grantKind,
  grantRights,
  grantSlot,
  manifestComponent,
  manifestComponentCount,
  manifestValid,
  portRangeBase,
  portRangeCount,
} from "../../assembly/boot-manifest";
import {
  elfEntry,
  elfNextLoad,
  elfProgramHeader,
  elfValid,
  segmentFilesz,
  segmentFlags,
  segmentMemsz,
  segmentOffset,
  segmentVaddr,
} from "../../assembly/elf";
import { nameLength } from "../../assembly/fixed-name";


export function findManifest(archive: usize): i32 {
  return archiveFind(archive, MANIFEST_ENTRY);
}

export function findNonAscii(archive: usize): i32 {
  return archiveFind(archive, "café/ü");
}

/** Three- and four-byte UTF-8 sequences (katakana, an emoji outside the BMP: a surrogate pair). */
export function findWide(archive: usize): i32 {
  return archiveFind(archive, "ファイル🎉");
}

export function findMissing(archive: usize): i32 {
  return archiveFind(archive, "manifes");
}

@external("test", "emit")
declare function emit(value: u32): void;

/**
 * Walks a whole archive the way the root task will and emits every field read, so one list of
 * values can be compared between Node and the bare machine (test/target-readers.test.ts).
 */
export function walk(archive: usize, size: u32): void {
  emit(archiveValid(archive, size) ? 1 : 0);
  const count = archiveEntryCount(archive);
  emit(count);
  for (let i: u32 = 0; i < count; i++) {
    emit(archiveEntryOffset(archive, i));
    emit(archiveEntrySize(archive, i));
    emit(<u32>nameLength(archiveEntryName(archive, i)));
  }
  emit(findNonAscii(archive));
  const m = findManifest(archive);
  emit(m);
  walkManifest(archive, archiveEntryAddress(archive, m), archiveEntrySize(archive, m));
  const e = archiveFind(archive, "component");
  emit(e);
  walkElf(archiveEntryAddress(archive, e), archiveEntrySize(archive, e));
}

function walkManifest(archive: usize, manifest: usize, size: u32): void {
  emit(manifestValid(manifest, size) ? 1 : 0);
  const count = manifestComponentCount(manifest);
  emit(count);
  for (let i: u32 = 0; i < count; i++) {
    const c = manifestComponent(manifest, i);
    const name = componentName(c);
    emit(archiveFindBytes(archive, name, nameLength(name)));
    emit(componentPriority(c));
    emit(componentStackPages(c));
    emit(componentMemoryPages(c));
    for (let j: u32 = 0; j < componentGrantCount(c); j++) {
      const g = componentGrant(manifest, c, j);
      emit(grantSlot(g));
      emit(grantKind(g));
      emit(grantEndpoint(g));
      emit(grantComponent(g));
      emit(grantBadge(g));
      emit(grantRights(g));
    }
    for (let j: u32 = 0; j < componentIrqCount(c); j++) emit(componentIrq(manifest, c, j));
    for (let j: u32 = 0; j < componentPortRangeCount(c); j++) {
      const range = componentPortRange(manifest, c, j);
      emit(portRangeBase(range));
      emit(portRangeCount(range));
    }
  }
}

function walkElf(elf: usize, size: u32): void {
  emit(elfValid(elf, size) ? 1 : 0);
  emit(elfEntry(elf));
  for (let i = elfNextLoad(elf, 0); i >= 0; i = elfNextLoad(elf, i + 1)) {
    const header = elfProgramHeader(elf, <u32>i);
    emit(segmentVaddr(header));
    emit(segmentFilesz(header));
    emit(segmentMemsz(header));
    emit(segmentFlags(header));
    emit(segmentFilesz(header) >= 4 ? load<u32>(elf + segmentOffset(header)) : 0);
  }
}
