import { describe, expect, it } from "vitest";
import { type ConceptDictionaryInput, parseConceptDictionary } from "@/lib/concepts/concept-dictionary";
import { loadConceptDictionary } from "@/lib/concepts/load-concept-dictionary";
import { CORPUS_FILES, type CorpusDocument, loadCorpusDocument } from "@/tests/fixtures/concepts/corpus-blocks";
import { type ConceptMention, type MentionBlock, countMentions, findMentions } from "./find-mentions";

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

const small = parseConceptDictionary({
  about: { criteria: "test" },
  concepts: [
    concept("shared-future", ["命运共同体"]),
    concept("cyber-community", ["网络空间命运共同体"]),
    concept("cyber-sovereignty", ["网络主权", "网络空间主权"]),
    concept("multistakeholder", ["多方", "多利益攸关方"], { excludes: ["多方面"] }),
    concept("gge", ["政府专家组", "GGE"]),
    concept("twin-a", ["双名"], { sharedVariants: ["双名"] }),
    concept("twin-b", ["双名"], { sharedVariants: ["双名"] }),
    concept("four-principles", ["四项原则"], {
      members: [
        { id: "respect", label: { zh: "尊重网络主权", en: "respect" }, variants: ["尊重网络主权"], alone: true },
        { id: "peace", label: { zh: "维护和平安全", en: "peace" }, variants: ["维护和平安全"], alone: true },
        { id: "open", label: { zh: "促进开放合作", en: "open" }, variants: ["促进开放合作"], alone: true },
        { id: "order", label: { zh: "构建良好秩序", en: "order" }, variants: ["构建良好秩序"], alone: true },
      ],
    }),
    concept("strategy-principles", ["和平、主权、共治、普惠四项原则"], {
      members: [
        { id: "s-peace", label: { zh: "和平", en: "peace" }, variants: ["和平"] },
        { id: "s-sovereignty", label: { zh: "主权", en: "sovereignty" }, variants: ["主权"] },
        { id: "s-shared", label: { zh: "共治", en: "shared governance" }, variants: ["共治"] },
        { id: "s-benefit", label: { zh: "普惠", en: "benefit" }, variants: ["普惠"] },
      ],
    }),
    concept("four-commons", [], {
      members: [
        { id: "c-dev", label: { zh: "发展", en: "d" }, variants: ["发展共同推进", "共同推进发展"] },
        { id: "c-sec", label: { zh: "安全", en: "s" }, variants: ["安全共同维护", "维护安全"] },
        { id: "c-gov", label: { zh: "治理", en: "g" }, variants: ["治理共同参与", "参与治理"] },
        { id: "c-ben", label: { zh: "成果", en: "b" }, variants: ["成果共同分享", "分享成果"] },
      ],
    }),
  ],
});

function para(text: string, anchor = "p1"): MentionBlock {
  return { kind: "paragraph", anchor, text };
}

/** Mentions as "id@matched text" for compact assertions; the matched text checks the offsets too. */
function seen(text: string): string[] {
  return findMentions([para(text)], small).map((m) => `${m.conceptId}@${text.slice(m.start, m.end)}${m.memberOf ? `<${m.memberOf}` : ""}`);
}

describe("findMentions: concept wordings", () => {
  it("counts the longest wording once and not the shorter concept inside it", () => {
    expect(seen("构建网络空间命运共同体，也是命运共同体")).toEqual(["cyber-community@网络空间命运共同体", "shared-future@命运共同体"]);
  });

  it("matches across spaces, line breaks and quotation marks left inside a wording, with offsets into the original", () => {
    const text = "提出“网络空\n间命运 共同体”理念";
    const [mention, ...rest] = findMentions([para(text)], small);
    expect(rest).toEqual([]);
    expect(mention).toMatchObject({ conceptId: "cyber-community", start: 3, end: 14, variant: "网络空间命运共同体", via: "variant" });
    expect(text.slice(mention?.start, mention?.end)).toBe("网络空\n间命运 共同体");
    expect(seen("“网络”主权")).toEqual(["cyber-sovereignty@网络”主权"]);
  });

  it("does not match across other punctuation", () => {
    expect(seen("网络，主权；网络。空间主权")).toEqual([]);
  });

  it("keeps UTF-16 offsets right after characters outside the BMP", () => {
    const text = "𠀀𠀁网络主权";
    const [mention] = findMentions([para(text)], small);
    expect(mention).toMatchObject({ start: 4, end: 8 });
  });

  it("lets an exclude win its span: 多方面 is not 多方", () => {
    expect(seen("在很多方面都坚持多方参与和多利益攸关方")).toEqual(["multistakeholder@多方", "multistakeholder@多利益攸关方"]);
  });

  it("matches ASCII wordings case-insensitively, full-width or not, but only as whole words", () => {
    expect(seen("联合国ＧＧＥ与gge")).toEqual(["gge@ＧＧＥ", "gge@gge"]);
    expect(seen("GGEX 与 XGGE")).toEqual([]);
    expect(seen("(GGE)")).toEqual(["gge@GGE"]);
  });

  it("gives a deliberately shared wording to each concept that shares it", () => {
    expect(seen("所谓双名")).toEqual(["twin-a@双名", "twin-b@双名"]);
  });
});

describe("findMentions: compound concepts and enumerations", () => {
  it("counts a list of two or more members as one mention of the compound and one of each member", () => {
    const text = "即“尊重网络主权、维护和平安全、促进开放合作、构建良好秩序”。";
    const mentions = findMentions([para(text)], small);
    const enumeration = mentions.filter((m) => m.via === "enumeration");
    expect(enumeration).toHaveLength(1);
    expect(enumeration[0]).toMatchObject({ conceptId: "four-principles", variant: "尊重网络主权、维护和平安全、促进开放合作、构建良好秩序" });
    expect(text.slice(enumeration[0]?.start, enumeration[0]?.end)).toBe("尊重网络主权、维护和平安全、促进开放合作、构建良好秩序");
    expect(mentions.filter((m) => m.via === "member").map((m) => [m.conceptId, m.memberOf])).toEqual([
      ["respect", "four-principles"],
      ["peace", "four-principles"],
      ["open", "four-principles"],
      ["order", "four-principles"],
    ]);
    // The member layer does not hide concept wordings inside the items.
    expect(mentions.filter((m) => m.via === "variant").map((m) => m.conceptId)).toEqual(["cyber-sovereignty"]);
  });

  it("joins items separated only by list punctuation, quotation marks or connectives", () => {
    expect(seen("“尊重网络主权”“促进开放合作”").filter((s) => s.startsWith("four-principles@"))).toHaveLength(1);
    expect(seen("共同推进发展、维护安全、参与治理和分享成果")).toEqual([
      "four-commons@共同推进发展、维护安全、参与治理和分享成果",
      "c-dev@共同推进发展<four-commons",
      "c-sec@维护安全<four-commons",
      "c-gov@参与治理<four-commons",
      "c-ben@分享成果<four-commons",
    ]);
  });

  it("does not treat items in different sentences, or separated by other words, as an enumeration", () => {
    expect(seen("要尊重网络主权。还要维护和平安全").filter((s) => s.startsWith("four-principles@"))).toEqual([]);
    expect(seen("维护安全，并且大家参与治理")).toEqual([]);
  });

  it("counts a lone item only when its wording stands alone, and never as the compound", () => {
    expect(seen("坚持“促进开放合作”之原则")).toEqual(["open@促进开放合作<four-principles"]);
    expect(seen("维护安全是要务")).toEqual([]);
    expect(seen("主权")).toEqual([]);
  });

  it("needs two distinct members: a repeated item is not a list", () => {
    expect(seen("维护安全、维护安全")).toEqual([]);
  });

  it("does not count a compound twice when its own wording contains the list", () => {
    const mentions = seen("基于“和平、主权、共治、普惠”四项原则");
    expect(mentions.filter((s) => s.startsWith("strategy-principles@"))).toEqual(["strategy-principles@和平、主权、共治、普惠”四项原则"]);
    expect(mentions.filter((s) => s.startsWith("four-principles@"))).toEqual([]);
    expect(mentions.filter((s) => s.endsWith("<strategy-principles"))).toHaveLength(4);
  });

  it("counts the name and a list of a compound in the same sentence as two mentions", () => {
    expect(seen("“尊重网络主权、维护和平安全”的“四项原则”").filter((s) => s.startsWith("four-principles@"))).toEqual([
      "four-principles@尊重网络主权、维护和平安全",
      "four-principles@四项原则",
    ]);
  });
});

describe("findMentions: blocks and determinism", () => {
  it("reports each block's anchor and kind, and never matches across blocks", () => {
    const blocks: MentionBlock[] = [
      { kind: "heading", anchor: "h1", text: "网络主权" },
      { kind: "paragraph", anchor: "p1", text: "网络" },
      { kind: "footnote", anchor: "n1", text: "主权" },
    ];
    expect(findMentions(blocks, small).map((m) => [m.blockKind, m.blockAnchor])).toEqual([["heading", "h1"]]);
  });

  it("returns the same mentions in the same order every time", () => {
    const text = "网络空间命运共同体、网络主权、多方参与、尊重网络主权、维护和平安全";
    expect(findMentions([para(text)], small)).toEqual(findMentions([para(text)], small));
  });
});

// ---------------------------------------------------------------------------------------------
// The real corpus. Expected figures below were checked by hand against the raw files (glyphs repaired):
// see the report in the commit that introduced them. Independent counts come from plain substring search.

const dictionary = loadConceptDictionary();

function occurrences(document: CorpusDocument, wording: string): number {
  let count = 0;
  for (const block of document.blocks) {
    const text = block.text.replace(/[\s“”‘’"']/gu, "");
    for (let i = text.indexOf(wording); i >= 0; i = text.indexOf(wording, i + 1)) count++;
  }
  return count;
}

function byVariant(mentions: ConceptMention[], conceptId: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of mentions) if (m.conceptId === conceptId) out[m.via === "enumeration" ? "(enumeration)" : m.variant] = (out[m.via === "enumeration" ? "(enumeration)" : m.variant] ?? 0) + 1;
  return out;
}

describe("findMentions on the corpus", async () => {
  const [essay0, essay1] = await Promise.all(CORPUS_FILES.map((file) => loadCorpusDocument(file)));
  if (essay0 === undefined || essay1 === undefined) throw new Error("corpus missing");
  const mentions0 = findMentions(essay0.blocks, dictionary);
  const mentions1 = findMentions(essay1.blocks, dictionary);

  it("counts cyber sovereignty as every 网络主权 / 网络空间主权 except inside the narrower 网络主权平等", () => {
    for (const [document, mentions] of [
      [essay0, mentions0],
      [essay1, mentions1],
    ] as const) {
      const counts = byVariant(mentions, "cyber-sovereignty");
      expect(counts["网络主权"] ?? 0).toBe(occurrences(document, "网络主权") - occurrences(document, "网络主权平等"));
      expect(counts["网络空间主权"] ?? 0).toBe(occurrences(document, "网络空间主权"));
      expect(countMentions(mentions).get("cyber-sovereign-equality") ?? 0).toBe(occurrences(document, "网络主权平等"));
    }
    // Hand-checked: essay 001 argues for 网络主权平等 six times; essay 000 never uses the phrase.
    expect(countMentions(mentions1).get("cyber-sovereign-equality")).toBe(6);
    expect(countMentions(mentions0).get("cyber-sovereign-equality")).toBeUndefined();
  });

  it("counts the community with a shared future in cyberspace once per occurrence, not also as 命运共同体", () => {
    for (const [document, mentions] of [
      [essay0, mentions0],
      [essay1, mentions1],
    ] as const) {
      const expected = occurrences(document, "网络空间命运共同体") + occurrences(document, "网络空间的命运共同体") + occurrences(document, "网络空间命运共体同");
      expect(countMentions(mentions).get("community-shared-future-cyberspace")).toBe(expected);
      // The misprint 命运共体同 does not contain 命运共同体, so only the two correct spellings are subtracted.
      const generic =
        occurrences(document, "命运共同体") - occurrences(document, "网络空间命运共同体") - occurrences(document, "网络空间的命运共同体") - occurrences(document, "人类命运共同体");
      expect(countMentions(mentions).get("community-of-shared-future") ?? 0).toBe(generic);
    }
  });

  it("finds the four principles by name and by enumeration, and keeps the 2017 strategy's four principles apart", () => {
    // Hand-checked: 000 names 四项原则 twice and spells the list out once (in a note);
    // 001 names them once, lists them once, and names the strategy's 和平、主权、共治、普惠 principles once.
    expect(byVariant(mentions0, "four-principles")).toEqual({ 四项原则: 2, "(enumeration)": 1 });
    expect(byVariant(mentions1, "four-principles")).toEqual({ 四项原则: 1, "(enumeration)": 1 });
    expect(countMentions(mentions1).get("cooperation-strategy-principles")).toBe(1);
    expect(countMentions(mentions0).get("cooperation-strategy-principles")).toBeUndefined();
  });

  it("finds the five propositions by name in essay 000 only, with the two items it quotes", () => {
    expect(byVariant(mentions0, "five-propositions")).toEqual({ 五点主张: 3 });
    expect(countMentions(mentions1).get("five-propositions")).toBeUndefined();
    expect(mentions0.filter((m) => m.memberOf === "five-propositions").map((m) => m.conceptId).sort()).toEqual(["prop-governance-justice", "prop-security-order"]);
  });

  it("finds the multilateral / multi-stakeholder debate in both essays without 很多方面", () => {
    for (const [document, mentions] of [
      [essay0, mentions0],
      [essay1, mentions1],
    ] as const) {
      const multilateral = occurrences(document, "多边") - occurrences(document, "伪多边主义");
      expect(countMentions(mentions).get("multilateralism")).toBe(multilateral);
    }
    expect(mentions0.some((m) => m.conceptId === "multistakeholder" && m.variant === "多方" && essay0.blocks.find((b) => b.anchor === m.blockAnchor)?.text.slice(m.start, m.end + 1) === "多方面")).toBe(false);
  });

  it("counts the digital divide and its 信息鸿沟 wording", () => {
    for (const [document, mentions] of [
      [essay0, mentions0],
      [essay1, mentions1],
    ] as const)
      expect(byVariant(mentions, "digital-divide")).toEqual({ 数字鸿沟: occurrences(document, "数字鸿沟"), 信息鸿沟: occurrences(document, "信息鸿沟") });
  });

  it("finds the three problems listed together in both essays", () => {
    expect(mentions0.filter((m) => m.conceptId === "three-problems").length).toBeGreaterThanOrEqual(4);
    expect(mentions1.filter((m) => m.conceptId === "three-problems").length).toBeGreaterThanOrEqual(4);
  });

  it("returns offsets that slice to a folded form of the variant", () => {
    for (const [document, mentions] of [
      [essay0, mentions0],
      [essay1, mentions1],
    ] as const)
      for (const m of mentions.filter((x) => x.via === "variant")) {
        const text = document.blocks.find((b) => b.anchor === m.blockAnchor)?.text ?? "";
        const sliced = text.slice(m.start, m.end).replace(/[\s“”‘’"']/gu, "").normalize("NFKC").toLowerCase();
        expect(sliced.replace(/[，,；;]/gu, "、")).toBe(m.variant.replace(/[“”]/gu, "").normalize("NFKC").toLowerCase().replace(/[，,；;]/gu, "、"));
      }
  });
});
