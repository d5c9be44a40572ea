import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, parseSearchQuery } from "./parse-search-query";

const folded = (raw: string) => {
  const parsed = parseSearchQuery(raw);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.terms.map((term) => term.folded);
};

describe("parseSearchQuery", () => {
  it("folds a term the way the index is folded", () => {
    expect(folded("ＩＣＡＮＮ")).toEqual(["icann"]);
    expect(folded("２０１５ 年")).toEqual(["2015", "年"]);
    expect(folded("数字，鸿沟")).toEqual(["数字鸿沟"]);
  });

  it("splits on spaces (ideographic too) into terms that must all occur", () => {
    expect(folded("网络　主权 鸿沟")).toEqual(["网络", "主权", "鸿沟"]);
  });

  it("keeps a quoted phrase as one term, spaces folded away", () => {
    const parsed = parseSearchQuery('"global governance" 主权');
    expect(parsed).toMatchObject({ ok: true, terms: [{ folded: "globalgovernance", phrase: true }, { folded: "主权", phrase: false }] });
    expect(folded("“命运 共同体”")).toEqual(["命运共同体"]);
  });

  it("drops repeated and punctuation-only terms", () => {
    expect(folded("网络 网络 ， 主权")).toEqual(["网络", "主权"]);
  });

  it("refuses empty, too long, unclosed and punctuation-only queries with a reason", () => {
    expect(parseSearchQuery("   ")).toEqual({ ok: false, reason: "the query is empty" });
    expect(parseSearchQuery("字".repeat(MAX_QUERY_LENGTH + 1)).ok).toBe(false);
    expect(parseSearchQuery('"网络').ok).toBe(false);
    expect(parseSearchQuery("，。！").ok).toBe(false);
    expect(parseSearchQuery("a b c d e f g h i").ok).toBe(false);
  });
});
