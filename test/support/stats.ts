/**
 * Distribution-free statistics for timing tests on a shared, busy machine: they make no assumption
 * about how the noise is shaped, only that interleaved pairs see the same machine.
 */

/** P(X <= k) for X ~ Binomial(n, 1/2), exactly enough for n up to a few thousand. */
export function binomialHalfCdf(k: number, n: number): number {
  let pmf = 0.5 ** n;
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += pmf;
    pmf = (pmf * (n - i)) / (i + 1);
  }
  return Math.min(1, sum);
}

/** Two-sided sign test: the chance of a split at least this uneven when each side is equally likely. */
export function signTestP(heads: number, n: number): number {
  const tail = Math.min(heads, n - heads);
  return Math.min(1, 2 * binomialHalfCdf(tail, n));
}

/**
 * A confidence interval for the median of `values` from their order statistics: it misses the true
 * median with probability at most `alpha`, whatever the distribution.
 */
export function medianInterval(values: number[], alpha: number): { low: number; high: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let k = -1;
  while (binomialHalfCdf(k + 1, n) <= alpha / 2) k++;
  if (k < 0) return { low: -Infinity, high: Infinity };
  return { low: sorted[k]!, high: sorted[n - 1 - k]! };
}
