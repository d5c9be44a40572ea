import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readConcordanceSort } from "@/components/concepts/sort-concordance";
import { EXPORT_FORMATS } from "@/lib/citations/export-sources";
import { SOURCE_TYPES } from "@/lib/citations/group-sources";
import type { CompareState } from "@/lib/compare/compare-state";
import { SOURCE_SORTS, sourceListQuerySchema } from "@/lib/db/list-sources";
import { BLOCK_KINDS, readSearchParams } from "@/lib/search/search-params";
import { readTrail, type TrailStep } from "@/lib/trail/trail-param";
import {
  anchorResolutionHref,
  bibliographyExportHref,
  bibliographyHref,
  compareHref,
  conceptHref,
  linkPreviewImageHref,
  passageHref,
  readCompareState,
  readerHref,
  readHitRange,
  readPassageSelector,
  readSearchHit,
  searchHitHref,
  searchPageHref,
  sourceExportHref,
  sourceHref,
} from "./app-urls";
import { firstValues } from "./query-values";
import { pathSegment } from "./route-params";
import { EXPORT_KEYS, LINK_PREVIEW_KEYS, PATHS, READER_KEYS, SOURCE_KEYS } from "./url-grammar";

/** Every URL the module builds, read back the way the app reads it (Next's router, the page's readers), is its input. */

const RUNS = { numRuns: 300, seed: 20261206 };

/** What the server and the browser see of an href: decoded path segments, the query, the decoded fragment. */
function open(href: string) {
  const url = new URL(href, "http://duizhao.test");
  return {
    segments: url.pathname.split("/").slice(1).map((segment) => pathSegment.parse(segment)),
    query: url.searchParams,
    fragment: url.hash ? decodeURIComponent(url.hash.slice(1)) : null,
  };
}

/**
 * Any text a path segment or fragment might be given: Chinese, percent signs, slashes, query and fragment marks,
 * spaces, emoji. Only "." and ".." are left out: no URL can carry them as a segment (parsers resolve them).
 */
const anyText = fc
  .oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 24 }),
    fc.constantFrom("网络主权", "四项原则", "%", "%25", "%E4%B8", "a/b", "../x", "?q=1#x", "a b+c", "~", "'()*!", "😀", "n-1,2:3"),
  )
  .filter((text) => text !== "." && text !== "..");

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,24}$/u);
const anchor = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,24}$/u);
const conceptId = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/u);
const trailStep: fc.Arbitrary<TrailStep> = fc.oneof(
  fc.record({ kind: fc.constant("marker" as const), slug, noteAnchor: anchor }),
  fc.record({ kind: fc.constant("source" as const), key: anchor }),
  fc.record({ kind: fc.constant("note" as const), slug, noteAnchor: anchor }),
);
const trail = fc.array(trailStep, { maxLength: 16 });

describe("reader URLs", () => {
  it("carry any slug, fragment and trail", () => {
    fc.assert(
      fc.property(anyText, fc.option(anyText, { nil: null }), trail, (documentSlug, fragment, steps) => {
        const read = open(readerHref(documentSlug, { fragment, trail: steps }));
        expect(read.segments).toEqual(["read", documentSlug]);
        expect(read.fragment).toBe(fragment);
        expect(readTrail(read.query.get(READER_KEYS.trail)).trail).toEqual(steps);
      }),
      RUNS,
    );
  });

  it("carry a selected passage", () => {
    const selector = fc.record({
      // Within the limits a link keeps (UTF-16 code units): longer ones are cut, by design.
      exact: fc.string({ unit: "grapheme", minLength: 1, maxLength: 600 }).filter((text) => text.trim() !== "" && text.length <= 600),
      prefix: fc.string({ unit: "grapheme", maxLength: 20 }).filter((text) => text.length <= 20),
      suffix: fc.string({ unit: "grapheme", maxLength: 20 }).filter((text) => text.length <= 20),
      blockAnchor: anchor,
      offset: fc.nat(),
    });
    fc.assert(
      fc.property(anyText, selector, (documentSlug, passage) => {
        const read = open(passageHref(documentSlug, passage));
        expect(read.segments).toEqual(["read", documentSlug]);
        expect(read.fragment).toBe(passage.blockAnchor);
        expect(readPassageSelector(read.query)).toEqual(passage);
      }),
      RUNS,
    );
  });

  it("carry a search hit (and its block, once the browser has added it)", () => {
    const range = fc.tuple(fc.nat({ max: 9_999_998 }), fc.integer({ min: 1, max: 9_999_999 })).filter(([start, end]) => end > start);
    fc.assert(
      fc.property(anyText, anchor, range, (documentSlug, block, [start, end]) => {
        const href = searchHitHref(documentSlug, block, { start, end });
        const read = open(href);
        expect(read.segments).toEqual(["read", documentSlug]);
        expect(read.fragment).toBe(block);
        expect(readHitRange(read.query.get(READER_KEYS.hit))).toEqual({ start, end });
        read.query.set(READER_KEYS.hitBlock, block);
        expect(readSearchHit(read.query)).toEqual({ block, start, end });
      }),
      RUNS,
    );
  });

  it("ask where any anchor of any document points now", () => {
    fc.assert(
      fc.property(anyText, anyText, (documentSlug, blockAnchor) => {
        expect(open(anchorResolutionHref(documentSlug, blockAnchor)).segments).toEqual(["read", documentSlug, "anchors", blockAnchor]);
      }),
      RUNS,
    );
  });
});

describe("side-by-side URLs", () => {
  const state: fc.Arbitrary<CompareState> = fc.record({
    left: slug,
    right: slug,
    lp: fc.option(anchor, { nil: null }),
    rp: fc.option(anchor, { nil: null }),
    concepts: fc.uniqueArray(conceptId, { maxLength: 8 }),
    align: fc.boolean(),
    focus: fc.option(fc.record({ side: fc.constantFrom("left" as const, "right" as const), anchor }), { nil: null }),
    pane: fc.constantFrom("left" as const, "right" as const),
    jumped: fc.option(
      fc.record({
        side: fc.constantFrom("left" as const, "right" as const),
        anchor,
        mention: fc.option(
          fc.record({ concept: conceptId, start: fc.nat({ max: 5000 }), end: fc.integer({ min: 5001, max: 9999 }) }),
          { nil: null },
        ),
      }),
      { nil: null },
    ),
  });

  it("read back as the view they were written from", () => {
    fc.assert(
      fc.property(state, (view) => {
        const read = open(compareHref(view));
        expect(read.segments).toEqual(["compare"]);
        expect(readCompareState(read.query)).toEqual(view);
      }),
      RUNS,
    );
  });
});

describe("concept, source, search and bibliography URLs", () => {
  it("carry any concept id, and a concordance order", () => {
    const sort = fc.record({ key: fc.constantFrom("document", "position", "left", "right" as const), order: fc.constantFrom("asc", "desc" as const) });
    fc.assert(
      fc.property(anyText, fc.option(sort, { nil: undefined }), (id, concordance) => {
        const read = open(conceptHref(id, concordance));
        expect(read.segments).toEqual(["concepts", id]);
        expect(readConcordanceSort(read.query)).toEqual(concordance ?? { key: "document", order: "asc" });
      }),
      RUNS,
    );
  });

  it("carry any source key, and a trail", () => {
    fc.assert(
      fc.property(anyText, trail, (key, steps) => {
        const read = open(sourceHref(key, steps));
        expect(read.segments).toEqual(["sources", key]);
        expect(readTrail(read.query.get(SOURCE_KEYS.trail)).trail).toEqual(steps);
      }),
      RUNS,
    );
  });

  it("carry a search and its filters", () => {
    const params = fc.record({
      q: fc.string({ unit: "grapheme", maxLength: 100 }),
      doc: fc.option(slug, { nil: undefined }),
      kind: fc.option(fc.constantFrom(...BLOCK_KINDS), { nil: undefined }),
      concept: fc.option(conceptId, { nil: undefined }),
      page: fc.integer({ min: 1, max: 10_000 }),
      pageSize: fc.integer({ min: 1, max: 100 }),
    });
    fc.assert(
      fc.property(params, (search) => {
        const href = searchPageHref(search);
        expect(open(href).segments).toEqual(["search"]);
        const read = readSearchParams(open(href).query);
        expect(read).toEqual({ ok: true, params: Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) });
      }),
      RUNS,
    );
  });

  const listQuery = fc.record({
    doc: fc.option(slug, { nil: undefined }),
    type: fc.option(fc.constantFrom(...SOURCE_TYPES), { nil: undefined }),
    year: fc.option(fc.integer({ min: 1000, max: 9999 }), { nil: undefined }),
    sort: fc.constantFrom(...SOURCE_SORTS),
    dir: fc.option(fc.constantFrom("asc" as const, "desc" as const), { nil: undefined }),
  });
  const defined = (query: object) => Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));

  it("carry the bibliography's scope, filters and order, on the page and in its export", () => {
    fc.assert(
      fc.property(listQuery, fc.constantFrom(...EXPORT_FORMATS), (query, format) => {
        const page = open(bibliographyHref(query));
        expect(page.segments).toEqual(["bibliography"]);
        expect(defined(sourceListQuerySchema.parse(firstValues(page.query)))).toEqual(defined(query));
        const file = open(bibliographyExportHref(query, format));
        expect(`/${file.segments.join("/")}`).toBe(PATHS.bibliographyExport);
        const { [EXPORT_KEYS.format]: readFormat, ...filters } = firstValues(file.query);
        expect(readFormat).toBe(format);
        expect(defined(sourceListQuerySchema.parse(filters))).toEqual(defined(query));
      }),
      RUNS,
    );
  });

  it("carry any source key in its export, and the document and quote of a link preview", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...EXPORT_FORMATS), anyText, fc.option(anyText, { nil: null }), (key, format, documentSlug, quote) => {
        const file = open(sourceExportHref(key, format));
        expect(file.segments).toEqual(["api", "export", "sources", key]);
        expect(file.query.get(EXPORT_KEYS.format)).toBe(format);
        const image = open(linkPreviewImageHref(documentSlug, quote));
        expect(image.query.get(LINK_PREVIEW_KEYS.slug)).toBe(documentSlug);
        expect(image.query.get(LINK_PREVIEW_KEYS.quote)).toBe(quote);
      }),
      RUNS,
    );
  });
});

describe("the links the app writes", () => {
  it("leave defaults out and keep separators readable", () => {
    expect(bibliographyHref()).toBe("/bibliography");
    expect(bibliographyHref({ doc: "essay-a", sort: "title" })).toBe("/bibliography?doc=essay-a");
    expect(searchPageHref({})).toBe("/search");
    expect(readerHref("网络")).toBe("/read/%E7%BD%91%E7%BB%9C");
    expect(compareHref({ left: "a", right: "b", concepts: ["x", "y-z"], focus: { side: "right", anchor: "p-1" } })).toBe("/compare?left=a&right=b&c=x,y-z&f=right:p-1");
    expect(conceptHref("four-principles", { key: "left", order: "desc" })).toBe("/concepts/four-principles?sort=left&order=desc#concordance");
    expect(sourceExportHref("src-1", "ris")).toBe("/api/export/sources/src-1?format=ris");
    expect(linkPreviewImageHref("essay", null)).toBe("/api/og?slug=essay");
  });
});
