// Extends an interface imported from another file by a relative specifier.
import type { u32 } from "@sawmill/idl/types";
import type { Counter } from "./counter.idl.ts";

/** A counter that can also be reset and read in units. */
export interface Meter extends Counter {
  /**
   * @error EMPTY nothing counted yet
   * @error FULL the units overflow
   */
  units(divisor: u32): u32;
  reset(): void;
}
