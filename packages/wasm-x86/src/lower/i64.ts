import type { Lowering } from "../codegen/function-compiler.js";
export const i64Lowerings: Record<string, Lowering> = {};
