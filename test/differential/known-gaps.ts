/**
 * Programs the backend cannot yet run identically, each with the backend feature it lacks.
 * Their tests are `it.fails`: remove an entry as soon as its test starts passing.
 */

const FLOATS = "f32/f64 instructions (f64.const, arithmetic, compare, min/max, rounding)";

export const KNOWN_GAPS: Readonly<Record<string, string>> = {
  "algorithm-strings": "register allocation: 'nothing left to spill'",
  "int32-mul-high": "register allocation: 'nothing left to spill' (i64 multiply of extended i32s)",
  "call-indirect-traps": FLOATS,
  "call-many-args": FLOATS,
  "control-recursion": FLOATS,
  "convert-int-to-f32": "f32.convert_i64_u",
  "convert-int-to-f64": "f64.convert_i64_u",
  "convert-promote-demote": FLOATS,
  "convert-trunc-f32-i32": "i32.trunc_f32_u",
  "convert-trunc-f64-i32": "i32.trunc_f64_u",
  "convert-trunc-sat": "i64.trunc_sat_f64_u",
  "convert-trunc-to-i64": "i64.trunc_f64_u",
  "float-accumulate": FLOATS,
  "float-mixed": "f64.promote_f32",
  "float-reinterpret": "f64.reinterpret_i64",
  "float-sign-ops": "f64.neg",
  "float32-arith": FLOATS,
  "float32-compare": "f32.ne",
  "float32-minmax": "f32.min",
  "float32-rounding": FLOATS,
  "float64-arith": FLOATS,
  "float64-compare": "f64.lt",
  "float64-minmax": "f64.max",
  "float64-rounding": FLOATS,
};
