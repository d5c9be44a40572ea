import { describe, expect, it } from "vitest";
import { CORPUS_FILES, loadCorpusDocument } from "@/tests/fixtures/concepts/corpus-blocks";
import {
  ConceptDictionaryError,
  type ConceptDictionaryInput,
  conceptAndNarrower,
  findUnverifiedQuotes,
  mentionableEntries,
  parseConceptDictionary,
} from "./concept-dictionary";
import { matchKey } from "./fold-for-matching";
import { loadConceptDictionary } from "./load-concept-dictionary";

type ConceptInput = ConceptDictionaryInput["concepts"][number];

function concept(id: string, variants: string[], extra: Partial<ConceptInput> = {}): ConceptInput {
  return {
    id,
    label: { zh: id, en: id },
    variants,
    definition: { zh: "定义", en: "definition", source: { kind: "outside", citation: "Some outside source, 2020." } },
    broader: [],
    narrower: [],
    related: [],
    ...extra,
  };
}

function issuesOf(concepts: ConceptInput[]): string[] {
  try {
    parseConceptDictionary({ about: { criteria: "test" }, concepts });
  } catch (error) {
    if (error instanceof ConceptDictionaryError) return error.issues;
    throw error;
  }
  return [];
}

describe("parseConceptDictionary: integrity", () => {
  it("accepts a consistent dictionary and derives missing member ids", () => {
    const dictionary = parseConceptDictionary({
      about: { criteria: "test" },
      concepts: [
        concept("parent", ["网络主权"], { narrower: ["child"] }),
        concept("child", ["网络主权平等"], { broader: ["parent"] }),
        concept("pair", ["两点"], {
          members: [
            { label: { zh: "甲", en: "a" }, variants: ["甲项"] },
            { id: "b-item", label: { zh: "乙", en: "b" }, variants: ["乙项"], alone: true },
          ],
        }),
      ],
    });
    const members = dictionary.concepts[2]?.members ?? [];
    expect(members.map((m) => [m.id, m.alone])).toEqual([
      ["pair-item-1", false],
      ["b-item", true],
    ]);
    expect(conceptAndNarrower(dictionary, "parent")).toEqual(["parent", "child"]);
    expect(mentionableEntries(dictionary).map((e) => `${e.id}<${e.memberOf ?? ""}`)).toEqual([
      "parent<",
      "child<",
      "pair<",
      "pair-item-1<pair",
      "b-item<pair",
    ]);
  });

  it("names a dangling link and the concept that holds it", () => {
    const issues = issuesOf([concept("a", ["甲"], { related: ["ghost"] })]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain('"a" lists unknown concept "ghost" under related');
    expect(issues[0]).toMatch(/^concepts\.0\.related\.0:/);
  });

  it("requires broader and narrower to answer each other", () => {
    const issues = issuesOf([concept("a", ["甲"], { broader: ["b"] }), concept("b", ["乙"])]);
    expect(issues).toEqual([expect.stringContaining('"a" lists "b" under broader, but "b" does not list "a" under narrower')]);
  });

  it("requires related links on both sides, and no self-links", () => {
    expect(issuesOf([concept("a", ["甲"], { related: ["b"] }), concept("b", ["乙"])])[0]).toContain('"b" does not list "a" under related');
    expect(issuesOf([concept("a", ["甲"], { related: ["a"] })])[0]).toContain('"a" lists itself under related');
  });

  it("rejects a cycle through broader", () => {
    const issues = issuesOf([
      concept("a", ["甲"], { broader: ["b"], narrower: ["b"] }),
      concept("b", ["乙"], { broader: ["a"], narrower: ["a"] }),
    ]);
    expect(issues.some((i) => i.includes("broader links form a cycle"))).toBe(true);
  });

  it("rejects a wording claimed by two concepts, comparing folded forms, unless both declare it shared", () => {
    const clash = issuesOf([concept("a", ["网络主权"]), concept("b", ["网络 “主权”"])]);
    expect(clash).toHaveLength(2);
    expect(clash[0]).toContain('the wording "网络主权" is a variant of "a", "b"');
    expect(issuesOf([concept("a", ["网络主权"], { sharedVariants: ["网络主权"] }), concept("b", ["网络主权"])])).toHaveLength(1);
    expect(
      issuesOf([concept("a", ["网络主权"], { sharedVariants: ["网络主权"] }), concept("b", ["网络主权"], { sharedVariants: ["网络主权"] })]),
    ).toEqual([]);
  });

  it("rejects an exclude that cannot shadow any of the concept's variants", () => {
    expect(issuesOf([concept("a", ["多方"], { excludes: ["多方面"] })])).toEqual([]);
    expect(issuesOf([concept("a", ["四项原则"], { excludes: ["四项基本原则"] })])[0]).toContain('excludes "四项基本原则", which does not contain');
  });

  it("rejects concepts that could never be mentioned, and clashing member ids", () => {
    expect(issuesOf([concept("a", [])])[0]).toContain('"a" has no variants');
    expect(issuesOf([concept("a", ["甲"], { members: [{ label: { zh: "x", en: "x" }, variants: ["乙"] }] })])[0]).toContain("fewer than two members");
    const clash = issuesOf([
      concept("a", ["甲"], {
        members: [
          { id: "b", label: { zh: "x", en: "x" }, variants: ["乙"] },
          { label: { zh: "y", en: "y" }, variants: ["丙"] },
        ],
      }),
      concept("b", ["丁"]),
    ]);
    expect(clash).toEqual([expect.stringContaining('member id "b" of "a" is already used by concept "b"')]);
  });

  it("rejects malformed entries with their path", () => {
    const issues = issuesOf([concept("Not Kebab", ["  “ ”  "])]);
    expect(issues.some((i) => i.startsWith("concepts.0.id:") && i.includes("kebab-case"))).toBe(true);
    expect(issues.some((i) => i.startsWith("concepts.0.variants.0:"))).toBe(true);
  });
});

describe("corpus/concepts.json", () => {
  const dictionary = loadConceptDictionary();

  it("is valid and covers the ideas the essays argue about", () => {
    expect(dictionary.concepts.length).toBeGreaterThanOrEqual(25);
    expect(Object.keys(dictionary.about)).toEqual(expect.arrayContaining(["criteria", "adding", "matching", "members"]));
    const compounds = dictionary.concepts.filter((c) => c.members !== undefined).map((c) => c.id);
    expect(compounds).toEqual(expect.arrayContaining(["four-principles", "five-propositions"]));
  });

  it("never lets a bare generic word count as a concept", () => {
    const keys = new Set(dictionary.concepts.flatMap((c) => c.variants.map(matchKey)));
    for (const generic of ["主权", "治理", "网络", "安全", "发展", "共同体", "原则"]) expect(keys.has(generic)).toBe(false);
  });

  it("quotes every corpus definition verbatim from the normalised essay", async () => {
    const texts = new Map<string, string>();
    for (const file of CORPUS_FILES) {
      const document = await loadCorpusDocument(file);
      // A definition may quote the abstract, which is not a block but is the essay's own words.
      texts.set(file, [document.abstract ?? "", ...document.blocks.map((b) => b.text)].join("\n"));
    }
    const corpusSources = dictionary.concepts.filter((c) => c.definition.source.kind === "corpus");
    expect(corpusSources.length).toBeGreaterThan(30);
    expect(findUnverifiedQuotes(dictionary, texts)).toEqual([]);
  });

  it("reports a quote that is not in the text", () => {
    const texts = new Map([["000_1322acf3015bdc34.txt", "别的内容"], ["001_dd40619b11185e85.txt", "别的内容"]]);
    expect(findUnverifiedQuotes(dictionary, texts).length).toBe(dictionary.concepts.filter((c) => c.definition.source.kind === "corpus").length);
  });
});
