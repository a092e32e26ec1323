/**
 * Programs the backend cannot yet run identically, each with the backend feature it lacks.
 * Their tests are `it.fails`: remove an entry as soon as its test starts passing.
 */
export const KNOWN_GAPS: Readonly<Record<string, string>> = {};
