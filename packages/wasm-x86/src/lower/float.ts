/**
 * The f32/f64 instruction family: every float opcode's lowering, gathered for `index.ts`.
 *
 * Layer: lowering dispatch for floats. Loads, stores, locals, globals, select, calls and
 * block results of floats are handled by their own families (they move xmm values through
 * `float-values.ts`); this table holds the float-specific operations.
 */

import type { Lowering } from "../codegen/function-compiler.js";
import { floatArithmeticLowerings } from "./float-arith.js";
import { floatCompareLowerings } from "./float-compare.js";
import { floatConversionLowerings } from "./float-convert.js";
import { floatRoundingLowerings } from "./float-rounding.js";

export const floatLowerings: Record<string, Lowering> = {
  ...floatArithmeticLowerings,
  ...floatRoundingLowerings,
  ...floatCompareLowerings,
  ...floatConversionLowerings,
};
