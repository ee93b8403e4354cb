/** Small helpers every benchmark uses: sizes from the environment and percentiles. */

/** A positive whole number from the environment, or `fallback`. */
export function sizeFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} deve essere un numero intero positivo.`);
  return value;
}

/** The value at `share` (0–1) of ascending values (0 when there is none). */
export function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}
