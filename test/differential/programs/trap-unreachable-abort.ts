// unreachable, and abort through assert and throw (AssemblyScript's env.abort import).
export function maybeUnreachable(x: i32): i32 { if (x == 7) unreachable(); return x * 2; }
export function checked(x: i32): i32 { assert(x != 3, "x must not be 3"); return x + 1; }
export function thrower(x: i32): i32 { if (x < -100) throw new Error("too small"); return x; }
export function afterTraps(x: i32): i32 { return x + 1000; }
// @call maybeUnreachable(7)
// @call afterTraps(1)
// @call checked(3)
// @call afterTraps(2)
// @call thrower(-101)
// @call thrower(-100)
// @call maybeUnreachable(6)
