import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { DocumentStructure } from "@/lib/model/document-model";
import { documentManifestSchema } from "./document-manifest";
import { parseDocument } from "./parse-document";
import { qualityFigures } from "./quality-report";

/**
 * The two corpus essays, parsed whole. Structural invariants hold for any essay; the exact figures
 * (checked by reading the source line by line) live in tests/fixtures/ingest/corpus-expectations.json
 * so that nothing under lib/ingest names a page or line of these essays.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const expectations = JSON.parse(readFileSync(`${root}tests/fixtures/ingest/corpus-expectations.json`, "utf8")) as Record<string, Expected>;

interface Expected {
  title: string;
  authors: string[];
  abstractStart: string;
  pages: number;
  headings: string[];
  paragraphs: number;
  markers: number;
  notesPresent: number;
  notesMissing: number;
  /** Markers whose page left unattached note texts that may be theirs. */
  notesUnlocated: number;
  notesTruncated: number;
  fragments: Array<[number, number]>;
  markersPerPage: Record<string, number>;
  notesWithText: Array<{ page: number; label: string; status: string; lines: [number, number]; starts: string }>;
  debris: Record<string, number>;
}

function load(name: string): { draft: DocumentStructure; source: string[] } {
  const bytes = readFileSync(`${root}corpus/${name}.txt`);
  const manifest = documentManifestSchema.parse(JSON.parse(readFileSync(`${root}corpus/${name}.manifest.json`, "utf8")));
  return { draft: parseDocument({ bytes, fileName: `${name}.txt`, manifest }), source: bytes.toString("utf8").split("\n") };
}

const MARKER = /[\u2460-\u2473]|\[\d{1,3}\]/u;

for (const name of Object.keys(expectations)) {
  const expected = expectations[name]!;
  const { draft, source } = load(name);

  describe(`corpus ${name}: invariants`, () => {
    it("leaves no marker glyph, odd glyph or full-width Latin in paragraphs, headings and notes", () => {
      for (const text of [...draft.paragraphs.map((p) => p.text), ...draft.headings.map((h) => h.text)]) {
        expect(text).not.toMatch(MARKER);
      }
      for (const text of [...draft.paragraphs, ...draft.headings, ...draft.footnotes].map((x) => x.text)) {
        expect(text).not.toMatch(/[ꎬꎮꎻ«»‹›￣\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/u);
        expect(text).not.toMatch(/\p{Script=Han} +\p{Script=Han}/u);
      }
    });

    it("keeps running heads, folios and marker lists out of the text", () => {
      const debrisLines = new Set(draft.debris.map((d) => d.line));
      for (const d of draft.debris) {
        if (d.kind === "marker-list") expect(d.text.replace(/\s/gu, "")).toMatch(/^(?:[\u2460-\u2473]|\[\d+\])+$/u);
      }
      const heads = draft.debris.filter((d) => d.kind === "running-head" || d.kind === "folio");
      for (const block of [...draft.paragraphs, ...draft.footnotes]) {
        expect(block.text).not.toMatch(/^\d{1,4}$/);
        for (const head of heads) {
          const core = head.text.replace(/^[\d０-９]+[\s\u3000]*|[\s\u3000]+$/gu, "").replace(/[\s\u3000]/gu, "");
          if (core.length >= 4) expect(block.text.replace(/\s/gu, "")).not.toContain(core.replace(/[:：]/gu, "："));
        }
      }
      // No block's own lines are debris lines at its edges.
      for (const block of [...draft.paragraphs, ...draft.headings]) {
        expect(debrisLines.has(block.sourceLines[0])).toBe(false);
        expect(debrisLines.has(block.sourceLines[1])).toBe(false);
      }
    });

    it("references every footnote from exactly one marker, with the same label", () => {
      const markers = [...draft.headings, ...draft.paragraphs].flatMap((b) => b.markers);
      const count = new Map<string, number>();
      for (const m of markers) count.set(m.footnoteAnchor, (count.get(m.footnoteAnchor) ?? 0) + 1);
      expect(markers).toHaveLength(draft.footnotes.length);
      for (const note of draft.footnotes) expect(count.get(note.anchor)).toBe(1);
      const byAnchor = new Map(draft.footnotes.map((n) => [n.anchor, n]));
      for (const m of markers) expect(byAnchor.get(m.footnoteAnchor)?.label).toBe(m.label);
    });

    it("numbers the markers of every page 1..n in order", () => {
      const pages = new Map<number, string[]>();
      for (const note of draft.footnotes) pages.set(note.page, [...(pages.get(note.page) ?? []), note.label]);
      for (const labels of pages.values()) {
        const numbers = labels.map((l) => (l.startsWith("[") ? Number(l.slice(1, -1)) : l.codePointAt(0)! - 0x2460 + 1));
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      }
    });

    it("ends every paragraph at the end of a sentence (none is cut at a page break)", () => {
      for (const p of draft.paragraphs) expect(p.text).toMatch(/[。！？…”’）》」]$/u);
      for (const p of draft.paragraphs) expect(p.text).not.toMatch(/^[，。、；：）》”]/u);
    });

    it("keeps provenance inside the file and gives unique anchors", () => {
      const all = [...draft.headings, ...draft.paragraphs, ...draft.footnotes, ...draft.fragments, ...draft.warnings];
      for (const x of all) {
        expect(x.sourceLines[0]).toBeLessThanOrEqual(x.sourceLines[1]);
        expect(x.sourceLines[1]).toBeLessThanOrEqual(source.length);
      }
      const anchors = [...draft.headings, ...draft.paragraphs, ...draft.footnotes].map((x) => x.anchor);
      expect(new Set(anchors).size).toBe(anchors.length);
      for (const note of draft.footnotes) for (const c of note.citations) expect(c.anchor.startsWith(`${note.anchor}-c`)).toBe(true);
    });

    it("says where every missing note's marker is and never invents note text", () => {
      for (const note of draft.footnotes) {
        if (note.status === "missing" || note.status === "unlocated") {
          expect(note.text).toBe("");
          expect(source[note.sourceLines[0] - 1]).toMatch(MARKER);
        } else {
          expect(note.text.length).toBeGreaterThan(0);
        }
      }
    });
  });

  describe(`corpus ${name}: figures checked against the source`, () => {
    it("front matter", () => {
      expect(draft.title).toBe(expected.title);
      expect(draft.authors).toEqual(expected.authors);
      expect(draft.abstract?.startsWith(expected.abstractStart)).toBe(true);
    });

    it("pages, headings, paragraphs and markers", () => {
      const f = qualityFigures(draft);
      expect(f.pages).toBe(expected.pages);
      expect(draft.headings.map((h) => `${h.level} ${h.label} ${h.text.slice(0, 6)}`)).toEqual(expected.headings);
      expect(f.paragraphs).toBe(expected.paragraphs);
      expect(f.markers).toBe(expected.markers);
      const perPage: Record<string, number> = {};
      for (const n of draft.footnotes) perPage[n.page] = (perPage[n.page] ?? 0) + 1;
      expect(perPage).toEqual(expected.markersPerPage);
    });

    it("notes present, missing, truncated, each attached to its own marker", () => {
      const count = (status: string) => draft.footnotes.filter((n) => n.status === status).length;
      expect([count("present"), count("missing"), count("unlocated"), count("truncated")]).toEqual([
        expected.notesPresent,
        expected.notesMissing,
        expected.notesUnlocated,
        expected.notesTruncated,
      ]);
      expect(
        draft.footnotes.filter((n) => n.status !== "missing" && n.status !== "unlocated").map((n) => ({ page: n.page, label: n.label, status: n.status, lines: n.sourceLines, starts: n.text.slice(0, 8) })),
      ).toEqual(expected.notesWithText);
      expect(draft.fragments.map((x) => x.sourceLines)).toEqual(expected.fragments);
    });

    it("debris removed", () => {
      const counts = Object.fromEntries(["running-head", "folio", "marker-list", "other"].map((k) => [k, draft.debris.filter((d) => d.kind === k).length]));
      expect(counts).toEqual(expected.debris);
    });
  });
}
