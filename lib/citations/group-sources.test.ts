import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Citation } from "@/lib/model/document-model";
import { parseNoteCitations } from "@/lib/ingest/parse-citations";
import { corpusNotes000, corpusNotes001 } from "@/tests/fixtures/citations/corpus-notes";
import { citationMatchKeys, diceSimilarity, findSharedSources, groupSources, groupSourcesComparingEveryPair, inferSourceType, normaliseTitle, type SourceDocumentInput } from "./group-sources";

function cite(anchor: string, fields: Partial<Citation>): Citation {
  return {
    anchor,
    raw: fields.raw ?? `《${fields.title ?? ""}》`,
    authors: [],
    title: null,
    container: null,
    date: null,
    pages: null,
    url: null,
    repeats: null,
    sourceLines: [1, 1],
    ...fields,
  };
}

const doc = (slug: string, ...citations: Citation[]): SourceDocumentInput => ({
  slug,
  footnotes: citations.map((c) => ({ anchor: c.anchor.replace(/-c\d+$/u, ""), citations: [c] })),
});

describe("normaliseTitle", () => {
  it("strips （全文）, 全文发表, 白皮书, punctuation and speaker colons, and expands 网信", () => {
    expect(normaliseTitle("甲在某大会开幕式上的讲话（全文）").base).toBe(normaliseTitle("甲在某大会开幕式上的讲话").base);
    expect(normaliseTitle("甲：在某会上的讲话").base).toBe(normaliseTitle("甲在某会上的讲话全文发表").base);
    expect(normaliseTitle("甲在网信工作座谈会上的讲话").base).toBe(normaliseTitle("甲在网络安全和信息化工作座谈会上的讲话").base);
    expect(normaliseTitle("论某：理论与实践（2.0 版）")).toEqual({ base: normaliseTitle("论某：理论与实践").base, version: "2.0" });
  });

  it("Dice is 1 for equal strings and low for unrelated ones", () => {
    expect(diceSimilarity("网络空间", "网络空间")).toBe(1);
    expect(diceSimilarity("网络空间", "数字经济")).toBe(0);
  });
});

describe("groupSources", () => {
  it("merges one speech reported by two sites under different titles, with evidence", () => {
    const sources = groupSources([
      doc("a", cite("a1-c1", { title: "甲在第二届某大会开幕式上的讲话", container: "新华网", date: "2015-12-16", url: "http://x.cn/1" })),
      doc("b", cite("b1-c1", { title: "甲在第二届某大会开幕式上的讲话（全文）", container: "中国政府网", date: "2015-12-17", url: "http://y.cn/2" })),
    ]);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ type: "speech", date: "2015-12-16", urls: ["http://x.cn/1", "http://y.cn/2"] });
    expect(sources[0]!.evidence.map((e) => e.kind)).toEqual(expect.arrayContaining(["same-title", "date-agreement", "host-difference"]));
    expect(sources[0]!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it("links a title-only short reference to the full citation, with lower confidence", () => {
    const sources = groupSources([
      doc("a", cite("a1-c1", { title: "某某白皮书题名", raw: "《某某白皮书题名》白皮书，某网站，2022年11月7日", container: "某网站", date: "2022-11-07" })),
      doc("b", cite("b1-c1", { title: "某某白皮书题名", raw: "某办公室：《某某白皮书题名》白皮书", authors: ["某办公室"] })),
    ]);
    expect(sources).toHaveLength(1);
    expect(sources[0]!.type).toBe("white-paper");
    expect(sources[0]!.authors).toEqual(["某办公室"]);
    expect(sources[0]!.evidence.some((e) => e.kind === "short-reference")).toBe(true);
    expect(sources[0]!.confidence).toBeLessThan(0.9);
  });

  it("does not merge works whose titles differ in a year or ordinal", () => {
    const sources = groupSources([
      doc("a", cite("a1-c1", { title: "甲向2014年某大会致贺信", date: "2014-11-19" })),
      doc("b", cite("b1-c1", { title: "甲向2022年某大会致贺信", date: "2022-11-09" }), cite("b2-c1", { title: "甲向第六届某大会致贺信" })),
    ]);
    expect(sources).toHaveLength(3);
    expect(findSharedSources(sources)).toEqual([]);
  });

  it("does not merge a title with a longer title that contains it", () => {
    expect(groupSources([doc("a", cite("a1-c1", { title: "携手某共同体" })), doc("b", cite("b1-c1", { title: "携手某共同体实践案例集" }))])).toHaveLength(2);
  });

  it("makes two versions of one report one source, saying so", () => {
    const sources = groupSources([
      doc("a", cite("a1-c1", { title: "某主权：理论与实践（2.0版）", date: "2020-10-15", url: "https://w.org/1" })),
      doc("b", cite("b1-c1", { title: "某主权：理论与实践（3.0版）", date: "2021-09-28", url: "https://w.org/2" })),
    ]);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ type: "report", versions: ["2.0", "3.0"], confidence: 0.7 });
    expect(sources[0]!.evidence.map((e) => e.kind)).toContain("version-difference");
  });

  it("merges by URL identity, ignoring tracking queries, and follows 同上", () => {
    const sources = groupSources([
      doc("a", cite("a1-c1", { title: "题一", url: "http://www.cac.gov.cn/2015-12/16/c_1.htm?from=singlemessage" })),
      doc("b", cite("b1-c1", { title: "完全不同的题", url: "http://cac.gov.cn/2015-12/16/c_1.htm" }), cite("b2-c1", { raw: "同上", repeats: "b1-c1", title: "完全不同的题" })),
    ]);
    expect(sources).toHaveLength(1);
    expect(sources[0]!.citations.map((c) => c.citationAnchor)).toEqual(["a1-c1", "b1-c1", "b2-c1"]);
    expect(sources[0]!.evidence.map((e) => e.kind)).toEqual(expect.arrayContaining(["same-url", "ibid"]));
  });

  it("gives stable keys, and keeps a citation whose title was lost as a source of its own", () => {
    const input = [doc("a", cite("a1-c1", { title: "某题" }), cite("a2-c1", { raw: "2018年第5期，第1页", date: "2018", pages: "1" }))];
    const first = groupSources(input);
    expect(first).toHaveLength(2);
    expect(first.map((s) => s.title)).toEqual(["某题", null]);
    for (const source of first) expect(source.key).toMatch(/^src-[0-9a-f]{16}$/u);
    expect(groupSources(input).map((s) => s.key)).toEqual(first.map((s) => s.key));
  });
});

describe("one speech reported by two outlets under different headlines", () => {
  const xinhua = cite("n-a-c1", { title: "习近平：自主创新推进网络强国建设", container: "新华网", date: "2018-04-21", url: "http://www.xinhuanet.com/politics/2018-04/21/c_1122719810.htm" });
  const gov = cite("n-b-c1", { title: "习近平出席全国网络安全和信息化工作会议并发表重要讲话", container: "中国政府网", date: "2018-04-21", url: "http://www.gov.cn/xinwen/2018-04/21/content_5284783.htm" });
  const calledFrom = (slug: string, citation: Citation, citing: string | null): SourceDocumentInput => ({
    slug,
    footnotes: [{ anchor: citation.anchor.replace(/-c\d+$/u, ""), citations: [citation], citing }],
  });
  const SENTENCE = "例如，在2018年4月全国网络安全和信息化工作会议（以下简称“工作会议”）上，他强调推进全球互联网治理体系变革";

  it("is one source when the speaker, the day and the event agree, the event read from the citing sentence when the headline names none", () => {
    const sources = groupSources([calledFrom("a", xinhua, SENTENCE), calledFrom("b", gov, "他强调要加强网络安全")]);
    expect(sources).toHaveLength(1);
    expect(sources[0]!.confidence).toBe(0.75);
    expect(sources[0]!.evidence[0]).toEqual({
      kind: "same-event",
      detail: "both report 习近平 at 全国网络安全和信息化工作会议 on 2018-04-21: 《习近平：自主创新推进网络强国建设》 (event in the citing sentence) / 《习近平出席全国网络安全和信息化工作会议并发表重要讲话》 (event in the title)",
    });
    expect(sources[0]!.evidence.map((e) => e.kind)).toContain("host-difference");
    expect(groupSourcesComparingEveryPair([calledFrom("a", xinhua, SENTENCE), calledFrom("b", gov, null)])).toEqual(sources);
  });

  it("stays two sources when nothing names the event, or the day or the event differ", () => {
    expect(groupSources([calledFrom("a", xinhua, "他强调推进全球互联网治理体系变革"), calledFrom("b", gov, null)])).toHaveLength(2);
    expect(groupSources([calledFrom("a", { ...xinhua, date: "2018-04-20" }, SENTENCE), calledFrom("b", gov, null)])).toHaveLength(2);
    expect(groupSources([calledFrom("a", xinhua, "在第二届世界互联网大会上，他指出"), calledFrom("b", gov, null)])).toHaveLength(2);
    expect(groupSources([calledFrom("a", { ...xinhua, title: "李强：自主创新推进网络强国建设" }, SENTENCE), calledFrom("b", gov, null)])).toHaveLength(2);
  });

  it("is found by its match keys, without comparing every citation", () => {
    const [ka, kb] = [citationMatchKeys(xinhua)!, citationMatchKeys(gov)!];
    expect(ka.keys.filter((key) => kb.keys.includes(key))).toEqual(["r:习近平|2018-04-21"]);
  });
});

describe("inferSourceType", () => {
  const t = (title: string, container: string | null, raw = `《${title}》`, url: string | null = null) => inferSourceType({ title, container, raw, url });
  it("reads the kind of work from title, container and wording", () => {
    expect(t("甲在某会上的致辞", "新华网")).toBe("speech");
    expect(t("某共同体", null, "《某共同体》白皮书")).toBe("white-paper");
    expect(t("某论文", "某学刊", "甲：《某论文》，载《某学刊》，2020年第2期")).toBe("journal-article");
    expect(t("某书", "人民出版社")).toBe("book");
    expect(t("中华人民共和国网络安全法", null)).toBe("law");
    expect(t("某机构成立", "人民网", "《某机构成立》，人民网")).toBe("news-report");
    expect(t("某年度报告（2022年）", null)).toBe("report");
    expect(t("Some page", null, "“Some page,” https://x.org", "https://x.org")).toBe("web-page");
  });
});

describe("sources of the real corpus", () => {
  const input = ([["000", corpusNotes000()], ["001", corpusNotes001()]] as const).map(([slug, notes]) => {
    const citations = parseNoteCitations(notes);
    return { slug, footnotes: notes.map((n) => ({ anchor: n.anchor, citations: citations.get(n.anchor)! })) };
  });
  const sources = groupSources(input);
  const shared = findSharedSources(sources);
  const find = (fragment: string) => sources.filter((s) => s.title?.includes(fragment));

  it("finds the works both essays cite, checked by hand against the notes", () => {
    // 65 works named by title or URL, and one note tail (…2018年第5期，第182-190页) whose title was lost.
    expect(sources.length).toBe(66);
    const tail = sources.filter((s) => s.title === null && s.urls.length === 0);
    expect(tail).toHaveLength(1);
    expect(tail[0]).toMatchObject({ pages: "182-190", date: "2018" });
    expect(tail[0]!.citations).toHaveLength(1);
    // Spaces between CJK and digits depend on the normaliser; the test compares titles without them.
    expect(shared.map((s) => s.title?.replace(/\s+/gu, "")).sort()).toEqual(
      [
        "习近平在第二届世界互联网大会开幕式上的讲话（全文）",
        "习近平向2022年世界互联网大会乌镇峰会致贺信",
        "携手构建网络空间命运共同体",
        "习近平在网信工作座谈会上的讲话全文发表",
        "网络主权：理论与实践（2.0版）",
      ].sort(),
    );
  });

  it("gathers every citation of the 2015 World Internet Conference speech, short references included", () => {
    const [speech] = find("第二届世界互联网大会开幕式");
    expect(find("第二届世界互联网大会开幕式")).toHaveLength(1);
    expect(speech!.citations.length).toBe(7);
    expect(speech).toMatchObject({ type: "speech", date: "2015-12-16" });
  });

  it("keeps the congratulatory letters of different years apart", () => {
    const letters = sources.filter((s) => s.title?.includes("贺信"));
    expect(letters.length).toBe(3);
    expect(new Set(letters.map((s) => s.key)).size).toBe(3);
  });

  it("merges the white paper across essays and the report across versions", () => {
    const [whitePaper] = shared.filter((s) => s.type === "white-paper");
    expect(whitePaper!.documentSlugs).toEqual(["000", "001"]);
    expect(whitePaper!.date).toBe("2022-11-07");
    const [report] = find("网络主权");
    expect(report!.versions).toEqual(["2.0", "3.0"]);
  });
});

describe("a citation whose title was lost", () => {
  it("is a source of its own, never merged, its title unknown", () => {
    const tail = {
      anchor: "n-1-c1",
      raw: "2018年第5期，第182-190页",
      authors: [],
      title: null,
      container: null,
      date: "2018",
      pages: "182-190",
      url: null,
      repeats: null,
      sourceLines: [1, 1] as [number, number],
    };
    const other = { ...tail, anchor: "n-2-c1", raw: "2019年第3期，第1-9页", date: "2019", pages: "1-9" };
    const sources = groupSources([{ slug: "a", footnotes: [{ anchor: "n-1", citations: [tail] }, { anchor: "n-2", citations: [other] }] }]);
    expect(sources).toHaveLength(2);
    expect(sources.map((s) => s.title)).toEqual([null, null]);
    expect(new Set(sources.map((s) => s.key)).size).toBe(2);
    expect(sources[0]!.citations).toEqual([{ documentSlug: "a", footnoteAnchor: "n-1", citationAnchor: "n-1-c1" }]);
  });
});

describe("citationMatchKeys", () => {
  const sharedDistinct = (a: string, b: string) => {
    const grams = (t: string) => new Set([...t].slice(1).map((ch, i) => [...t][i]! + ch));
    const gb = grams(b);
    return [...grams(a)].filter((g) => gb.has(g)).length;
  };

  it("never misses a pair of titles that merge by similarity (the lookup bound holds)", () => {
    // Titles from a small alphabet with repeats, edited a little: many pairs sit near the thresholds.
    const title = fc.array(fc.constantFrom(..."网络空间治理规则合作网络"), { minLength: 2, maxLength: 24 }).map((cs) => cs.join(""));
    const edited = fc.tuple(title, fc.array(fc.tuple(fc.nat(), fc.constantFrom(..."网络空间治理规则合作国际")), { maxLength: 3 }), fc.nat({ max: 2 })).map(
      ([text, edits, cut]) => {
        const chars = [...text];
        for (const [at, ch] of edits) chars[at % chars.length] = ch;
        return [text, chars.slice(0, Math.max(2, chars.length - cut)).join("")] as const;
      },
    );
    let nearThreshold = 0;
    fc.assert(
      fc.property(edited, ([a, b]) => {
        const ka = citationMatchKeys(cite("a-c1", { title: a }))!;
        const kb = citationMatchKeys(cite("b-c1", { title: b }))!;
        const lengthRatio = Math.min(a.length, b.length) / Math.max(a.length, b.length);
        if (a === b || diceSimilarity(a, b) < 0.85 || lengthRatio < 0.85) return;
        nearThreshold += 1;
        expect(sharedDistinct(a, b)).toBeGreaterThanOrEqual(ka.minSharedGrams);
        expect(sharedDistinct(b, a)).toBeGreaterThanOrEqual(kb.minSharedGrams);
      }),
      { seed: 15, numRuns: 3000 },
    );
    expect(nearThreshold).toBeGreaterThan(100);
  });

  it("gives a 同上 no keys: it only joins what it repeats", () => {
    expect(citationMatchKeys(cite("a-c2", { repeats: "a-c1" }))).toBeNull();
    expect(citationMatchKeys(cite("a-c1", { title: "某题", url: "https://x.org/a" }))!.keys).toEqual(["t:某题", "u:x.org/a"]);
  });
});

describe("groupSources on dozens of documents citing the same works", () => {
  // 40 essays; each cites the same three works under the same or varying titles, hosts and dates, and
  // ends a note with the same lost-title tail, which once gave two sources one key (issue 15).
  const variants = [
    { title: "甲在第二届某某大会开幕式上的讲话", container: "新华网", date: "2015-12-16" },
    { title: "甲在第二届某某大会开幕式上的讲话（全文）", container: "人民网", date: "2015-12-16" },
    { title: "甲：在第二届某某大会开幕式上的讲话", container: "中国政府网", date: "2015-12" },
  ];
  const documents: SourceDocumentInput[] = Array.from({ length: 40 }, (_, d) =>
    doc(
      `essay-${d}`,
      cite(`n${d}a-c1`, { ...variants[d % variants.length]!, raw: `《${variants[d % variants.length]!.title}》` }),
      cite(`n${d}b-c1`, { title: "某某合作白皮书", raw: "《某某合作白皮书》", url: `http://www.gov.cn/zhengce/2017-03/01/content_${d % 2}.htm` }),
      cite(`n${d}c-c1`, { title: d % 2 === 0 ? "某某治理规则：比较研究" : "某某治理规则比较研究", container: "某出版社", date: "2019" }),
      cite(`n${d}d-c1`, { raw: "第5页。", pages: "5" }),
    ),
  );
  const sources = groupSources(documents);

  it("makes each work one source, with every key unique", () => {
    const works = sources.filter((s) => s.title !== null);
    expect(works).toHaveLength(3);
    for (const work of works) expect(new Set(work.citations.map((c) => c.documentSlug)).size).toBe(40);
    expect(sources.filter((s) => s.title === null)).toHaveLength(40);
    expect(new Set(sources.map((s) => s.key)).size).toBe(sources.length);
  });

  it("gives the same keys whatever order the documents come in", () => {
    const keys = (list: typeof sources) => list.map((s) => s.key).sort();
    expect(keys(groupSources([...documents].reverse()))).toEqual(keys(sources));
  });
});

describe("groupSources compares only what can merge", () => {
  // A small pool of ways to cite a few works (variant titles, hosts, dates, URLs, short references, lost
  // titles), drawn with repeats, so that many citations are alike and classes meet in every order.
  const pool: Partial<Citation>[] = [
    { title: "甲在第二届某某大会开幕式上的讲话", container: "新华网", date: "2015-12-16" },
    { title: "甲在第二届某某大会开幕式上的讲话（全文）", container: "人民网", date: "2015-12-16" },
    { title: "甲：在第二届某某大会开幕式上的讲话", container: "中国政府网", date: "2015-12" },
    { title: "甲在第二届某某大会开幕式上的讲话" },
    { title: "甲在第二届某某大会开幕式上的讲话", container: "新华网", date: "2016-01-02" },
    { title: "某某合作白皮书", url: "http://www.gov.cn/zhengce/2017-03/01/content_1.htm" },
    { title: "某某合作白皮书（2017年版）", url: "http://www.gov.cn/zhengce/2017-03/01/content_1.htm?from=timeline" },
    { title: "某某合作白皮书", container: "国务院新闻办公室", date: "2017-03" },
    { title: "某某治理规则：比较研究", container: "某出版社", date: "2019" },
    { title: "某某治理规则比较研究", container: "某出版社", date: "2019" },
    { url: "https://example.org/a" },
    { raw: "第5页。", pages: "5" },
  ];
  const documents = fc
    .array(fc.array(fc.tuple(fc.nat(pool.length - 1), fc.boolean()), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 })
    .map((essays) =>
      essays.map((picks, d) =>
        doc(
          `essay-${String(d).padStart(2, "0")}`,
          ...picks.map(([p, ibid], n) => {
            const fields = pool[p]!;
            // A 同上 repeats the citation before it in the same essay.
            const repeats = ibid && n > 0 ? `n${d}-${n - 1}-c1` : null;
            return cite(`n${d}-${n}-c1`, repeats ? { raw: "同上。", repeats } : { ...fields, raw: fields.raw ?? `《${fields.title ?? ""}》` });
          }),
        ),
      ),
    );

  it("groups as comparing every pair does: the same sources, merges, evidence in the same order and confidence", () => {
    fc.assert(
      fc.property(documents, (input) => {
        expect(groupSources(input)).toEqual(groupSourcesComparingEveryPair(input));
      }),
      { seed: 15, numRuns: 300 },
    );
  });
});
