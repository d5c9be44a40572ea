import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { citationMatchKeys } from "@/lib/citations/group-sources";
import type { Citation } from "@/lib/model/document-model";
import { probeBigrams, sharedBigramCount, titleBigrams } from "./similar-titles";

const citation = (title: string): Citation => ({
  anchor: "c-1",
  raw: title,
  authors: [],
  title,
  container: null,
  date: null,
  pages: null,
  url: null,
  repeats: null,
  sourceLines: [1, 1],
});

/** Titles from a small alphabet, so that bigrams repeat across titles as they do in a corpus. */
const title = fc.array(fc.constantFrom(..."网络安全治理的中国国际合作空间数据规则发展"), { minLength: 1, maxLength: 16 }).map((chars) => chars.join(""));

describe("similar titles", () => {
  it("gives a title key's bigrams as citationMatchKeys gives the citation's", () => {
    fc.assert(
      fc.property(fc.oneof(title, fc.string({ minLength: 1, maxLength: 20 }), fc.string({ unit: "binary", minLength: 1, maxLength: 12 })), (text) => {
        const keys = citationMatchKeys(citation(text));
        const titleKey = keys?.keys.find((key) => key.startsWith("t:"));
        fc.pre(titleKey !== undefined);
        expect(new Set(titleBigrams(titleKey))).toEqual(new Set(keys!.grams));
        expect(titleBigrams(titleKey).length).toBe(keys!.grams.length);
      }),
      { numRuns: 500 },
    );
  });

  it("finds through the probed bigrams every title sharing the bound, whatever the counts say", () => {
    fc.assert(
      fc.property(title, fc.array(title, { maxLength: 40 }), fc.array(fc.nat(50), { maxLength: 60 }), (query, corpus, noise) => {
        const q = citationMatchKeys(citation(query));
        fc.pre(q !== null && q.grams.length > 0);
        const titles = corpus.flatMap((text) => citationMatchKeys(citation(text))?.keys.filter((k) => k.startsWith("t:")) ?? []);
        // Counts as stored, or stale: the filter is exact for any, the counts only choose which to probe.
        const counts = new Map<string, number>();
        titles.forEach((key, i) => titleBigrams(key).forEach((gram, j) => counts.set(gram, (counts.get(gram) ?? 0) + 1 + (noise[(i + j) % Math.max(1, noise.length)] ?? 0))));
        const probed = new Set(probeBigrams(q.grams, q.minSharedGrams, counts));
        const found = titles.filter((key) => titleBigrams(key).some((gram) => probed.has(gram)) && sharedBigramCount(q.grams, new Set(titleBigrams(key))) >= q.minSharedGrams);
        const expected = titles.filter((key) => sharedBigramCount(q.grams, new Set(titleBigrams(key))) >= q.minSharedGrams);
        expect(found).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("probes the rarest bigrams, and none when no title could share enough", () => {
    const counts = new Map([["g:中国", 900], ["g:国网", 40], ["g:网络", 700], ["g:络主", 3], ["g:主权", 12]]);
    expect(probeBigrams(["g:中国", "g:国网", "g:网络", "g:络主", "g:主权"], 4, counts)).toEqual(["g:络主", "g:主权"]);
    expect(probeBigrams(["g:中国", "g:国网"], 3, counts)).toEqual([]);
    expect(probeBigrams(["g:中国", "g:国网"], 0, counts)).toEqual(["g:国网", "g:中国"]);
  });
});
