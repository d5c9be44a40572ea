import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fitWidthModel, PRIOR_WIDTHS } from "./line-width";
import { layoutPages } from "./layout-pages";
import { parseFrontMatter } from "./parse-front-matter";
import { parseDocument } from "./parse-document";

/** A page of body text that calls two notes (①, ②) and ends on a finished sentence; each test adds what follows it. */
const PAGE_CALLING_TWO_NOTES = [
  "数字治理的制度安排经历了漫长的演变过程，研究者对",
  "治理模式的评价并不完全一致，农村地区的宽带覆盖仍",
  "然参差不齐，公开程度影响参与的质量。①监测数据的",
  "公开程度直接影响公众参与的质量，港口城市的数据中",
  "心建设速度明显加快，社区组织发挥了积极作用。②",
];

// A small essay of our own in the layout PDF extraction produces: a note block without its marker
// list interleaved mid-sentence, a running head with its folio, a marker list, a triple-blank page end.
const fixture = readFileSync(fileURLToPath(new URL("../../tests/fixtures/ingest/interleaved-notes.txt", import.meta.url)), "utf8");
const lines = fixture.split("\n");

function layout() {
  const model = fitWidthModel(lines);
  const front = parseFrontMatter(lines, model);
  return { front, layout: layoutPages({ lines, bodyStart: front.bodyStart, title: front.title, model }) };
}

describe("layoutPages", () => {
  it("finds the pages from leading spaces, a running head and a blank-line run", () => {
    const { layout: l } = layout();
    expect(l.pages.map((p) => [p.body[0]?.lineNo, p.body[p.body.length - 1]?.lineNo])).toEqual([
      [4, 8],
      [11, 17],
      [29, 37],
    ]);
  });

  it("separates the interleaved note block and the marker-listed notes from the body", () => {
    const { layout: l } = layout();
    expect(l.pages[0]!.notes.map((n) => n.lineNo)).toEqual([9, 10]);
    expect(l.pages[1]!.notes.map((n) => n.lineNo)).toEqual([24, 25]);
    expect(l.pages[1]!.markerList.map((m) => m.label)).toEqual(["①", "②"]);
    expect(l.pages[2]!.notes).toEqual([]);
  });

  it("keeps running head and marker lists as debris with their lines", () => {
    const { layout: l } = layout();
    expect(l.debris.map((d) => [d.kind, d.line])).toEqual([
      ["running-head", 19],
      ["marker-list", 21],
      ["marker-list", 22],
    ]);
  });

  it("treats leading spaces as paragraph indents when nearly every paragraph has one", () => {
    const indented = Array.from({ length: 12 }, (_, i) => [` 第${i}段的第一行文字很长很长很长很长`, "第二行文字很长很长很长很长很长很长。", ""]).flat();
    const model = fitWidthModel(indented);
    const l = layoutPages({ lines: indented, bodyStart: 0, title: null, model });
    expect(l.indentMarksParagraphs).toBe(true);
    expect(l.pages).toHaveLength(1);
  });

  it("reads a few indents the text carries as two ideographic spaces as paragraph indents, not pages (no form feeds)", () => {
    // Four paragraphs, the first lines short by the indent: too few leading spaces to read one-space indents by count.
    const paragraph = (indent: string, k: number) => [`${indent}第${k}段的第一行文字很长很长很长很长`, "第二行文字很长很长很长很长很长很长很长。", ""];
    const text = (indent: string) => Array.from({ length: 4 }, (_, k) => paragraph(indent, k)).flat();
    const typeset = layoutPages({ lines: text("\u3000\u3000"), bodyStart: 0, title: null, model: fitWidthModel(text("\u3000\u3000")) });
    expect(typeset.indentMarksParagraphs).toBe(true);
    expect(typeset.pages).toHaveLength(1);
    // One plain space is what an extraction prints to open a block or a glued page: so few are not read as indents.
    expect(layoutPages({ lines: text(" "), bodyStart: 0, title: null, model: fitWidthModel(text(" ")) }).indentMarksParagraphs).toBe(false);
  });

  it("reads many leading spaces as glued pages and note blocks when half of them follow a sentence the page cut", () => {
    // Short pages glued on: each page's body breaks off mid-sentence, its unlabelled note block opens with a space,
    // and the next page opens with one after the note's end. As many spaces as paragraph indents would make.
    const page = (k: number) => [
      ` 制度安排经历了漫长的演变过程，研究者对治理模式的评价并${k}`,
      "不完全一致。农村地区的宽带覆盖仍然参差不齐，公开程度影①",
      "响参与的质量，财政投入的稳定性决定了项目能否长期运行，港",
      ` 《数字治理的比较研究》，海岸大学出版社2005年版，第10${k}页。`,
    ];
    const glued = Array.from({ length: 12 }, (_, k) => page(k)).flat();
    const l = layoutPages({ lines: glued, bodyStart: 0, title: null, model: fitWidthModel(glued) });
    expect(l.indentMarksParagraphs).toBe(false);
    expect(l.pages.flatMap((p) => p.body.map((line) => line.raw))).not.toContain(page(3)[3]);
  });
});

describe("layoutPages: running heads", () => {
  // Eight pages a form feed apart, no running heads; on two of them a note lost its end and only
  // `示例政府` (the start of `示例政府网`) survives on its last line.
  const body = ["数字治理的制度安排经历了漫长的演变过程，研究", "者对治理模式的评价并不完全一致，农村地区的宽", "带覆盖仍然参差不齐，公开程度影响参与的质量。①"];
  const page = (k: number) => [
    ...body,
    "①",
    k === 2 || k === 5 ? "《关于数字治理的若干意见》，中国政府网，2020 年 1 月 1 日，" : "《数字治理的比较研究》，海岸大学出版社 2005 年版，第 102 页。",
    ...(k === 2 || k === 5 ? ["示例政府"] : []),
  ];
  const text = Array.from({ length: 8 }, (_, k) => page(k).join("\n")).join("\n\f");
  const pageLines = text.split("\n");
  const breaks = new Set(pageLines.flatMap((line, k) => (line.startsWith("\f") ? [k] : [])));
  const plain = pageLines.map((line) => line.replace(/\f/gu, ""));

  it("does not take a short line repeated on two pages of eight for a running head", () => {
    const model = fitWidthModel(plain);
    const l = layoutPages({ lines: plain, bodyStart: 0, title: null, model, pageBreaks: breaks });
    expect(l.debris.filter((d) => d.kind === "running-head")).toEqual([]);
    expect(l.pages).toHaveLength(8);
    expect(l.pages[2]!.notes.map((n) => n.raw)).toContain("示例政府");
  });

  it("still takes a short line repeated on most pages for one", () => {
    const headed = Array.from({ length: 8 }, (_, k) => ["比较治理研究丛刊", ...page(k)].join("\n")).join("\n\f").split("\n");
    const headBreaks = new Set(headed.flatMap((line, k) => (line.startsWith("\f") ? [k] : [])));
    const lines = headed.map((line) => line.replace(/\f/gu, ""));
    const l = layoutPages({ lines, bodyStart: 0, title: null, model: fitWidthModel(lines), pageBreaks: headBreaks });
    expect(l.debris.filter((d) => d.kind === "running-head")).toHaveLength(8);
  });
});

describe("layoutPages: note texts at a page's foot", () => {
  /** Pages a form feed apart, or glued (the next page's first line opens with the extraction's space). */
  function laidOut(pages: string[][], separator: "\f" | " " = "\f") {
    const printed = pages.map((page) => page.join("\n")).join(`\n${separator}`).split("\n");
    const pageBreaks = new Set(printed.flatMap((line, k) => (line.startsWith("\f") ? [k] : [])));
    const lines = printed.map((line) => line.replace(/\f/gu, ""));
    return { lines, layout: layoutPages({ lines, bodyStart: 0, title: null, model: fitWidthModel(lines), pageBreaks }) };
  }
  const bodyLines = ["数字治理的制度安排经历了漫长的演变过程，研究", "者对治理模式的评价并不完全一致，农村地区的宽", "带覆盖仍然参差不齐，公开程度影响参与的质量。", "财政投入的稳定性决定了项目能否长期运行，港口"];
  const notesOf = (l: ReturnType<typeof laidOut>["layout"]) => l.pages.flatMap((p) => p.notes.map((n) => n.raw.trim()));
  const bodyOf = (l: ReturnType<typeof laidOut>["layout"]) => l.pages.flatMap((p) => p.body.map((n) => n.raw.trim()));

  it("reads a line that closes a title the broken-off body sentence never opened as a note that lost its start", () => {
    const tail = "逻辑》，载《国际问题论坛》2017年第11期。";
    const { layout: l } = laidOut([
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", "① 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。"],
      [...bodyLines.slice(0, 3), "地方政府与流域机构之间的协调始终是难点，①农村", tail, "区域治理评论　2023年第6期　171"],
      ["地区的宽带覆盖仍然参差不齐。社区组织在基层治理", ...bodyLines],
    ], " ");
    expect(notesOf(l)).toContain(tail);
    expect(bodyOf(l)).not.toContain(tail);
  });

  it("reads the end of a note carried over from the page before, standing before the page's labelled notes, as that note's", () => {
    const { layout: l } = laidOut([
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", "① 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第", ""],
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", "区域治理评论　2023年第6期　171", " 194页。", "① 同上。"],
      ["理模式的评价并不完全一致。社区组织在基层治理", ...bodyLines],
    ]);
    expect(notesOf(l)).toContain("194页。");
    expect(bodyOf(l)).not.toContain("194页。");
  });

  it("reads the rest of the web address the page before's last note stopped inside, printed straight after the body, as that note's end", () => {
    // pdftotext prints the note area's head (the carried-over end of a note) right after the page's last body line,
    // here one the page cut mid-sentence, and before the page's labelled notes.
    const rest = "ns/2005/03/brief_3890.pdf。";
    const pages = [
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", "① 《海洋空间的秩序》，示例研究院网站，2005年3月8日，https://www.example-institute.org/publicatio"],
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", rest, "① 同上。"],
      ["理模式的评价并不完全一致。社区组织在基层治理", ...bodyLines],
    ];
    const { layout: l } = laidOut(pages);
    expect(notesOf(l)).toContain(rest);
    expect(bodyOf(l)).not.toContain(rest);
    const parsed = parseDocument({ bytes: new TextEncoder().encode(["题目", ...pages.map((page) => page.join("\n"))].join("\n\f")), fileName: "carried.txt" });
    expect(parsed.footnotes[0]!.text).toBe("《海洋空间的秩序》，示例研究院网站，2005年3月8日，https://www.example-institute.org/publications/2005/03/brief_3890.pdf。");
  });

  it("keeps an address's rest in the body where the body's line before left that address open", () => {
    const rest = "ns/2005/03/brief_3890.pdf。";
    const { layout: l } = laidOut([
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", "① 《海洋空间的秩序》，示例研究院网站，2005年3月8日，https://www.example-institute.org/publicatio"],
      [...bodyLines, "城市的数据中心建设速度明显加快。①数据见https://", rest, "① 同上。"],
      ["理模式的评价并不完全一致。社区组织在基层治理", ...bodyLines],
    ]);
    expect(bodyOf(l)).toContain(rest);
  });

  it("reads Latin words closing the English citation the page before's last note was cut in, after a heading at the page's foot, as that note's end", () => {
    const rest = "Series, No.4, April 2006, p.39.";
    const cut = "① Anne Carter, “Rules for Shared Infrastructure,” Global Commission on Internet Governance Paper";
    const { layout: l } = laidOut([
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", cut],
      [...bodyLines, "城市的数据中心建设速度明显加快。①", "（一）外部环境的变化", "", rest, "① 同上。"],
      ["理模式的评价并不完全一致。社区组织在基层治理", ...bodyLines],
    ]);
    expect(notesOf(l)).toContain(rest);
    expect(bodyOf(l)).not.toContain(rest);
    // After a body line that leaves a Latin phrase open, the same words may be the body's own: they stay.
    const open = laidOut([
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", cut],
      [...bodyLines, "城市的数据中心建设速度明显加快，①参见Global Commission on Internet Governance Paper", rest, "① 同上。"],
      ["理模式的评价并不完全一致。社区组织在基层治理", ...bodyLines],
    ]).layout;
    expect(bodyOf(open)).toContain(rest);
  });

  it("reads a short text block the extraction opened after the last page's finished body, on a page whose notes have not appeared, as a note", () => {
    const { layout: l } = laidOut([
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", "① 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。"],
      [...bodyLines, "城市的数据中心建设速度明显加快，偏差得以纠正。①", " 上。"],
    ]);
    expect(notesOf(l)).toContain("上。");
    expect(l.pages[1]!.body.map((n) => n.raw)).not.toContain(" 上。");
  });
  it("reads a text block after page furniture that closes a title the broken-off sentence never opened as a note, not the sentence's end", () => {
    const tail = "辑》，山川书局2019年版，第190页。";
    const { layout: l } = laidOut([
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", "① 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。"],
      [...bodyLines, "2005年3月发布的《流域治理的比较研究》提出，不同", "区域治理评论　2023年第6期　702", tail, "② 参见方致远：《海洋空间的秩序》，载《公共政策学刊》2006年第8期。"],
      ["层级的决策者对风险的认知存在差异。社区组织在基层", ...bodyLines],
    ]);
    expect(notesOf(l)).toContain(tail);
    expect(bodyOf(l)).not.toContain(tail);
  });

  it("reads a line set wider than the body and closing like a citation, right before the labelled notes, as a note", () => {
    const tail = "网，2018年4月21日，http://www.gov.cn/xinwen/2013-07/19/content_4163829.htm。";
    const { layout: l } = laidOut([
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", "① 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。"],
      [...bodyLines, "城市的数据中心建设速度明显加快。②研究者对治", "", tail, "", "② 参见方致远：《海洋空间的秩序》，载《公共政策学刊》2006年第8期。"],
      ["理模式的评价并不完全一致。社区组织在基层治理", ...bodyLines],
    ]);
    expect(notesOf(l)).toContain(tail);
    expect(bodyOf(l)).not.toContain(tail);
  });

  it("reads a line too short to be a paragraph, between a finished paragraph and the labelled notes, as a note's end", () => {
    const { layout: l } = laidOut([
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", "① 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。"],
      [...bodyLines, "城市的数据中心建设速度明显加快，研究者对治理", "模式的评价并不一致。①②", "上。", "② 参见方致远：《海洋空间的秩序》，载《公共政策学刊》2006年第8期。"],
      ["理模式的评价并不完全一致。社区组织在基层治理", ...bodyLines],
    ]);
    expect(notesOf(l)).toContain("上。");
    expect(bodyOf(l)).not.toContain("上。");
  });

  it("keeps a short line that finishes the sentence of a short line before it in the body, at the foot of a page whose notes are missing", () => {
    const { layout: l } = laidOut([
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", "① 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。"],
      ["海底光缆的维护需要承担，①制度来自", "问题的回应。"],
    ]);
    expect(bodyOf(l)).toContain("问题的回应。");
    expect(notesOf(l)).not.toContain("问题的回应。");
  });

  it("keeps a body line that closes a title opened on the line before, after another title closed further back, in the body", () => {
    const lines = [
      "高明远在《标准竞争与合作》中指出，财政投入的稳定",
      "性决定了项目能否长期运行，陆思齐在《流域治理的",
      "比较研究》中指出，社区组织在基层治理中发挥了积",
      "极作用，评估体系的完善有助于纠正偏差。①",
    ];
    const { layout: l } = laidOut([
      [...bodyLines, ...lines, "① 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。"],
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", "① 同上。"],
    ]);
    for (const line of lines) expect(bodyOf(l)).toContain(line);
  });
  it("reads lines set wider than any body line, after a sentence cut mid-way and before the labelled notes, as a note that lost its start", () => {
    const tail = ["府网，2019年3月26日，http://www.gov.cn/xinwen/2015-02/17/content_46", "91358.htm?from=singlemessage。"];
    const { layout: l } = laidOut([
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", "① 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。"],
      [...bodyLines, "城市的数据中心建设速度明显加快。②研究者对治", ...tail, "② 参见方致远：《海洋空间的秩序》，载《公共政策学刊》2006年第8期。"],
      ["理模式的评价并不完全一致。社区组织在基层治理", ...bodyLines],
    ]);
    for (const line of tail) expect(notesOf(l)).toContain(line);
    for (const line of tail) expect(bodyOf(l)).not.toContain(line);
  });
  it("reads a block of short lines that each finish a sentence, after a sentence cut at the page's foot, as short notes", () => {
    const { layout: l } = laidOut([
      [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", "① 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。"],
      [...bodyLines, "城市的数据中心建设速度明显加快，①②研究者对治", " 笔者在调研中也观察到类似现象。", "同上，第13页。"],
      [" 理模式的评价并不完全一致。社区组织在基层治理", ...bodyLines],
    ], " ");
    expect(notesOf(l)).toEqual(expect.arrayContaining(["笔者在调研中也观察到类似现象。", "同上，第13页。"]));
    expect(bodyOf(l)).not.toContain("同上，第13页。");
  });
  it("keeps short lines that each finish a sentence in the body when they are the last text and the body broke off mid-sentence", () => {
    const last = ["未完全被采纳，评估体系有助于纠正偏差。", "", "农村地区的宽带覆盖仍然参差不齐。"];
    const { layout: l } = laidOut(
      [
        [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治", "①", "周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。"],
        [...bodyLines, "城市的数据中心建设速度明显加快。①专家委员会的意见并", "①", "《标准竞争与合作》，新华网，2011年6月22日，http://www.xinhuanet.com/c_1122704068.htm。", "区域治理评论　2023年第6期　532"],
        [...last, "", "区域治理评论　2023年第6期　533"],
      ],
      " ",
    );
    expect(bodyOf(l)).toEqual(expect.arrayContaining([last[0], last[2]]));
    expect(notesOf(l)).not.toContain(last[0]);
  });
  it("keeps a body sentence that runs on after the page's notes in the body when only its Latin words make a line read wider", () => {
    const next = [" 适应规划逐步进入地方议程，", "Internet Governance Forum的年度会议吸引了众多参与者。"];
    const { layout: l } = laidOut(
      [
        [...bodyLines, "城市的数据中心建设速度明显加快。①规划与气候", "① 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。"],
        next,
      ],
      " ",
    );
    expect(bodyOf(l)).toEqual(expect.arrayContaining(next.map((line) => line.trim())));
  });
  it("keeps a body sentence that quotes a web address in the body when it runs on after the page's notes", () => {
    const { layout: l } = laidOut(
      [
        [...bodyLines, "城市的数据中心建设速度明显加快。①评估体系的完", "①", "《标准竞争与合作》，示例研究院网站，2011年6月22日，", "https://www.example-institute.org/publications/2011/06/brief_23685.pdf。"],
        ["善有助于及时纠正政策偏差，相关统计数据均可在", "http://www.example.org/data/2021-05/report\uFFE3", "s.htm查阅。", "144"],
      ],
      " ",
    );
    expect(bodyOf(l)).toEqual(expect.arrayContaining(["善有助于及时纠正政策偏差，相关统计数据均可在", "s.htm查阅。"]));
    expect(notesOf(l)).not.toContain("s.htm查阅。");
  });
  it("keeps a web address that goes on a body sentence in the body, when the sentence runs on after the page's notes", () => {
    const { layout: l } = laidOut(
      [
        [...bodyLines, "城市的数据中心建设速度明显加快。①评估体系的完", "①", "《标准竞争与合作》，示例研究院网站，2011年6月22日，", "https://www.example-institute.org/publications/2011/06/brief_23685.pdf。"],
        ["善有助于及时纠正政策偏差，相关数据可在", "http://www.example.org/data/2021-05/report\uFFE3", "s.htm查阅。", "144"],
      ],
      " ",
    );
    expect(bodyOf(l)).toEqual(expect.arrayContaining(["善有助于及时纠正政策偏差，相关数据可在", "http://www.example.org/data/2021-05/report\uFFE3", "s.htm查阅。"]));
  });
  it("keeps a web address the body left open in the body when it runs into Chinese words, though the page's last note left one open too", () => {
    const address = [" www.example.org/data/2021-05/report.htm", "查阅。"];
    const { layout: l } = laidOut(
      [
        [...bodyLines, "城市的数据中心建设速度明显加快。①相关数据可在http://", "① 《标准竞争与合作》，人民网，2014年8月15日，http://", "区域治理评论　2023年第6期　203"],
        [...address, " world.people.com.cn/n1/2014/0815/c1002-31430944.html。", "区域治理评论　2023年第6期　204"],
      ],
      " ",
    );
    expect(bodyOf(l)).toEqual(expect.arrayContaining(address.map((line) => line.trim())));
    expect(notesOf(l)).toContain("world.people.com.cn/n1/2014/0815/c1002-31430944.html。");
  });
  it("keeps a web address that opens the next page and runs into Chinese words in the body, after a body broken off before the page's furniture and notes", () => {
    // Pages glued, furniture printed between a page's body and its notes, the notes unlabelled; the next page opens
    // on the address that finishes the body's sentence, and its Latin glyphs make its first line read wide.
    const address = ["http://www.example.org/data/2021-05/report.h", "tm查阅。"];
    const { layout: l } = laidOut(
      [
        [...bodyLines, "城市的数据中心建设速度明显加快。①相关数据可在", "区域治理评论　2023年第6期　4", " 即由上下游地区分别承担的治理成本。", "同上。"],
        [...address, "区域治理评论　2023年第6期　5"],
      ],
      " ",
    );
    expect(bodyOf(l)).toEqual(expect.arrayContaining(address));
    for (const line of address) expect(notesOf(l)).not.toContain(line);
    expect(notesOf(l)).toContain("即由上下游地区分别承担的治理成本。");
  });
  it("reads a short line between a body line that left a web address open and labelled notes that skip the page's first marker as that note's end, when the next page's body opens on the address's path", () => {
    // The page's first note lost its start and its label; what survives of it finishes a sentence, as a body
    // paragraph's last line could, but the body's sentence goes on overleaf inside its address.
    const rest = "与前文相同。";
    const { layout: l } = laidOut(
      [
        [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治理模", "式的评价并不完全一致，②相关数据可在http://www.example.org", rest, "② 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。"],
        ["/data/2021-05/report.htm查阅。社区组织在基层治理中发挥了积极", ...bodyLines],
      ],
      " ",
    );
    expect(notesOf(l)).toContain(rest);
    expect(bodyOf(l)).not.toContain(rest);
    expect(bodyOf(l)).toContain("/data/2021-05/report.htm查阅。社区组织在基层治理中发挥了积极");
  });
  it("keeps that short line in the body when the next page opens on a figure, not on an address's path: a paragraph may open so after an address that ended", () => {
    const last = "查阅与下载相关的数据。";
    const { layout: l } = laidOut(
      [
        [...bodyLines, "城市的数据中心建设速度明显加快。①研究者对治理模", "式的评价并不完全一致，②相关数据可在http://www.example.org", last, "② 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。"],
        ["2021年11月，社区组织在基层治理中发挥了积极作用，", ...bodyLines],
      ],
      " ",
    );
    expect(bodyOf(l)).toContain(last);
  });
  it("reads a line that closes a title the broken-off body sentence never opened, past the running head printed between body and notes, as a note that lost its start", () => {
    // Pages glued, the running head printed between a page's body and its notes: the head reads as a page break, and
    // the note's surviving end after it opens a block of its own before the next page, glued on with a space.
    const tail = "较研究》，载《信息社会研究》2004年第9期。";
    const { layout: l } = laidOut(
      [
        [...bodyLines, "城市的数据中心建设速度明显加快。[1]世界银行的", "区域治理评论　2023年第6期　4", tail],
        ["World Development Report多次讨论这一问题。", ...bodyLines, "区域治理评论　2023年第6期　5"],
      ],
      " ",
    );
    expect(notesOf(l)).toContain(tail);
    expect(bodyOf(l)).not.toContain(tail);
    expect(bodyOf(l)).toContain("World Development Report多次讨论这一问题。");
  });
  it("keeps the rest of an address a note closed with a Latin full stop in the notes, though the next note's Chinese follows it in the block, after a body broken off at the label list", () => {
    // The page before's last note stopped after `https://`; its rest opens this page's note area, right after the
    // label list, and the next note's text follows in the same block: `…/shared-networks/.` + `周若溪：…`.
    const rest = ["www.example.org/publications/rules-for-shared-", "networks/."];
    const { layout: l } = laidOut([
      [...bodyLines, "城市的数据中心建设速度明显加快。[1]研究者对治", "[1] Lin Zhou, “Rules for Shared Networks,” May 20, 2014, https://"],
      [...bodyLines, "城市的数据中心建设速度明显加快。[1]研究者对治", "[1]", ` ${rest[0]}`, rest[1]!, "周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。"],
      ["理模式的评价并不完全一致。社区组织在基层治理", ...bodyLines],
    ]);
    for (const line of rest) expect(bodyOf(l)).not.toContain(line);
    expect(notesOf(l)).toEqual(expect.arrayContaining(rest));
  });
  it("reads a line set wider than the body that finishes its sentence, at the foot of a page whose notes have not appeared, as a note's end", () => {
    const gloss = "基础级移动服务的资费降至人均每月可支配收入的百分之二以下。";
    const { layout: l } = laidOut([
      [...bodyLines, "城市的数据中心建设速度明显加快。①推进数字公共文", gloss],
      ["化基础设施的建设，促进构建卫生健康共同体。", ...bodyLines],
    ]);
    expect(notesOf(l)).toContain(gloss);
    expect(bodyOf(l)).toContain("化基础设施的建设，促进构建卫生健康共同体。");
  });
  it("does not take a date opening a note's carried-over line for the rest of the address the body left open", () => {
    const carried = " 22日，https://www.example-institute.org/publications/brief_15676.pdf。";
    const { layout: l } = laidOut(
      [
        [...bodyLines, "城市的数据中心建设速度明显加快。①相关数据可在", "http://www.example.org/data/2021-05", "①", " 《跨境数据流动的制度设计》，示例研究院网站，2023年12月"],
        [carried, " /report.htm查阅。地方政府与流域机构之间的协调始", "终是难点，研究者对治理模式的评价并不完全一致。"],
      ],
      " ",
    );
    expect(notesOf(l)).toContain(carried.trim());
    expect(bodyOf(l)).toContain("/report.htm查阅。地方政府与流域机构之间的协调始");
  });
  /** A page whose last note breaks off, then the next page's running head and the address lines given. */
  const afterUnfinishedNoteAndRunningHead = (address: string[]) =>
    laidOut(
      [
        [...bodyLines, "城市的数据中心建设速度明显加快。①相关数据", "①", "林卫东：《数字时代的公共规则》，山川书局2008年版，第"],
        ["区域治理评论　2023年第6期　60", ...address, "", " 325页。"],
      ],
      " ",
    ).layout;
  it("keeps a line that runs a Chinese word straight into a web address in the body, after the page's unfinished last note and a running head", () => {
    const address = ["可在http://www.example.org/data/2021-05\uFFE3", "/report.htm查阅。"];
    const l = afterUnfinishedNoteAndRunningHead(address);
    for (const line of address) expect(bodyOf(l)).toContain(line);
    for (const line of address) expect(notesOf(l)).not.toContain(line);
  });
  it("keeps such an address line in the body when its Latin glyphs make it read wider than the body", () => {
    const address = ["可在http://www.example.org/data/2021-05/annual-report\uFFE3", "s/index.htm查阅。"];
    const l = afterUnfinishedNoteAndRunningHead(address);
    for (const line of address) expect(bodyOf(l)).toContain(line);
  });
});

describe("layoutPages: a page's notes after a heading or page furniture", () => {
  const body = PAGE_CALLING_TWO_NOTES;
  const notesOf = (text: string[]) => {
    const model = fitWidthModel(text);
    return layoutPages({ lines: text, bodyStart: 0, title: null, model }).pages.flatMap((p) => p.notes.map((n) => n.raw.trim()));
  };

  it("takes a block after a heading for notes: a heading leaves no sentence for it to finish", () => {
    const text = [...body, "（一）外部环境的变化", " 同", "即流域内各级机构共同参与的协商机制。", "同上。", "189"];
    expect(notesOf(text)).toEqual(["同", "即流域内各级机构共同参与的协商机制。", "同上。"]);
  });

  it("keeps a paragraph's one line after a heading in the body, though on a text this short the fitted measure reads it as wide", () => {
    const line = "近年来的实践表明跨区域合作可以降低成本，研究者对治理模式的评价并不完全一致。";
    const text = ["流域治理的制度演变：比较与启示", "", "周若溪", "", "内容提要：港口城市的数据中心建设速度明显加快，制度创新往往来自对具体问题的持续回应。水资源分配", "", "规则需要兼顾上下游的不同利益，研究者对治理模式的评价并不完全一致。", "", "", "", " 2007年4月，财政投入的稳定性决定了项目能否长期运行，海底光缆的维护需要多国共同承担。①", "", "一、外部环境的变化", "", "水资源分配规则需要兼顾上下游的不同利益，研究者对治理模式的评价并不完全一致。", "", "二、主要发现", "", line, "", "① 笔者在调研中也观察到类似现象。", "", ""];
    // The whole parse, whose width model leaves out the lines that end a sentence: here only the title and two lines.
    const draft = parseDocument({ bytes: new TextEncoder().encode(text.join("\n")), fileName: "short.txt" });
    expect(JSON.stringify(draft.paragraphs)).toContain(line);
  });

  it("takes a line that closes a title no sentence opened and ends there, after a finished sentence, for a note's end", () => {
    const text = [...body, "会开幕式上的讲话（摘要）》。", "② 《数据主权：理论与方法》，世界数据交易会网站，2021年9月28日。", "189"];
    expect(notesOf(text)).toContain("会开幕式上的讲话（摘要）》。");
  });

  it("takes the lines between the page's label list and the next page's furniture for notes, though the body broke off", () => {
    const broken = [...body.slice(0, 4), "心建设速度明显加快，社区组织在基层治理中发挥了积①"];
    const text = [...broken, "①", " 府网，2022年7月12日，http://www.gov.cn", " 139", "极作用。", ...body];
    expect(notesOf(text)).toEqual(["府网，2022年7月12日，http://www.gov.cn"]);
  });

  it("takes a line opened on its own that stops on a bare http:// the next page's text does not go on with for a note cut at the page's foot", () => {
    const broken = [...body.slice(0, 4), "心建设速度明显加快，社区组织在基层治理中发挥了积①"];
    const text = [...broken, " 《标准竞争与合作》，新华网，2012年7月1日，http://", " 极作用，评估体系的完善有助于及时纠正政策偏差。", ...body];
    expect(notesOf(text)).toEqual(["《标准竞争与合作》，新华网，2012年7月1日，http://"]);
  });

  it("takes a line too short for a paragraph after a heading, at the foot of a page whose notes have not appeared, for a note's end", () => {
    const text = [...body, "（一）理论意义", "的主张。"];
    expect(notesOf(text)).toEqual(["的主张。"]);
  });

  it("takes a line that closes an unopened title like a citation, past a folio printed between body and notes, for a note's tail", () => {
    const text = [...body, "", "242", "", "的公共规则》，山川书局2010年版，第97页。", ""];
    expect(notesOf(text)).toEqual(["的公共规则》，山川书局2010年版，第97页。"]);
  });

  it("finds the end of the page before's unfinished note after a heading at the page's foot", () => {
    const first = [...body, "", "① 参见沈一帆：《基层协商的实践逻辑》，载《信息社会研究》2019年第6期。", "", "② 《基层协商的实践逻辑》，示例研究院网站，2017年9月8日，https://www.example.org/brief_180", ""];
    const text = [...first, "165 区域治理评论　2023年第6期", " 2013年7月，财政投入的稳定性决定了项目能否长期运行。", "", "（一）经验与启示", "", " 15.pdf。", "", "166"];
    expect(notesOf(text)).toContain("15.pdf。");
  });
});

describe("layoutPages: between a label list and a marked page break", () => {
  it("takes the text between the page's label list and a form feed for notes, though the body broke off mid-sentence", () => {
    const body = [
      "数字治理的制度安排经历了漫长的演变过程，研究者对",
      "治理模式的评价并不完全一致，农村地区的宽带覆盖仍",
      "然参差不齐，公开程度影响参与的质量。①监测数据的",
      "公开程度直接影响公众参与的质量，港口城市的数据中②",
      "心建设速度明显加快，社区组织发挥了积极作用。高明远",
    ];
    const notes = [" 笔者在调研中也观察到类似现象。", "参见高明远：《流域治理的比较研究》，载《公共政"];
    const text = [...body, "①", "②", ...notes, "在《标准竞争与合作》中指出，地方政府与流域机", "构之间的协调始终是难点。"];
    const model = fitWidthModel(text);
    const pages = layoutPages({ lines: text, bodyStart: 0, title: null, model, pageBreaks: new Set([9]) }).pages;
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([8, 9]);
    expect(pages[1]!.body.map((l) => l.lineNo)).toEqual([10, 11]);
  });

  it("takes the text between the page's label list and its folio, a blank run after it, for notes, though the body broke off mid-sentence", () => {
    const body = [
      "数字治理的制度安排经历了漫长的演变过程，研究者对",
      "治理模式的评价并不完全一致，农村地区的宽带覆盖仍",
      "然参差不齐，公开程度影响参与的质量。①监测数据的",
      "公开程度直接影响公众参与的质量，港口城市的数据中",
    ];
    const text = [...body, "①", " 网，2016年4月19日，http://www.gov.cn/x/5067705.htm。", "15", "", "", "", "心建设速度明显加快，社区组织发挥了积极作用。"];
    const model = fitWidthModel(text);
    const pages = layoutPages({ lines: text, bodyStart: 0, title: null, model }).pages;
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([6]);
    expect(pages[1]!.body.map((l) => l.lineNo)).toEqual([11]);
  });
});

describe("layoutPages: Latin widths in a note block", () => {
  it("does not take a line with Latin words that reads as exactly full for body text when the block has a line wider than the body", () => {
    const body = [
      "数字治理的制度安排经历了漫长的演变过程，研究者对",
      "治理模式的评价并不完全一致，农村地区的宽带覆盖仍",
      "然参差不齐，公开程度影响参与的质量。监测数据的公",
      "开程度直接影响公众参与的质量，港口城市的数据中心",
      "建设速度明显加快，社区组织发挥了积极作用①，在全",
    ];
    const note = [" 联合国数字合作与发展委员会（Broadband Commission for Sustainable", "Development Goals）提出，到2025年，要将成本降至"];
    const text = [...body, "", "①", "", ...note, "", "", "", "球教育、公共卫生、性别平等等领域发挥作用。"];
    const model = fitWidthModel(text);
    const pages = layoutPages({ lines: text, bodyStart: 0, title: null, model }).pages;
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([9, 10]);
  });
});

describe("layoutPages: a block too short to be a page", () => {
  it("takes a block opened on its own between a sentence the page broke off and the page break for the page's notes", () => {
    const body = [
      "数字治理的制度安排经历了漫长的演变过程，研究者对",
      "治理模式的评价并不完全一致，农村地区的宽带覆盖仍",
      "然参差不齐，公开程度影响参与的质量。①监测数据的",
      "公开程度直接影响公众参与的质量，港口城市的数据中",
    ];
    const next = ["心建设速度明显加快，社区组织发挥了积极作用。社区", "组织在基层治理中发挥了积极作用，评估体系有助于纠", "正政策偏差。"];
    const text = [...body, " 此处的统计口径与前文相同。", "", "", "", ...next];
    const model = fitWidthModel(text);
    const pages = layoutPages({ lines: text, bodyStart: 0, title: null, model }).pages;
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([5]);
    expect(pages[1]!.body.map((l) => l.lineNo)).toEqual([9, 10, 11]);
  });

  it("takes a block opened on its own that the next page's block, glued on, ends after one line for the page's notes, finished or not", () => {
    const body = [
      "数字治理的制度安排经历了漫长的演变过程，研究者对",
      "治理模式的评价并不完全一致，农村地区的宽带覆盖仍",
      "然参差不齐，公开程度影响参与的质量。①监测数据的",
      "公开程度直接影响公众参与的质量，港口城市的数据中",
    ];
    const next = [" 心建设速度明显加快，社区组织发挥了积极作用。社区", "组织在基层治理中发挥了积极作用，评估体系有助于纠", "正政策偏差。"];
    const text = [...body, "", " 联合国宽带委员会（Broadband Commission for", ...next];
    const model = fitWidthModel(text);
    const pages = layoutPages({ lines: text, bodyStart: 0, title: null, model }).pages;
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([6]);
    expect(pages[1]!.body.map((l) => l.lineNo)).toEqual([7, 8, 9]);
  });
});

describe("layoutPages: a line that stops short mid-sentence before a full one", () => {
  const body = PAGE_CALLING_TWO_NOTES;
  const next = [" 二、余论", "专家委员会的意见并未完全被采纳，流域治理的制度", "安排经历了漫长的演变过程。"];
  const laidOut = (notes: string[]) => {
    const text = [...body, ...notes, ...next];
    return layoutPages({ lines: text, bodyStart: 0, title: null, model: fitWidthModel(text) }).pages;
  };

  it("reads it as a note cut short, and the full line after it as the next note, at a page's foot", () => {
    const pages = laidOut([" 高明远：《标准竞争与", "参见唐可为：《海洋空间的秩序》，载《信息社会研"]);
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([6, 7]);
    expect(pages[1]!.body.map((l) => l.raw)).toEqual(next);
  });

  it("leaves a paragraph that opens with an unnumbered heading-like line and a full line in the body", () => {
    const pages = laidOut([" 数字治理的新阶段", "农村地区的宽带覆盖仍然参差不齐，公开程度影响参与"]);
    expect(pages[0]!.notes).toEqual([]);
  });
});

describe("layoutPages: a note's tail before the labelled notes", () => {
  describe("leaves a web address that goes on a body sentence in the body at a page's foot whose notes are missing", () => {
    const body = [
      "数字治理的制度安排经历了漫长的演变过程，研究者对",
      "治理模式的评价并不完全一致，农村地区的宽带覆盖仍",
      "然参差不齐，公开程度影响参与的质量。①监测数据的",
      "公开程度直接影响公众参与的质量，港口城市的数据中",
    ];
    const next = ["查阅。社区组织在基层治理中发挥了积极作用，评估体", "系的完善有助于及时纠正政策偏差。"];
    const bodyAt = (last: string, address: string) => {
      const text = [...body, last, address, "", "", "", ...next];
      return layoutPages({ lines: text, bodyStart: 0, title: null, model: fitWidthModel(text) }).pages[0]!.body.map((l) => l.lineNo);
    };
    it("when the line before left the address open", () => {
      expect(bodyAt("心建设速度明显加快，相关数据可在http://", "www.example.org/data/2021-05/annual/statistics/report.htm。")).toEqual([1, 2, 3, 4, 5, 6]);
    });
    it("when the line ends in the line-break hyphen", () => {
      expect(bodyAt("心建设速度明显加快，相关数据均可在", "http://www.example.org/data/2021-05/annual/statistics/report.\uFFE3")).toEqual([1, 2, 3, 4, 5, 6]);
    });
  });

  it("takes the wider lines above a note's reclaimed last line at a page's foot with it", () => {
    const body = [
      "数字治理的制度安排经历了漫长的演变过程，研究者对",
      "治理模式的评价并不完全一致，农村地区的宽带覆盖仍",
      "然参差不齐，公开程度影响参与的质量。①监测数据的",
      "公开程度直接影响公众参与的质量，港口城市的数据中",
      "心建设速度明显加快，社区组织发挥了积极作用。",
    ];
    const tail = ["府网，2022年7月12日，http://www.gov.cn/xinwen/2016-09/08/", "content_6128437.htm。"];
    const next = ["（一）理论意义", "  港口城市的数据中心建设速度明显加快，社区组织", "发挥了积极作用，评估体系有助于纠正偏差。"];
    const text = [...body, ...tail, "8", "", "", "", ...next];
    const model = fitWidthModel(text);
    const pages = layoutPages({ lines: text, bodyStart: 0, title: null, model }).pages;
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([6, 7]);
    expect(pages[0]!.body.map((l) => l.lineNo)).toEqual([1, 2, 3, 4, 5]);
  });

  it("leaves the body's last line, cut mid-sentence by the page turn, in the body when it is not wider than a body line", () => {
    const body = [
      ...PAGE_CALLING_TWO_NOTES,
      "网络空间治理的三个支柱各有侧重，从目标",
    ];
    const text = [...body, "网站，2022年11月7日，http://www.example.org/a.htm。", "② 《甲书》，某出版社二〇〇一年版，第十二页至第十五页。"];
    const model = fitWidthModel(text);
    const pages = layoutPages({ lines: text, bodyStart: 0, title: null, model }).pages;
    expect(pages[0]!.body.map((l) => l.lineNo)).toContain(6);
  });
});

describe("layoutPages: a web address that opens the next page's block", () => {
  it("keeps an address opening a block glued on after a body sentence that broke off on a Chinese word in the body, at the text's end", () => {
    const body = [
      "数字治理的制度安排经历了漫长的演变过程，研究者对",
      "治理模式的评价并不完全一致，农村地区的宽带覆盖仍",
      "然参差不齐，公开程度影响参与的质量。①监测数据的",
      "公开程度直接影响公众参与的质量，相关数据可在",
    ];
    const text = [...body, "", " http://www.example.org/data/2021-05/report/i", "ndex.htm查阅。", "", "示例标题 124"];
    const model = fitWidthModel(text);
    const pages = layoutPages({ lines: text, bodyStart: 0, title: "示例标题", model }).pages;
    expect(pages.flatMap((p) => p.notes.map((l) => l.lineNo))).toEqual([]);
    expect(pages.flatMap((p) => p.body.map((l) => l.lineNo))).toEqual([1, 2, 3, 4, 6, 7]);
  });
});

describe("layoutPages: a block that opens with a heading", () => {
  const body = PAGE_CALLING_TWO_NOTES;
  const laidOut = (text: string[]) => {
    const model = fitWidthModel(text);
    const pages = layoutPages({ lines: text, bodyStart: 0, title: "示例标题", model }).pages;
    return { body: pages.flatMap((p) => p.body.map((l) => l.raw.trim())), notes: pages.flatMap((p) => p.notes.map((l) => l.raw.trim())) };
  };

  it("keeps a heading glued on at the foot of a page whose notes are missing in the body (only the body has headings)", () => {
    const { body: kept, notes } = laidOut([...body, " （一）制度的起源", "179 示例标题"]);
    expect(kept).toContain("（一）制度的起源");
    expect(notes).toEqual([]);
  });

  it("keeps a heading glued on after the page's label list, whose texts are all missing, in the body", () => {
    const { body: kept, notes } = laidOut([...body, "", "①", "", "②", " （一）制度的起源", ""]);
    expect(kept).toContain("（一）制度的起源");
    expect(notes).toEqual([]);
  });
});

describe("layoutPages: a note that lost its start before the page's later labelled notes", () => {
  const body = [
    "数字治理的制度安排经历了漫长的演变过程，研究者对",
    "治理模式的评价并不完全一致，农村地区的宽带覆盖仍",
    "然参差不齐，公开程度影响参与的质量。①监测数据的",
    "公开程度直接影响公众参与的质量，港口城市的数据中",
    "心建设速度明显加快，社区组织发挥了积极作用。②评",
    "估体系的完善有助于及时纠正政策偏差，研究者对治理",
  ];
  const laidOut = (text: string[], pageBreaks?: Set<number>) => {
    const model = fitWidthModel(text);
    const pages = layoutPages({ lines: text, bodyStart: 0, title: null, model, pageBreaks }).pages;
    return { body: pages.flatMap((p) => p.body.map((l) => l.raw.trim())), notes: pages.flatMap((p) => p.notes.map((l) => l.raw.trim())) };
  };

  it("takes a line closing like a citation, after a sentence the page cut and before the labelled note of the page's second marker, for the first note's end", () => {
    const { body: kept, notes } = laidOut([...body, "版社2002年版，第103页。", "② 同上，第230页。", "模式的评价并不完全一致。"], new Set([body.length + 2]));
    expect(notes).toEqual(["版社2002年版，第103页。", "② 同上，第230页。"]);
    expect(kept).toContain("模式的评价并不完全一致。");
  });

  it("leaves such a line in the body when the labelled notes that follow start with the page's first marker", () => {
    const { body: kept } = laidOut([...body, "模式的评价并不完全一致，参见该书第103页。", "① 同上，第230页。", "② 同上。"]);
    expect(kept).toContain("模式的评价并不完全一致，参见该书第103页。");
  });
});

describe("layoutPages: a note's surviving end where a glued page opens", () => {
  it("takes a line closing like a citation at the foot of a page whose notes are missing, before a page the extraction glued on with a leading space, for the note's end", () => {
    const body = [
      "数字治理的制度安排经历了漫长的演变过程，研究者对",
      "治理模式的评价并不完全一致，农村地区的宽带覆盖仍",
      "然参差不齐，公开程度影响参与的质量。①监测数据的",
      "公开程度直接影响公众参与的质量。",
      "港口城市的数据中心建设速度明显加快，社区组织在基",
    ];
    const next = [" 层治理中发挥了积极作用。社区组织在基层治理中发挥了", "用，评估体系有助于纠正政策偏差。"];
    const text = [...body, "学出版社2007年版，第100页。", ...next];
    const model = fitWidthModel(text);
    const pages = layoutPages({ lines: text, bodyStart: 0, title: null, model }).pages;
    expect(pages.flatMap((p) => p.notes.map((l) => l.lineNo))).toEqual([6]);
    expect(pages.flatMap((p) => p.body.map((l) => l.lineNo))).toEqual([1, 2, 3, 4, 5, 7, 8]);
  });
});

describe("layoutPages: a block too short to be a page, ended by a marked page break", () => {
  const body = [
    "数字治理的制度安排经历了漫长的演变过程，研究者对",
    "治理模式的评价并不完全一致，农村地区的宽带覆盖仍",
    "然参差不齐，公开程度影响参与的质量。①监测数据的",
    "公开程度直接影响公众参与的质量，港口城市的数据中",
  ];
  const next = ["心建设速度明显加快，社区组织发挥了积极作用。社区", "组织在基层治理中发挥了积极作用，评估体系有助于纠", "正政策偏差。"];
  const laidOut = (text: string[]) => {
    const model = fitWidthModel(text);
    return layoutPages({ lines: text, bodyStart: 0, title: "示例标题", model }).pages;
  };

  it("takes a block opened on its own whose truncated line reads as full mid-sentence for the page's notes", () => {
    const pages = laidOut([...body, "", " 《示例机构关于数字治理合作的致贺信》，示例新华", "", "《示例论坛闭幕式上的讲话》，中", "", "", "", ...next]);
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([6, 8]);
    expect(pages[1]!.body.map((l) => l.lineNo)).toEqual([12, 13, 14]);
  });

  it("takes a line after the page's running head and folio, before a blank run, for the page's notes though the body broke off", () => {
    const pages = laidOut([...body, "示例标题", "４４２", "府网，2016年4月19日，http://www.gov.cn/x/5067705.htm。", "", "", "", ...next]);
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([7]);
    expect(pages[1]!.body.map((l) => l.lineNo)).toEqual([11, 12, 13]);
  });
});

describe("layoutPages: after a label list, a block too short to be a page", () => {
  it("takes a one-line block after the label list, which another block opened on its own ends, for the page's notes though the body broke off", () => {
    const body = [
      "数字治理的制度安排经历了漫长的演变过程，研究者对",
      "治理模式的评价并不完全一致，农村地区的宽带覆盖仍",
      "然参差不齐，公开程度影响参与的质量。①监测数据的",
      "公开程度直接影响公众参与的质量，专家委员会的意见并未",
    ];
    const text = [...body, "", "①", " 笔者在调研中也观察到类似现象。", " 完全被采纳。", "", "一　制度约束的来源", "", "港口城市的数据中心建设速度明显加快，社区组织发挥了积极作用。"];
    const model = fitWidthModel(text);
    const pages = layoutPages({ lines: text, bodyStart: 0, title: null, model }).pages;
    expect(pages.flatMap((p) => p.notes.map((l) => l.lineNo))).toEqual([7]);
    expect(pages.flatMap((p) => p.body.map((l) => l.lineNo))).toEqual([1, 2, 3, 4, 8, 10, 12]);
  });
});

describe("layoutPages: a block too short to be a page, ended by page furniture", () => {
  const body = [
    "数字治理的制度安排经历了漫长的演变过程，研究者对",
    "治理模式的评价并不完全一致，农村地区的宽带覆盖仍",
    "然参差不齐，公开程度影响参与的质量。①监测数据的",
    "公开程度直接影响公众参与的质量，港口城市的数据中",
  ];
  // Furniture at the foot of each page; the next page glued on with a leading space.
  const foot = (folio: string) => ["区域治理评论　2023年第6期", folio];
  const laidOut = (text: string[]) => {
    const model = fitWidthModel(text);
    return layoutPages({ lines: text, bodyStart: 0, title: null, model }).pages;
  };

  it("takes a block opened on its own after a sentence the page broke off, ended by the page's furniture with a page after the next, for the page's notes though a line reads as full", () => {
    const notes = [" p.166.", "", "《示例机构关于数字治理合作的报告》，示例政府网，"];
    const next = [" 心建设速度明显加快。", "", " http://www.gov.cn/xinwen/2004-03/content_5712988.htm。"];
    const pages = laidOut([...body, "", ...notes, "", ...foot("２４０"), ...next, "", ...foot("２４１")]);
    expect(pages.flatMap((p) => p.notes.map((l) => l.lineNo))).toEqual([6, 8, 14]);
    expect(pages.flatMap((p) => p.body.map((l) => l.lineNo))).toEqual([1, 2, 3, 4, 12]);
  });

  it("keeps such a block in the body when no page is marked after the text past the furniture: it may be the last page's body, its furniture printed between its body and its notes", () => {
    const last = [" 心建设速度明显加快，社区组织在基层治理中发挥了积极", "作用。"];
    const pages = laidOut([...body, "", ...last, "", ...foot("２４０"), " 此处的统计口径与前文相同。"]);
    // (The one line after the furniture, the text's last, is read as body too: the essay may end there.)
    expect(pages.flatMap((p) => p.body.map((l) => l.lineNo)).slice(0, 6)).toEqual([1, 2, 3, 4, 6, 7]);
  });
});

describe("layoutPages: the text's last page, between two runs of page furniture", () => {
  it("keeps the only text between a page's foot furniture and the text's last furniture in the body, though the page before calls notes that never appeared", () => {
    const finished = [...PAGE_CALLING_TWO_NOTES.slice(0, 4), "心建设速度明显加快，社区组织发挥了积极作用。"];
    const foot = (folio: string) => ["区域治理评论　2023年第6期", folio];
    // The last page's paragraph opens with its 2-em indent (which the extraction dropped) and ends one line on.
    const last = [" 监测数据的公开程度直接影响公众参与的质量，", "标准组织内部的表决程序日益透明。"];
    const text = [...finished, ...foot("２４０"), ...last, ...foot("２４１")];
    const model = fitWidthModel(text);
    const pages = layoutPages({ lines: text, bodyStart: 0, title: null, model }).pages;
    expect(pages.flatMap((p) => p.notes.map((l) => l.lineNo))).toEqual([]);
    expect(pages.flatMap((p) => p.body.map((l) => l.lineNo))).toEqual([1, 2, 3, 4, 5, 8, 9]);
  });
});

describe("layoutPages: the text's only furniture, after the first page's label list", () => {
  it("keeps the one block between the label list and the text's only furniture in the body: the next page's, glued on unmarked", () => {
    // The first page's notes are all lost (their label list alone is printed) and it prints no furniture; the last
    // page, glued on with a leading space, holds one short paragraph and the text's only running head and folio.
    const text = [...PAGE_CALLING_TWO_NOTES, "", "①", "②", " 监测数据的公开程度直接影响公众参与的质量。", "", "区域治理评论　2023年第6期", "２４１"];
    const model = fitWidthModel(text);
    const pages = layoutPages({ lines: text, bodyStart: 0, title: null, model }).pages;
    expect(pages.flatMap((p) => p.notes.map((l) => l.lineNo))).toEqual([]);
    expect(pages.map((p) => p.body.map((l) => l.lineNo))).toEqual([[1, 2, 3, 4, 5], [9]]);
  });

  it("leaves that block in the notes when a page was marked before it (the label list may be the last page's)", () => {
    const text = [...PAGE_CALLING_TWO_NOTES, "", "", "", ...PAGE_CALLING_TWO_NOTES, "", "①", "②", " 监测数据的公开程度直接影响公众参与的质量。", "", "区域治理评论　2023年第6期", "２４１"];
    const model = fitWidthModel(text);
    const pages = layoutPages({ lines: text, bodyStart: 0, title: null, model }).pages;
    expect(pages.flatMap((p) => p.notes.map((l) => l.lineNo))).toEqual([17]);
  });
});

describe("layoutPages: a short line finishing a sentence at a page's foot, after a line the page cut mid-sentence", () => {
  // A page calling ① and ②, its last body line cut mid-sentence; then a short line that finishes a sentence, the
  // page's note ② with its label, and (after a form feed) the next page.
  const page = [...PAGE_CALLING_TWO_NOTES, "专家委员会的意见并未完全采纳，流域治理的制度安排"];
  const short = "即由上下游地区分别承担的成本。";
  const laidOut = (noteLabel: string, next: string[]) => {
    const lines = [...page, short, `${noteLabel}　《数字时代的公共规则》，人民网，2014年8月15日。`, ...next];
    const model = fitWidthModel(lines);
    return layoutPages({ lines, bodyStart: 0, title: null, model, pageBreaks: new Set([page.length + 2]) }).pages;
  };

  it("is a note that lost its start when the next page goes on with a full line: the cut sentence runs on overleaf", () => {
    const pages = laidOut("②", ["经历了漫长的演变过程，水资源分配规则需要兼顾上下", "游的不同利益。"]);
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([7, 8]);
    expect(pages.flatMap((p) => p.body.map((l) => l.lineNo))).toEqual([1, 2, 3, 4, 5, 6, 9, 10]);
  });

  it("is a note too when another text that lost its start stands between it and the labelled notes", () => {
    const lines = [...page, short, "网，2019年3月26日，http://www.gov.cn/xinwen/2015-02/17/content_4691358.htm。", "②　《数字时代的公共规则》，人民网，2014年8月15日。", "经历了漫长的演变过程，水资源分配规则需要兼顾上下", "游的不同利益。"];
    const pages = layoutPages({ lines, bodyStart: 0, title: null, model: fitWidthModel(lines), pageBreaks: new Set([page.length + 3]) }).pages;
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([7, 8, 9]);
  });

  it("stays the body's last line when the next page opens a paragraph (a first line short by its indent)", () => {
    const pages = laidOut("②", ["水资源分配规则需要兼顾上下游的不同利益，港口", "城市的数据中心建设速度明显加快。"]);
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([8]);
    expect(pages[0]!.body.map((l) => l.lineNo)).toContain(7);
  });

  it("stays the body's last line when the next page's first line reads full only with its comma and marker hanging past the measure", () => {
    // A first line short by its 2-em indent, whose comma and marker did not fit and hung: it reads 0.5 em short.
    const opening = "监测数据的公开程度直接影响公众参与的质量港口，①";
    expect(Array.from(opening.slice(0, -2)).length).toBe(22);
    const pages = laidOut("②", [opening, "市的数据中心建设速度明显加快。"]);
    expect(pages[0]!.body.map((l) => l.lineNo)).toContain(7);
  });

  it("reads the next page's first line against the pages' own full lines, not a fitted measure an indent too narrow", () => {
    // As a short text's fallback fit may set it: the measure at 22 em where the body's full lines are 24 em, so an
    // indented first line (22 em of text) reads as full by the model and 2 em short by the lines around it.
    const model = { weights: PRIOR_WIDTHS, measure: 22, spread: 1 };
    const lines = [...page, short, "②　《数字时代的公共规则》，人民网，2014年8月15日。", "水资源分配规则需要兼顾上下游的不同利益港口城", "市的数据中心建设速度明显加快。"];
    expect(Array.from(lines[8]!).length).toBe(22);
    const pages = layoutPages({ lines, bodyStart: 0, title: null, model, pageBreaks: new Set([page.length + 2]) }).pages;
    expect(pages[0]!.body.map((l) => l.lineNo)).toContain(7);
  });

  it("is a note when the next page's first line ends on a comma and, read without it, still fills the measure", () => {
    // Issue 11, invented circled 241001049 (a dev range), on our own text: 23 em of text and a comma that fitted. An
    // indented first line whose comma hung past the measure would read, without it, 2 em short.
    const opening = "经历了漫长的演变过程，水资源分配规则需要兼顾上，";
    expect(Array.from(opening).length).toBe(24);
    const pages = laidOut("②", [opening, "下游的不同利益。"]);
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([7, 8]);
  });

  it("stays the body's last line when the next page's first line ends on a comma that hung past an indented first line's measure", () => {
    const opening = "水资源分配规则需要兼顾上下游的不同利益港口城，";
    expect(Array.from(opening).length).toBe(23);
    const pages = laidOut("②", [opening, "市的数据中心建设速度明显加快。"]);
    expect(pages[0]!.body.map((l) => l.lineNo)).toContain(7);
  });

  it("stays the body's last line when the next page's first line reads full only with a run of two closing marks hanging past an indented first line's measure", () => {
    // Issue 11, corpus-001 re-typeset circled 249300011, on our own text: a paragraph's first line, 22 em of text after
    // its dropped 2-em indent, and `”。` both hung. Read without its `。` alone it reads 1 em short, as a full line would.
    const opening = "水资源分配规则兼顾“上下游的不同利益港口城市”。";
    expect(Array.from(opening.slice(0, -2)).length).toBe(22);
    const pages = laidOut("②", [opening, "市的数据中心建设速度明显加快。"]);
    expect(pages[0]!.body.map((l) => l.lineNo)).toContain(7);
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([8]);
  });

  it("is a note when the next page's first line fills the measure up to its closing quote and only its last mark hung", () => {
    // 23 em of text and `”` fill the measure, `。` hung: read without the whole run, 1 em short, no first line.
    const opening = "经历了漫长的演变过程，水资源分配“规则需要兼顾”。";
    expect(Array.from(opening.slice(0, -1)).length).toBe(24);
    const pages = laidOut("②", [opening, "游的不同利益。"]);
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([7, 8]);
  });

  it("is a note when the line the page cut mid-sentence is a paragraph's first line, short by its indent, under a heading", () => {
    // Issue 11, invented circled 241001155 (a dev range), on our own text: a heading, the paragraph's first line (22 em,
    // cut by the page turn), then `上。` and the page's note ②; the next page goes on with a full line.
    const lines = [...PAGE_CALLING_TWO_NOTES, "二、外部环境的变化", "研究者对治理模式的评价并不完全一致，专家委员", "上。", "②　《数字时代的公共规则》，人民网，2014年8月15日。"];
    const next = ["会的意见并未完全被地方政府与流域机构之间的协调采", "纳，农村地区的宽带覆盖仍然参差不齐。"];
    const pageBreaks = new Set([lines.length]);
    // (A fit as close as a longer text's: its tolerance, 1.5 em, under the indent.)
    const model = { weights: PRIOR_WIDTHS, measure: 24, spread: 0.5 };
    const pages = layoutPages({ lines: [...lines, ...next], bodyStart: 0, title: null, model, pageBreaks }).pages;
    expect(pages[0]!.notes.map((l) => l.lineNo)).toEqual([8, 9]);
    // When the next page opens a paragraph, `上。` ended one: the body's.
    const opened = ["气候适应规划逐步进入地方议程，农村地区的宽带", "覆盖仍然参差不齐。"];
    const kept = layoutPages({ lines: [...lines, ...opened], bodyStart: 0, title: null, model, pageBreaks }).pages;
    expect(kept[0]!.body.map((l) => l.lineNo)).toContain(8);
  });

  it("stays the body's when the page's labelled notes open at its first marker: no note of the page lost its start", () => {
    const pages = laidOut("①", ["经历了漫长的演变过程，水资源分配规则需要兼顾上下", "游的不同利益。"]);
    expect(pages[0]!.body.map((l) => l.lineNo)).toContain(7);
  });
});

describe("layoutPages: one line too short to be a paragraph, past the page's furniture", () => {
  const foot = ["区域治理评论　2023年第6期", "２４０"];
  const laidOut = (text: string[]) => layoutPages({ lines: text, bodyStart: 0, title: null, model: fitWidthModel(text) }).pages;

  it("is what is left of a note when the page's body finished its sentence and none of its notes appeared", () => {
    const pages = laidOut([...PAGE_CALLING_TWO_NOTES, ...foot, "上。"]);
    expect(pages.flatMap((p) => p.notes.map((l) => l.lineNo))).toEqual([8]);
    expect(pages.flatMap((p) => p.body.map((l) => l.lineNo))).toEqual([1, 2, 3, 4, 5]);
  });

  it("finishes the body's sentence when the page broke it off", () => {
    const pages = laidOut([...PAGE_CALLING_TWO_NOTES.slice(0, 4), ...foot, "加快。"]);
    expect(pages.flatMap((p) => p.body.map((l) => l.lineNo))).toEqual([1, 2, 3, 4, 7]);
  });
});

describe("layoutPages: a note's surviving end at the page's foot, after a line the page cut mid-sentence", () => {
  it("takes lines set wider than the body, down to a last line that closes nothing on its own, for the note they end", () => {
    // The note lost its start; its lines are set at the note measure (wider than the body's 24 em) and it ends on the
    // rest of an address. Then the page's folio, and the next page goes on with the cut sentence.
    const tail = [
      "国政府网，2021年9月22日，http://www.gov.cn/xinwen/2017-11/05/cont",
      "ent_5638596.htm?lsRedirectHit=2056093122/22/content_5638596.htm?ls",
      "Hit=20560931。",
    ];
    const text = [...PAGE_CALLING_TWO_NOTES.slice(0, 4), ...tail, " ２０１", "心建设速度明显加快，社区组织发挥了积极作用。"];
    const pages = layoutPages({ lines: text, bodyStart: 0, title: null, model: fitWidthModel(text) }).pages;
    expect(pages.flatMap((p) => p.notes.map((l) => l.lineNo))).toEqual([5, 6, 7]);
    expect(pages.flatMap((p) => p.body.map((l) => l.lineNo))).toEqual([1, 2, 3, 4, 9]);
  });
});

describe("layoutPages: the text's last block, opened on its own after the page's finished body", () => {
  const foot = ["", "区域治理评论　2023年第6期", "２４０"];
  const laidOut = (text: string[]) => layoutPages({ lines: text, bodyStart: 0, title: null, model: fitWidthModel(text) }).pages;

  // A line of the body's measure (24 em) that stops mid-sentence: by its width, a full line running on overleaf.
  const cut = " 唐可为：《流域治理的比较研究》，海岸大学出版社2006年";

  it("is a note cut short when it stops mid-sentence, however full it reads: the essay does not end on an unfinished sentence", () => {
    const pages = laidOut([...PAGE_CALLING_TWO_NOTES, "", cut, ...foot]);
    expect(pages.flatMap((p) => p.notes.map((l) => l.lineNo))).toEqual([7]);
    expect(pages.flatMap((p) => p.body.map((l) => l.lineNo))).toEqual([1, 2, 3, 4, 5]);
  });

  it("stays the body's on a page that calls no notes", () => {
    const finished = [...PAGE_CALLING_TWO_NOTES.slice(0, 2), "然参差不齐，公开程度影响参与的质量。监测数据的", "公开程度直接影响公众参与的质量，港口城市的数据中", "心建设速度明显加快，社区组织发挥了积极作用。"];
    const pages = laidOut([...finished, "", cut, ...foot]);
    expect(pages.flatMap((p) => p.body.map((l) => l.lineNo))).toEqual([1, 2, 3, 4, 5, 7]);
  });
});

describe("layoutPages: pdftotext -layout, pages a form feed apart", () => {
  /** Pages a form feed apart, as pdftotext prints them (its -layout mode centres the folio under each page). */
  function formFed(pages: string[][]) {
    const printed = pages.map((page) => page.join("\n")).join("\n\f").split("\n");
    const pageBreaks = new Set(printed.flatMap((line, k) => (line.startsWith("\f") ? [k] : [])));
    const lines = printed.map((line) => line.replace(/\f/gu, ""));
    return layoutPages({ lines, bodyStart: 0, title: null, model: fitWidthModel(lines), pageBreaks });
  }
  const full = ["数字治理的制度安排经历了漫长的演变过程，研究者对治", "理模式的评价并不完全一致，农村地区的宽带覆盖仍然参", "差不齐，公开程度直接影响公众参与的质量，港口城市的"];
  const page1 = ["一、问题的提出", "    监测数据的公开程度直接影响公众参与的质量，不同", ...full, "数据中心建设速度明显加快。①社区组织发挥了积极作用。", "", "① 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第", "                         12"];
  const lastParagraph = ["    财政投入的稳定性决定了项目能否长期运行，地方政", ...full.slice(0, 2), "差不齐，气候适应规划逐步进入地方议程。"];
  const bodyOf = (l: ReturnType<typeof formFed>) => l.pages.flatMap((p) => p.body.map((n) => n.raw.trim()));
  const notesOf = (l: ReturnType<typeof formFed>) => l.pages.flatMap((p) => p.notes.map((n) => n.raw.trim()));

  it("reads a few indents by spaces, each after a heading, as paragraphs, and a blank run as space on the page: the page's last paragraph stays body", () => {
    const l = formFed([
      page1,
      ["二、分析框架", "    评估体系的完善有助于及时纠正政策偏差，即所谓“共", ...full, "同治理”①，社区组织在基层治理中发挥了积极作用。", "三、结论", ...lastParagraph, "", "", "", "", "194页。", "① 同上。", "                         13"],
    ]);
    expect(l.indentMarksParagraphs).toBe(true);
    expect(l.pages).toHaveLength(2);
    for (const line of lastParagraph) expect(bodyOf(l)).toContain(line.trim());
    expect(notesOf(l)).toContain("194页。");
  });

  it("still reads a one-space block at a page's foot as the extraction opening notes, not an indent", () => {
    const l = formFed([
      ["一、问题的提出", " 监测数据的公开程度直接影响公众参与的质量，不同", ...full, "数据中心建设速度明显加快。①社区组织发挥了积极作用。", " 周若溪：《流域治理的比较研究》，东方学术出版社2001年版。"],
      ["二、分析框架", "评估体系的完善有助于及时纠正政策偏差，即所谓“共", ...full, "同治理”①，社区组织在基层治理中发挥了积极作用。", " 此处的统计口径与前文相同。"],
    ]);
    expect(l.indentMarksParagraphs).toBe(false);
    expect(notesOf(l)).toContain("此处的统计口径与前文相同。");
  });

  it("reads a one-line indented paragraph after a finished sentence, right above the page's labelled notes, as body", () => {
    const oneLine = "    专家委员会的意见并未完全被采纳，社区组织发挥了积极作用。";
    const l = formFed([
      ["一、问题的提出", "    监测数据的公开程度直接影响公众参与的质量，不同", ...full, "数据中心建设速度明显加快。①社区组织发挥了积极作用。", oneLine, "① 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。", "                         12"],
      ["二、分析框架", ...lastParagraph, "                         13"],
    ]);
    expect(l.indentMarksParagraphs).toBe(true);
    expect(bodyOf(l)).toContain(oneLine.trim());
    expect(notesOf(l)).toEqual(["① 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。"]);
  });

  it("still reads a block opening at the margin past a blank run, above the page's labelled notes and weighing neither way, as the head of the notes", () => {
    const carried = "专家委员会的意见并未完全被采纳，社区组织发挥了积极作用。";
    const l = formFed([
      ["一、问题的提出", "    监测数据的公开程度直接影响公众参与的质量，不同", ...full, "数据中心建设速度明显加快。①社区组织发挥了积极作用。②", "", "", "", carried, "① 周若溪：《流域治理的比较研究》，东方学术出版社2001年版，第194页。", "                         12"],
      ["二、分析框架", ...lastParagraph, "                         13"],
    ]);
    expect(notesOf(l)).toContain(carried);
  });

  it("leaves a page's first line out of the share of indents after a sentence: the line above it is the page's running head", () => {
    // Every page opens on a paragraph's indent below its running head: were those counted, under nine in ten
    // indents would follow a sentence's end, and a paragraph of short sentences (each line ending one) that an
    // indent opens and another ends would read as a block of notes.
    const head = "区域治理评论 2023年第6期";
    const shortSentences = ["    标准组织内部的表决程序日益透明，近年来的实践表明。", "研究者对治理模式的评价并不完全一致，制度创新往往。", "标准组织内部的表决程序日益透明，监测数据的公开。"];
    const opening = ["    评估体系的完善有助于及时纠正政策偏差，即所谓“共", ...full, "同治理”，社区组织在基层治理中发挥了积极作用。"];
    const l = formFed([
      [...opening, ...shortSentences, ...lastParagraph, "                         12"],
      [head, ...opening, ...lastParagraph, "                         13"],
      [head, ...opening, ...lastParagraph, "                         14"],
    ]);
    expect(l.indentMarksParagraphs).toBe(true);
    for (const line of shortSentences) expect(bodyOf(l)).toContain(line.trim());
    expect(notesOf(l)).toEqual([]);
  });
});
