import type { Lowering } from "../codegen/function-compiler.js";
export const floatLowerings: Record<string, Lowering> = {};
