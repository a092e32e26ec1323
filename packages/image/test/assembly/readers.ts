// Test harness: exposes the target-side readers to Node (test/target-readers.test.ts).
export * from "../../assembly/boot-archive";
export * from "../../assembly/boot-manifest";
export * from "../../assembly/elf";
export { nameLength } from "../../assembly/fixed-name";

import { archiveFind } from "../../assembly/boot-archive";

export function findManifest(archive: usize): i32 {
  return archiveFind(archive, "manifest");
}

export function findNonAscii(archive: usize): i32 {
  return archiveFind(archive, "café/ü");
}

export function findMissing(archive: usize): i32 {
  return archiveFind(archive, "manifes");
}
