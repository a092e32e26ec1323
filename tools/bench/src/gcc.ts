/**
 * Compiles one C file with the host gcc into an ELF32 i386 relocatable object.
 *
 * Layer: benchmark tooling, host side. Interface: `compileC(path)` → object bytes; `GCC_FLAGS`
 * is the exact command line the benchmark reports.
 *
 * The flags are the (`-O2 -m32 -ffreestanding`) plus what a bare-metal build needs:
 * no PIC (we link at fixed addresses), no stack protector (no canary runtime), and
 * `-fno-tree-loop-distribute-patterns`, without which gcc turns the byte-copy loop into a call to
 * memcpy (even with -ffreestanding) — that would measure a library routine, not the loop.
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

export const GCC_FLAGS: readonly string[] = [
  "-O2",
  "-m32",
  "-ffreestanding",
  "-fno-pic",
  "-fno-stack-protector",
  "-fno-tree-loop-distribute-patterns",
];

/** Runs `gcc <GCC_FLAGS> -c path` and returns the object file's bytes; throws with gcc's messages. */
export function compileC(path: string, extraFlags: readonly string[] = []): Uint8Array {
  const directory = mkdtempSync(join(tmpdir(), "sawmill-gcc-"));
  try {
    const output = join(directory, `${basename(path, ".c")}.o`);
    try {
      execFileSync("gcc", [...GCC_FLAGS, ...extraFlags, "-Wall", "-Werror", "-c", path, "-o", output], {
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
      throw new Error(`gcc failed on ${path}:\n${stderr}`);
    }
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
