/**
 * The asc command line every SawMill target component is built with.
 *
 * `-O3` because the backend is tuned for optimized input; `--runtime stub` because target code
 * has no garbage collector (a bump allocator that never frees); everything else is asc's default,
 * so the post-MVP features it emits (bulk memory, sign extension, non-trapping float-to-int,
 * mutable globals) are on.
 */
export const STANDARD_ASC_FLAGS: readonly string[] = ["-O3", "--runtime", "stub"];
