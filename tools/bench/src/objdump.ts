/**
 * GNU objdump on raw i386 machine code: the benchmark's independent view of the code it measures.
 *
 * Layer: benchmark tooling, host side. Interface: `objdumpListing(bytes, address)` → objdump's
 * instruction lines (Intel syntax), or throws if binutils is missing.
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function objdumpListing(bytes: Uint8Array, address = 0): string[] {
  const dir = mkdtempSync(join(tmpdir(), "sawmill-objdump-"));
  try {
    const file = join(dir, "code.bin");
    writeFileSync(file, bytes);
    const output = execFileSync(
      "objdump",
      ["-D", "-b", "binary", "-m", "i386", "-M", "intel", `--adjust-vma=0x${address.toString(16)}`, file],
      { encoding: "utf8" },
    );
    return output.split("\n").filter((line) => /^\s+[0-9a-f]+:\t/.test(line));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
