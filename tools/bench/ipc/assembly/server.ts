// The register-only server component: its endpoint in slot 1.
import { serve } from "./bench";

const SERVICE: u32 = 1;

export function main(a: u32, b: u32, c: u32, d: u32): u32 {
  serve(SERVICE);
  return 0;
}
