import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS } from "@/lib/citations/export-sources";
import { corpusTeiHref, documentReferenceExportHref, documentTeiHref } from "./app-urls";
import { firstValues } from "./query-values";
import { exportFormatParam, pathSegment, slugSegment } from "./route-params";
import { EXPORT_KEYS, PATHS } from "./url-grammar";

/** The essay and corpus export addresses (TEI, the essay as a reference), opened as Next's router opens them, read back. */

const RUNS = { numRuns: 300, seed: 20261206 };
/** Any slug the grammar allows, up to its full length. */
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,79}$/u);

function open(href: string) {
  const url = new URL(href, "http://duizhao.test");
  return { segments: url.pathname.split("/").slice(1).map((segment) => pathSegment.parse(segment)), query: url.searchParams, hash: url.hash };
}

const exportRoot = PATHS.documentExport.split("/").slice(1);

describe("document export URLs", () => {
  it("name the essay's TEI under its slug, which the route reads back", () => {
    fc.assert(
      fc.property(slug, (value) => {
        const { segments, query, hash } = open(documentTeiHref(value));
        expect(segments).toEqual([...exportRoot, value, "tei"]);
        expect(slugSegment.parse(encodeURIComponent(segments[exportRoot.length]!))).toBe(value);
        expect([...query]).toEqual([]);
        expect(hash).toBe("");
      }),
      RUNS,
    );
  });

  it("name the essay as a reference in each format, which the route's schema accepts", () => {
    fc.assert(
      fc.property(slug, fc.constantFrom(...EXPORT_FORMATS), (value, format) => {
        const { segments, query } = open(documentReferenceExportHref(value, format));
        expect(segments).toEqual([...exportRoot, value]);
        expect(firstValues(query)).toEqual({ [EXPORT_KEYS.format]: format });
        expect(exportFormatParam.parse(query.get(EXPORT_KEYS.format))).toBe(format);
      }),
      RUNS,
    );
  });

  it("name the corpus TEI beside no document's", () => {
    expect(corpusTeiHref()).toBe("/api/export/corpus/tei");
    expect(corpusTeiHref().startsWith(`${PATHS.documentExport}/`)).toBe(false);
  });
});
