/**
 * Zipf's law over ranks 1..n: P(rank r) = r^−s / H(n, s). Text reuse follows it: a few passages (the
 * speeches and white papers everyone quotes) are quoted by hundreds of essays, most by a handful.
 * Returns a sampler of 0-based ranks driven by the given uniform random source.
 */
export function zipfSampler(n: number, exponent: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= n; r++) cumulative.push((total += r ** -exponent));
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
