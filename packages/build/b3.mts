import { buildImage, formatInspection } from "@sawmill/build";
import { bootMultiboot } from "@sawmill/emulator";

const r = await buildImage(process.argv[2]!, {
  outDir: "/tmp/out-" + process.argv[3],
  onProgress: (e) => console.log(e.step, e.cached ?? "", e.message),
});
console.log(formatInspection(r.manifest), r.cache);
const b = await bootMultiboot(new Uint8Array((await import("node:fs")).readFileSync(r.files.elf)), {
  memoryMiB: 32,
  virtualClock: true,
  maxInstructions: 20_000_000,
  timeoutMs: 60_000,
});
console.log(JSON.stringify(b.serial), b.reason, b.instructions);
