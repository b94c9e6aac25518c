import { distance } from 'fastest-levenshtein';

/**
 * Names close enough to `wanted` to be a likely typo, best first. The cut-off scales with the length of the name so
 * that short names do not suggest unrelated short names.
 */
export function closestNames(wanted: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = wanted.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length / 3));
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(candidates)) {
    const hay = name.toLowerCase();
    // A name that appears whole inside the other ("Phone" in "Organisation Phone") is usually the one meant.
    const contained = Math.min(needle.length, hay.length) >= 4 && (hay.includes(needle) || needle.includes(hay));
    const score = hay === needle ? 0 : contained ? 1 : distance(needle, hay);
    if (score <= limit) scored.push({ name, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((s) => s.name);
}
