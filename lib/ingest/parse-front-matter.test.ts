import { describe, expect, it } from "vitest";
import { fitWidthModel } from "./line-width";
import { parseFrontMatter } from "./parse-front-matter";

const body = Array.from({ length: 30 }, () => "正文的一行文字正文的一行文字正文的一行文字正文的一行文字").flatMap((l) => [l, ""]);

function front(head: string[]) {
  const lines = [...head, ...body];
  return { result: parseFrontMatter(lines, fitWidthModel(lines)), lines };
}

describe("parseFrontMatter", () => {
  it("reads a wrapped title, an author line and a labelled abstract", () => {
    const { result, lines } = front(["水资源治理：", "比较与启示", "林小河", "", "内容提要:本文讨论治理ꎮ", "", "结论是明确的ꎮ", " 正文开始于此处的第一行"]);
    expect(result.title).toBe("水资源治理：比较与启示");
    expect(result.titleLines).toEqual([1, 2]);
    expect(result.authors).toEqual(["林小河"]);
    expect(result.abstract).toBe("本文讨论治理。结论是明确的。");
    expect(result.abstractLines).toEqual([5, 7]);
    expect(lines[result.bodyStart]).toBe(" 正文开始于此处的第一行");
  });

  it("ends the abstract after its short last line when the body's first line follows with no blank line or indent", () => {
    // As pdftotext prints a page set with tight leading: a block's lines together, indents dropped.
    const { result, lines } = front(["水资源治理", "林小河", "内容提要：本文讨论治理的一行文字正文的一行文字正文的一行文", "字。", "正文开始于此处的第一行正文的一行文字正文的一行文字正文的"]);
    expect(result.abstract).toBe("本文讨论治理的一行文字正文的一行文字正文的一行文字。");
    expect(result.abstractLines).toEqual([3, 4]);
    expect(lines[result.bodyStart]).toBe("正文开始于此处的第一行正文的一行文字正文的一行文字正文的");
  });

  it("ends the abstract before a line short by a paragraph's indent after its full last line that ends a sentence", () => {
    // As pdftotext's default mode prints it: the abstract's last line fills the measure and ends on `。`, and the first
    // body paragraph follows in the same block, its 2-em indent dropped. Only the first line's width shows the break.
    const abstract = ["内容提要：本文讨论流域治理的制度演变与比较研究若干问题。", "地方政府与流域机构之间的协调始终是治理中的一个难点所在。"];
    const { result, lines } = front(["水资源治理", "林小河", ...abstract, "正文开始于此处的第一行，正文的一行文字正文的一行文字", "正文的一行文字正文的一行文字。"]);
    expect(result.abstract).toBe("本文讨论流域治理的制度演变与比较研究若干问题。地方政府与流域机构之间的协调始终是治理中的一个难点所在。");
    expect(result.abstractLines).toEqual([3, 4]);
    expect(lines[result.bodyStart]).toBe("正文开始于此处的第一行，正文的一行文字正文的一行文字");
  });

  it("ends the abstract before a one-sentence line short by an indent after its full last line that ends a sentence", () => {
    // pdftotext's default mode: the body's first paragraph is one sentence on one line, its indent dropped, printed in
    // the abstract's block. Read as the abstract's last line it would lose the paragraph from the body.
    const abstract = "内容提要：本文讨论流域治理的制度演变与比较研究若干问题。";
    const paragraph = "正文开始于此处的第一行正文的一行文字正文的一行。";
    const { result, lines } = front(["水资源治理", "林小河", abstract, paragraph, "", "一 问题的提出", ""]);
    expect(result.abstract).toBe("本文讨论流域治理的制度演变与比较研究若干问题。");
    expect(result.abstractLines).toEqual([3, 3]);
    expect(lines[result.bodyStart]).toBe(paragraph);
  });

  it("ends the abstract before a line short by an indent that ends a sentence when a full line of its paragraph follows", () => {
    const abstract = ["内容提要：本文讨论流域治理的制度演变与比较研究若干问题。", "地方政府与流域机构之间的协调始终是治理中的一个难点所在。"];
    const first = "正文开始于此处的第一行正文的一行文字正文的一行。";
    const { result, lines } = front(["水资源治理", "林小河", ...abstract, first, "正文的一行文字正文的一行文字正文的一行文字正文的一行文字", "正文的一行文字。"]);
    expect(result.abstractLines).toEqual([3, 4]);
    expect(lines[result.bodyStart]).toBe(first);
  });

  it("keeps an abstract's last line short by an indent when the line before it stops short of the measure", () => {
    // Only a full line before it leaves the break undecided; after a short one the line goes on the abstract's text.
    const abstract = ["内容提要：本文讨论流域治理的制度演变与比较研究若干问题，", "地方政府与流域机构之间的协调始终是治理中的第1个难点。", "正文开始于此处的第一行正文的一行文字正文的一行。"];
    const { result } = front(["水资源治理", "林小河", ...abstract, "", "一 问题的提出", ""]);
    expect(result.abstractLines).toEqual([3, 5]);
  });

  it("keeps a line ending a sentence an indent short in the abstract where the text prints paragraphs' indents", () => {
    const abstract = ["内容提要：本文讨论流域治理的制度演变与比较研究若干问题。", "正文开始于此处的第一行正文的一行文字正文的一行。"];
    for (const indented of [" 正文的一行文字正文的一行文字正文的一行文字正文的一行", " ２００６年正文的一行文字正文的一行文字正文的一行文字"]) {
      const { result } = front(["水资源治理", "林小河", ...abstract, "", "", indented]);
      expect(result.abstractLines).toEqual([3, 4]);
    }
  });

  it("ends the abstract before a line holding a note marker after a finished sentence, however full it reads", () => {
    // A bracketed marker set raised and small reads wider as text: the first line, an indent short on the page, reads full.
    const abstract = "内容提要：本文讨论流域治理的制度演变与比较研究若干问题。";
    const first = "正文开始于此处的第一行正文的一行文字正文的[1]一行文字。";
    const { result, lines } = front(["水资源治理", "林小河", abstract, first, "正文的一行文字正文的一行文字正文的一行文字正文的一行文字", "正文的一行文字。"]);
    expect(result.abstractLines).toEqual([3, 3]);
    expect(lines[result.bodyStart]).toBe(first);
  });

  it("keeps an abstract's line left short by a Latin word that moved on to the next line, after a sentence's end", () => {
    const abstract = ["内容提要：本文讨论流域治理的制度演变与比较研究若干问题。", "其中的一行文字其中的一行文字其中的一行文字其中的一行", "Internet Governance Forum的年度会议吸引了众多参与者。"];
    const { result } = front(["水资源治理", "林小河", ...abstract, " 正文开始于此处的第一行"]);
    expect(result.abstractLines).toEqual([3, 5]);
  });

  it("ends the abstract before a line left short by a Latin word that moved on, after its full last line, where no indents are printed", () => {
    // pdftotext's default mode: the body's first line, its indent dropped, stops short by the indent and the room its
    // last word did not fit in; an abstract's line before a word that did not fit stops as short. After a full line on
    // a full stop nothing tells them apart: read as the body's, no body text goes into the abstract.
    const abstract = ["内容提要：本文讨论流域治理的制度演变与比较研究若干问题。", "地方政府与流域机构之间的协调始终是治理中的一个难点所在。"];
    const first = "其中的一行文字其中的一行文字其中的一行文字其中的一行";
    const { result, lines } = front(["水资源治理", "林小河", ...abstract, first, "Internet Governance Forum的年度会议吸引了众多参与者。", "", "一 问题的提出", ""]);
    expect(result.abstractLines).toEqual([3, 4]);
    expect(lines[result.bodyStart]).toBe(first);
  });

  it("keeps an abstract's full line ending a sentence and the line after it together", () => {
    const { result } = front(["水资源治理", "林小河", "内容提要：本文讨论治理的一行文字正文的一行文字正文的一行字。", "结论是明确的。", " 正文开始于此处的第一行"]);
    expect(result.abstract).toBe("本文讨论治理的一行文字正文的一行文字正文的一行字。结论是明确的。");
  });

  it("does not take the first page's folio, printed above the title, for a title line", () => {
    const { result } = front(["                                   41", "", "水资源治理：比较与启示", "林小河", "内容提要：本文讨论治理。", " 正文开始于此处的第一行"]);
    expect(result.title).toBe("水资源治理：比较与启示");
    expect(result.titleLines).toEqual([3, 3]);
  });

  it("does not take a title's short last line for an author", () => {
    const { result } = front(["全球治理的核心问题、", "中国方案", "〔提   要〕作为新兴领域ꎮ", " 正文"]);
    expect(result.title).toBe("全球治理的核心问题、中国方案");
    expect(result.authors).toEqual([]);
    expect(result.abstract).toBe("作为新兴领域。");
  });

  it("keeps keyword and classification lines as provenance, not body", () => {
    const { result, lines } = front(["标题", "张三　李四", "摘要：一句话。", "关键词：治理；合作", "〔中图分类号〕D81", "正文第一段"]);
    expect(result.authors).toEqual(["张三", "李四"]);
    expect(result.other.map((o) => o.text)).toEqual(["关键词：治理；合作", "〔中图分类号〕D81"]);
    expect(lines[result.bodyStart]).toBe("正文第一段");
  });
});
