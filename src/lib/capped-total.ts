/**
 * Lists count their rows exactly up to this many and say "più di 10.000"
 * beyond: counting every row of a large list costs more than its page
 * (decision 0023).
 */
export const TOTAL_CAP = 10_000;

/** How many rows a list has: `count` exactly, or at least `count` when `more`. */
export type CappedTotal = { count: number; more: boolean };

/** The total from a count of at most `cap + 1` rows. */
export function cappedTotal(counted: number, cap = TOTAL_CAP): CappedTotal {
  return counted > cap ? { count: cap, more: true } : { count: counted, more: false };
}

/** "9876" or "più di 10.000", to put before a noun. */
export function totalLabel(total: CappedTotal): string {
  const count = total.count.toLocaleString("it-IT");
  return total.more ? `più di ${count}` : count;
}
