import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseText } from "@/lib/ingest/normalise-text";
import { exactPhraseQuery } from "./exact-phrase-query";
import { foldForSearch } from "./fold-for-search";
import { MAX_QUERY_LENGTH, parseSearchQuery } from "./parse-search-query";

const folded = (text: string) => foldForSearch(normaliseText(text)).folded;

/** Words as a stock phrase of the corpus holds them: Han characters, Chinese and Latin punctuation, quotes of every kind, spaces. */
const words = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(..."网络空间命运共同体构建和平安全开放合作") }, fc.constantFrom(..."，。、；：“”「」\"＂《》（） 𠀀")), { minLength: 1, maxLength: 160 })
  .map((chars) => `网${chars.join("")}`);

describe("exactPhraseQuery", () => {
  it("is one phrase the search parser reads back as the same words, folded as the index folds them", () => {
    fc.assert(
      fc.property(words, (text) => {
        const phrase = exactPhraseQuery(text);
        const parsed = parseSearchQuery(phrase.query);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.terms).toHaveLength(1);
        expect(parsed.terms[0]!.phrase).toBe(true);
        if (phrase.cut) {
          // Cut only when the whole would not fit, to the beginning that does.
          expect(`"${text}"`.length).toBeGreaterThan(MAX_QUERY_LENGTH);
          expect(folded(text).startsWith(parsed.terms[0]!.folded)).toBe(true);
        } else {
          expect(parsed.terms[0]!.folded).toBe(folded(text));
        }
      }),
    );
  });

  it("keeps quotes of other kinds and words that fit as they are", () => {
    expect(exactPhraseQuery("构建“网络空间命运共同体”")).toEqual({ query: '"构建“网络空间命运共同体”"', words: "构建“网络空间命运共同体”", cut: false });
    expect(exactPhraseQuery('他说"和平"').query).toBe('"他说 和平"');
    const long = "网".repeat(MAX_QUERY_LENGTH);
    expect(exactPhraseQuery(long)).toEqual({ query: `"${"网".repeat(MAX_QUERY_LENGTH - 2)}"`, words: "网".repeat(MAX_QUERY_LENGTH - 2), cut: true });
  });
});
