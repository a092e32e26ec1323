/**
 * "Did you mean": the closest known word to a misspelt one.
 *
 * Layer: configurator (host). Interface: `editDistance`, `closest`.
 * Invariant: a suggestion is offered only when it is plausibly a typo (distance ≤ a third of the
 * word, at least 1), so unrelated words get none.
 */

/** Levenshtein distance (insert, delete, substitute; each costs 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(previous[j] + 1, row[j - 1] + 1, substitute));
    }
    previous = row;
  }
  return previous[b.length];
}

/** The candidate nearest to `word`, if near enough to be what was meant. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
