import { describe, expect, it } from "vitest";
import { parsePdfText } from "./parse-pdf-document";
import { pdfSourceLines } from "./pdf-source-lines";
import type { PdfLine, PdfPage, PdfText } from "./read-pdf-text";

/** Lines as read-pdf-text gives them, placed by hand: body 10.5 pt on an 18 pt pitch, notes 8 pt, headings 13 pt. */
const BODY = 10.5;
const LEFT = 60;
const line = (page: number, y: number, text: string, options: Partial<PdfLine> = {}): PdfLine => ({
  page,
  text,
  x: LEFT,
  y,
  width: Array.from(text).length * (options.fontSize ?? BODY),
  height: options.fontSize ?? BODY,
  fontSize: BODY,
  fontName: "f1",
  raised: [],
  ...options,
});
const page = (n: number, lines: PdfLine[]): PdfPage => ({ page: n, width: 500, height: 700, lines });
const roles = (pdf: PdfText) => {
  const source = pdfSourceLines(pdf);
  return source.text.split("\n").slice(0, -1).map((text, k) => `${source.geometry[k]!.role}${source.geometry[k]!.paragraphStart ? "+" : ""}:${text.replace(/\f/u, "").trim()}`);
};
const WORDS = "甲乙丙丁戊己庚辛壬癸";
const bodyRun = (n: number, from: number, count: number) => Array.from({ length: count }, (_, k) => line(n, from + 18 * k, `正文${WORDS[n]}${WORDS[k]}的文字，继续下去。`));

describe("pdfSourceLines", () => {
  it("takes folios and repeated running heads out as furniture, and the title on page 1 is not one", () => {
    const pdf: PdfText = {
      pages: [
        page(1, [line(1, 40, "数字空间的规则", { fontSize: 13 }), ...bodyRun(1, 80, 3), line(1, 660, "27")]),
        page(2, [line(2, 20, "区域治理评论　2023年第6期"), ...bodyRun(2, 80, 3), line(2, 660, "28")]),
        page(3, [line(3, 20, "区域治理评论　2023年第6期"), ...bodyRun(3, 80, 3), line(3, 660, "29")]),
      ],
    };
    const out = roles(pdf);
    expect(out.filter((r) => r.startsWith("folio:"))).toEqual(["folio:27", "folio:28", "folio:29"]);
    expect(out.filter((r) => r.startsWith("running-head:"))).toHaveLength(2);
    expect(out[0]).toBe("heading:数字空间的规则");
    const source = pdfSourceLines(pdf);
    expect(source.geometry.filter((g) => g.role === "folio").map((g) => g.folio)).toEqual(["27", "28", "29"]);
  });

  it("reads the run of smaller type at a page's foot as its note area, and an indented first line as a paragraph start", () => {
    const pdf: PdfText = {
      pages: [
        page(1, [
          line(1, 80, "第一段的开头，缩进两个字。", { x: LEFT + 2 * BODY }),
          line(1, 98, "第一段的第二行没有缩进，延续前文"),
          line(1, 116, "第二段的开头。", { x: LEFT + 2 * BODY }),
          line(1, 600, "① 参见《网络主权：理论与实践》。", { fontSize: 8 }),
          line(1, 612, "② 同上。", { fontSize: 8 }),
          line(1, 660, "27"),
        ]),
      ],
    };
    expect(roles(pdf)).toEqual([
      "body+:第一段的开头，缩进两个字。",
      "body:第一段的第二行没有缩进，延续前文",
      "body+:第二段的开头。",
      "note:① 参见《网络主权：理论与实践》。",
      "note:② 同上。",
      "folio:27",
    ]);
  });

  it("joins the lines of a wrapped heading, but not two headings one after the other", () => {
    const pdf: PdfText = {
      pages: [
        page(1, [
          ...bodyRun(1, 40, 3),
          line(1, 100, "一、数字治理合作理念的", { fontSize: 13 }),
          line(1, 122, "提出与发展", { fontSize: 13 }),
          line(1, 160, "（一）理念的提出", { fontSize: 13 }),
          line(1, 190, "正文。", { x: LEFT + 2 * BODY }),
        ]),
      ],
    };
    const out = roles(pdf);
    expect(out).toContain("heading:一、数字治理合作理念的提出与发展");
    expect(out).toContain("heading:（一）理念的提出");
  });

  it("keeps each line's box and raised runs, offset past the paragraph-start space", () => {
    const raised = line(1, 80, "延伸①，这是", { x: LEFT + 2 * BODY, raised: [{ offset: 2, text: "①" }] });
    const source = pdfSourceLines({ pages: [page(1, [raised, ...bodyRun(1, 98, 3)])] });
    expect(source.geometry[0]!.raised).toEqual([{ offset: 3, text: "①" }]);
    expect(source.text.split("\n")[0]!.slice(3, 4)).toBe("①");
    expect(source.geometry[0]!.boxes).toEqual([{ page: 1, x: LEFT + 2 * BODY, y: 80, width: raised.width, height: BODY }]);
  });
});

describe("parsePdfText", () => {
  const notesInBodySize: PdfText = {
    pages: [
      page(1, [
        line(1, 20, "数字空间的规则", { fontSize: 13 }),
        line(1, 60, "网络主权是国家主权在网络空间的延伸①，这是一个重要的概念。", { x: LEFT + 2 * BODY, raised: [{ offset: 17, text: "①" }] }),
        line(1, 78, "各国对此的理解并不相同，需要进一步讨论。"),
        line(1, 600, "① 参见《网络主权：理论与实践》，2019年。"),
        line(1, 660, "27"),
      ]),
    ],
  };
  it("says so, and reads the text as extracted text, when markers are raised but no note area is set smaller", () => {
    const draft = parsePdfText(notesInBodySize, { fileName: "same-size.pdf" });
    expect(draft.warnings[0]!.code).toBe("pdf-note-area-unseen");
    expect(draft.paragraphs.every((p) => p.placement === undefined)).toBe(true);
  });
  it("warns about raised glyphs it does not read as markers (a superscript 1), naming the line", () => {
    const superscriptOne: PdfText = {
      pages: [page(1, [...notesInBodySize.pages[0]!.lines.slice(0, 2).map((l) => (l.raised.length > 0 ? { ...l, text: l.text.replace("①", "1"), raised: [{ offset: 17, text: "1" }] } : l)), line(1, 78, "各国对此的理解并不相同，需要进一步讨论。")])],
    };
    const draft = parsePdfText(superscriptOne, { fileName: "superscript.pdf" });
    const warning = draft.warnings.find((w) => w.code === "pdf-raised-unread");
    expect(warning?.sourceLines).toEqual([2, 2]);
    expect(warning?.message).toContain('raised "1"');
  });
  it("uses the geometry when the note area is set smaller", () => {
    const smaller: PdfText = { pages: [{ ...notesInBodySize.pages[0]!, lines: notesInBodySize.pages[0]!.lines.map((l) => (l.text.startsWith("①") ? { ...l, fontSize: 8 } : l)) }] };
    const draft = parsePdfText(smaller, { fileName: "smaller.pdf" });
    expect(draft.warnings.map((w) => w.code)).not.toContain("pdf-note-area-unseen");
    expect(draft.footnotes[0]!.text).toBe("参见《网络主权：理论与实践》，2019年。");
    expect(draft.paragraphs[0]!.placement!.pages).toEqual([1, 1]);
  });
});
