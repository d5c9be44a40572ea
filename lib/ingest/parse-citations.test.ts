import { describe, expect, it } from "vitest";
import { corpusNotes000, corpusNotes001 } from "@/tests/fixtures/citations/corpus-notes";
import { citationSchema } from "@/lib/model/document-model";
import { parseDate, parseNoteCitations, parsePages, splitAuthors, splitNoteCitations, type NoteForCitations } from "./parse-citations";

// Invented notes in the normalised form the parser receives (full-width punctuation, ASCII Latin/digits).
const note = (anchor: string, text: string): NoteForCitations => ({ anchor, text, sourceLines: [10, 12] });

describe("splitNoteCitations", () => {
  it("reads a news citation: title, host, date, repaired URL", () => {
    const [c] = splitNoteCitations("《某某在某论坛上的讲话》，新华网，2016年4月25日，http: / / www. xinhuanet. com / politics / 2016- 04 / 25 / c_1. htm。");
    expect(c).toMatchObject({
      title: "某某在某论坛上的讲话",
      container: "新华网",
      date: "2016-04-25",
      url: "http://www.xinhuanet.com/politics/2016-04/25/c_1.htm",
      authors: [],
      pages: null,
    });
  });

  it("splits several journal citations on ；, with authors, 载《…》, year and pages", () => {
    const cs = splitNoteCitations("甲乙、丙丁：《论A：B与C》，载《某学刊》，2019年第3期，第172－179页；戊：《论“D”与E》，载《某论坛》，2020年第2期，第36-41页。");
    expect(cs).toHaveLength(2);
    expect(cs[0]).toMatchObject({ authors: ["甲乙", "丙丁"], title: "论A：B与C", container: "某学刊", date: "2019", pages: "172-179" });
    expect(cs[1]).toMatchObject({ authors: ["戊"], title: "论“D”与E", container: "某论坛", date: "2020", pages: "36-41" });
  });

  it("does not split on a ； inside quotes or a title", () => {
    const cs = splitNoteCitations("《甲；乙》，某网，2020年1月2日；“一；二”的说法见《丙》。");
    expect(cs.map((c) => c.title)).toEqual(["甲；乙"]);
  });

  it("yields nothing for pure commentary, even with 《》 mentioned mid-sentence", () => {
    expect(splitNoteCitations("一是甲；二是乙；三是丙。")).toEqual([]);
    expect(splitNoteCitations("会议审议通过了《甲规则》《乙细则》。")).toEqual([]);
    expect(splitNoteCitations("对于“某概念”，国内有不同的表述；本文采用“某概念”。")).toEqual([]);
  });

  it("keeps the cited work after commentary and 参见, with publisher, edition year and pages", () => {
    const cs = splitNoteCitations("第一，甲；第二，乙。参见王某主编：《某书》，人民出版社2019年版，第44－45页。");
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ authors: ["王某"], title: "某书", container: "人民出版社", date: "2019", pages: "44-45" });
    expect(cs[0]!.raw).toBe("王某主编：《某书》，人民出版社2019年版，第44－45页");
  });

  it("keeps nested 〈〉 in the title and 白皮书 out of the container", () => {
    const [a] = splitNoteCitations("《中央印发〈某方案〉》，新华网，2018年3月21日。");
    expect(a?.title).toBe("中央印发〈某方案〉");
    const [b] = splitNoteCitations("《某共同体》白皮书，国务院新闻办公室网站，2022年11月7日，http://www.scio.gov.cn/a/1.htm。");
    expect(b).toMatchObject({ title: "某共同体", container: "国务院新闻办公室网站", date: "2022-11-07" });
    const [c] = splitNoteCitations("国务院新闻办公室：《某共同体》白皮书。");
    expect(c).toMatchObject({ authors: ["国务院新闻办公室"], title: "某共同体", container: null });
  });

  it("reads English citations: author, quoted title, date, pages, URL without its full stop", () => {
    const [c] = splitNoteCitations("Joseph S Nye Jr.，“The Regime Complex，” May 20，2014，pp. 3-5，https: / / www. example. org / regime-complex / .");
    expect(c).toMatchObject({
      authors: ["Joseph S Nye Jr."],
      title: "The Regime Complex",
      date: "2014-05-20",
      pages: "3-5",
      url: "https://www.example.org/regime-complex/",
    });
    const [d] = splitNoteCitations("United Nations Conference on Trade and Development, “A Report,” December 2021, p.xvii, https://unctad.org/x.");
    expect(d).toMatchObject({ authors: ["United Nations Conference on Trade and Development"], date: "2021-12", pages: "xvii" });
  });

  it("keeps an untitled institutional page cited by URL, and a truncated title", () => {
    const [a] = splitNoteCitations("某应急技术中心，https: / / www.cert.org.cn / publish / main / 57 / index.html。");
    expect(a).toMatchObject({ title: null, container: "某应急技术中心", url: "https://www.cert.org.cn/publish/main/57/index.html" });
    const [b] = splitNoteCitations("甲、乙：《某经济浪潮下的政策及");
    expect(b).toMatchObject({ authors: ["甲", "乙"], title: "某经济浪潮下的政策及", container: null });
  });

  it("keeps the bibliographic tail of a truncated note, not a commentary tail", () => {
    expect(splitNoteCitations("2018年第5期，第182－190页；丙：《丁》，载《戊》，2019年第1期。")[0]).toMatchObject({
      title: null,
      date: "2018",
      pages: "182-190",
    });
    expect(splitNoteCitations("的政策。")).toEqual([]);
  });
});

describe("parseNoteCitations", () => {
  it("gives anchors <note>-c<i> and the note's source lines, valid against the draft schema", () => {
    const result = parseNoteCitations([note("fn-3", "《甲》，某网，2020年1月2日；《乙》，某网，2021年。")]);
    const cs = result.get("fn-3")!;
    expect(cs.map((c) => c.anchor)).toEqual(["fn-3-c1", "fn-3-c2"]);
    for (const c of cs) expect(() => citationSchema.parse(c)).not.toThrow();
    expect(cs[1]!.sourceLines).toEqual([10, 12]);
  });

  it("resolves 同上 to the previous note's last citation, copying its fields and taking a new page", () => {
    const result = parseNoteCitations([
      note("a", "《甲》，某网，2020年1月2日；丙：《乙》，某出版社2019年版，第5页。"),
      note("b", "他还指出，“某话”。同上。"),
      note("c", "同上，第9页。"),
      note("d", "同上书，第12－13页。"),
    ]);
    expect(result.get("b")![0]).toMatchObject({ repeats: "a-c2", title: "乙", authors: ["丙"], container: "某出版社", pages: "5" });
    expect(result.get("c")![0]).toMatchObject({ repeats: "b-c1", title: "乙", pages: "9" });
    expect(result.get("d")![0]).toMatchObject({ repeats: "c-c1", title: "乙", pages: "12-13" });
  });

  it("leaves 同上 unresolved rather than reach past a missing or citation-less note", () => {
    const result = parseNoteCitations([note("a", "《甲》。"), note("b", ""), note("c", "同上。")]);
    expect(result.get("b")).toEqual([]);
    expect(result.get("c")![0]).toMatchObject({ repeats: null, title: null, raw: "同上" });
  });

  it("keeps a short reference (title only) as its own citation", () => {
    const [c] = parseNoteCitations([note("a", "参见《某某在大会上的讲话》。")]).get("a")!;
    expect(c).toMatchObject({ title: "某某在大会上的讲话", container: null, date: null, url: null, repeats: null });
  });
});

describe("field helpers", () => {
  it("parses dates as precisely as given", () => {
    expect(parseDate("2015年12月16日")).toBe("2015-12-16");
    expect(parseDate("2022年 7月")).toBe("2022-07");
    expect(parseDate("2019年版")).toBe("2019");
    expect(parseDate("3 May 2019")).toBe("2019-05-03");
    expect(parseDate("July 14, 2021")).toBe("2021-07-14");
    expect(parseDate("April 2014")).toBe("2014-04");
    expect(parseDate("无日期")).toBeNull();
  });

  it("parses page ranges and keeps 等/主编 out of names", () => {
    expect(parsePages("第 182－190 页")).toBe("182-190");
    expect(parsePages("p.10")).toBe("10");
    expect(splitAuthors("甲、乙等")).toEqual(["甲", "乙"]);
    expect(splitAuthors("王某主编")).toEqual(["王某"]);
  });
});

describe("real corpus notes", () => {
  const all = [...corpusNotes000(), ...corpusNotes001()];
  const parsed = [...parseNoteCitations(corpusNotes000()).values(), ...parseNoteCitations(corpusNotes001()).values()].flat();

  it("every citation is schema-valid, and every URL it carries is well formed", () => {
    expect(all.length).toBeGreaterThan(80);
    for (const c of parsed) {
      expect(() => citationSchema.parse(c)).not.toThrow();
      if (c.url) expect(c.url).toMatch(/^https?:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/|$)/);
    }
  });

  it("every resolved 同上 points to an earlier citation with a title", () => {
    const byAnchor = new Map(parsed.map((c) => [c.anchor, c]));
    const ibids = parsed.filter((c) => c.raw.startsWith("同上"));
    expect(ibids.length).toBeGreaterThanOrEqual(3);
    for (const c of ibids) expect(byAnchor.get(c.repeats ?? "")?.title).toBeTruthy();
  });
});
