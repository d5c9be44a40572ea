import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { createElement, Fragment, useState } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ParagraphTools } from "@/components/compare/paragraph-tools";
import { readSourceFile } from "@/lib/corpus/read-source-file";
import { parseDocument } from "@/lib/ingest/parse-document";
import type { DocumentStructure } from "@/lib/model/document-model";
import { buildReadingOrder } from "@/lib/reader/reading-order";
import type { BlockMark } from "@/lib/reader/segment-block";
import { DocumentBody } from "./document-body";
import { DocumentOutline } from "./document-outline";
import { DocumentTitleBlock } from "./document-title-block";
import { ParallelsLink } from "./parallels-link";
import { PrintedPageLink } from "./printed-page-link";
import { NotStaticMarkup, staticMarkup } from "./static-markup";

const root = fileURLToPath(new URL("../../", import.meta.url));
const ESSAYS = ["000_1322acf3015bdc34", "001_dd40619b11185e85"] as const;

let essays: DocumentStructure[];

beforeAll(async () => {
  essays = await Promise.all(
    ESSAYS.map(async (name) => {
      const source = await readSourceFile(`${root}corpus/${name}.txt`);
      return parseDocument({ bytes: source.bytes, fileName: source.fileName, manifest: source.manifest ?? undefined, corrections: source.corrections ?? undefined });
    }),
  );
});

describe("staticMarkup", () => {
  it("writes both essays' text exactly as React DOM does, with every kind of mark, note and paragraph tool", () => {
    for (const document of essays) {
      const order = buildReadingOrder(document);
      const marks = new Map<string, BlockMark[]>();
      const [first, second, third] = document.paragraphs;
      if (first) marks.set(first.anchor, [{ kind: "quote", start: 0, end: Math.min(8, first.text.length) }]);
      if (second) {
        marks.set(second.anchor, [
          { kind: "search-hit", start: 1, end: 5 },
          { kind: "concept", start: 2, end: 9, concept: "网络主权", tone: 2 },
          { kind: "concept", start: 3, end: 6, concept: "数据安全", tone: 1 },
        ]);
      }
      const note = document.footnotes.find((footnote) => footnote.text.length > 4);
      if (note) marks.set(note.anchor, [{ kind: "search-hit", start: 0, end: 3 }]);
      const sourceHrefs = new Map(document.footnotes.flatMap((footnote) => footnote.citations.map((citation) => [citation.anchor, `/sources/k?from=${citation.anchor}&t="<x>'`] as const)));
      const afterParagraph = new Map<string, React.ReactNode>();
      if (first) afterParagraph.set(first.anchor, createElement(ParallelsLink, { slug: document.slug, anchor: first.anchor, places: 3, documents: 1 }));
      if (third) {
        afterParagraph.set(
          third.anchor,
          createElement(ParagraphTools, {
            side: "left",
            anchor: third.anchor,
            number: 3,
            chips: [
              { concept: "网络主权", tone: 2, count: 2, target: null },
              { concept: "数据安全", tone: 1, count: 1, target: { anchor: "p-1", start: 0, end: 2 } as never },
            ],
            linkCount: 2,
            labels: new Map([["网络主权", "网络主权"]]),
          }),
        );
      }
      for (const idPrefix of ["", "left-"]) {
        const props = { document, order, marks, sourceHrefs, afterParagraph, idPrefix };
        const asElements = renderToStaticMarkup(createElement(DocumentBody, props));
        const asMarkup = renderToStaticMarkup(createElement(DocumentBody, { ...props, staticMarkup: true }));
        expect(asMarkup).toBe(asElements);
        expect(asElements.length).toBeGreaterThan(10_000);
      }
    }
  });

  it("writes the outline and the title block as React DOM does", () => {
    for (const document of essays) {
      for (const part of [
        createElement(DocumentOutline, { headings: document.headings }),
        createElement(DocumentOutline, { headings: document.headings, idPrefix: "left-", label: "目录" }),
        createElement(DocumentTitleBlock, { document, headingId: "document-title" }),
        createElement(DocumentTitleBlock, { document: { ...document, authors: [], journal: null, issue: null, date: null, abstract: "<b>'摘要'</b> & more" } }),
      ]) {
        expect(staticMarkup(part)).toBe(renderToStaticMarkup(part));
      }
    }
  });

  it("writes a printed-page link (an SVG with hyphenated attributes, data attributes) as React DOM does", () => {
    const link = createElement(PrintedPageLink, {
      slug: "an-essay",
      placement: { pages: [3, 4], boxes: [{ page: 3, x: 10, y: 20, width: 300, height: 12 }] } as never,
      folios: new Map([[3, "27"]]),
      blockName: "¶ 3",
      className: "x",
    });
    expect(staticMarkup(link)).toBe(renderToStaticMarkup(link));
  });

  it("escapes any text and attribute value as React DOM does", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string({ unit: "binary" }), fc.integer(), (text, attribute, more, number) => {
        const tree = createElement(
          "p",
          { "data-o": number, title: attribute, "aria-label": more, className: attribute, style: { "--w": number, paddingInlineStart: "1em" } as React.CSSProperties },
          createElement("span", { "data-x": true, hidden: false }, text),
          createElement(Fragment, null, more, number, null, false),
          [createElement("br", { key: "a" }), createElement("mark", { key: "b", "data-end": "" }, attribute)],
        );
        expect(staticMarkup(tree)).toBe(renderToStaticMarkup(tree));
      }),
    );
  });

  it("refuses what it cannot write without guessing: handlers, hooks, client components, camel-cased attributes", () => {
    expect(() => staticMarkup(createElement("button", { onClick: () => {} }))).toThrow(NotStaticMarkup);
    const WithState = () => {
      useState(0);
      return null;
    };
    expect(() => staticMarkup(createElement(WithState))).toThrow();
    const client = Object.assign(() => null, { $$typeof: Symbol.for("react.client.reference") });
    expect(() => staticMarkup(createElement(client))).toThrow(NotStaticMarkup);
    expect(() => staticMarkup(createElement("div", { autoCapitalize: "off" }))).toThrow(NotStaticMarkup);
    expect(() => staticMarkup(createElement("script", null, "x"))).toThrow(NotStaticMarkup);
    expect(() => staticMarkup(createElement("div", { title: true }))).toThrow(NotStaticMarkup);
  });

  it("never writes script: no string event handler, no javascript: address in a link or source", () => {
    expect(() => staticMarkup(createElement("div", { onclick: "alert(1)" }))).toThrow(NotStaticMarkup);
    expect(() => staticMarkup(createElement("a", { href: "javascript:alert(1)" }, "x"))).toThrow(NotStaticMarkup);
    expect(() => staticMarkup(createElement("a", { href: " \tJaVa\nScRiPt:alert(1)" }, "x"))).toThrow(NotStaticMarkup);
    expect(() => staticMarkup(createElement("img", { src: "javascript:alert(1)" }))).toThrow(NotStaticMarkup);
    expect(staticMarkup(createElement("a", { href: "https://example.org/javascript:x" }, "x"))).toBe(renderToStaticMarkup(createElement("a", { href: "https://example.org/javascript:x" }, "x")));
  });
});
