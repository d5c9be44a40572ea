/**
 * Finding the titles similar enough to name the same work without counting bigrams against every title of
 * the corpus. citationMatchKeys (lib/citations/group-sources.ts) gives a citation's title as a `t:` key, its
 * distinct bigrams as `g:` keys, and the fewest bigrams another title must share with it to be compared
 * (minSharedGrams). The corpus keeps each distinct title once, with postings bigram → titles and the number
 * of titles holding each bigram (lib/db/update-sources.ts).
 *
 * Prefix filter (as set-similarity joins do): a title sharing at least `need` of a title's `n` bigrams shares
 * at least one of ANY `n − need + 1` of them (were it to miss all of those, it could share at most
 * `need − 1`). So only that many bigrams are probed, the rarest (fewest titles hold them), and each title
 * found is then checked by counting the bigrams it shares. A common bigram (的, 中国…) held by thousands of
 * titles is probed only when the title has nothing rarer: the lookup costs what the title matches, not what
 * the corpus holds.
 */

const TITLE_PREFIX = "t:";
const GRAM_PREFIX = "g:";

/** The distinct bigram keys of a title key (`t:…`), as citationMatchKeys makes them for that title. */
export function titleBigrams(titleKey: string): string[] {
  if (!titleKey.startsWith(TITLE_PREFIX)) throw new Error(`not a title key: ${titleKey}`);
  const chars = [...titleKey.slice(TITLE_PREFIX.length)];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(GRAM_PREFIX + chars[i]! + chars[i + 1]!);
  return [...grams];
}

/**
 * The bigrams to probe for a title with these distinct bigrams and least shared count: the
 * `grams.length − minShared + 1` held by fewest titles (ties by the bigram, for a stable plan). None when no
 * title could share `minShared` of them.
 */
export function probeBigrams(grams: readonly string[], minShared: number, titlesHolding: ReadonlyMap<string, number>): string[] {
  const count = grams.length - Math.max(1, minShared) + 1;
  if (count <= 0) return [];
  return [...grams]
    .sort((x, y) => (titlesHolding.get(x) ?? 0) - (titlesHolding.get(y) ?? 0) || (x < y ? -1 : x > y ? 1 : 0))
    .slice(0, count);
}

/** How many of `grams` (distinct) are in `other`. */
export function sharedBigramCount(grams: readonly string[], other: ReadonlySet<string>): number {
  let shared = 0;
  for (const gram of grams) if (other.has(gram)) shared += 1;
  return shared;
}
