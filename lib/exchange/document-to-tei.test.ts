import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { XmlDocument, XmlElement, XmlText, type XmlTreeNode } from "libxml2-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConceptDictionary } from "@/lib/concepts/concept-dictionary";
import { readSourceFile } from "@/lib/corpus/read-source-file";
import { findMentions } from "@/lib/derivations/find-mentions";
import { parseDocument } from "@/lib/ingest/parse-document";
import type { DocumentStructure, Footnote } from "@/lib/model/document-model";
import {
  corpusToTei,
  documentToTei,
  linkTarget,
  TEI_NAMESPACE,
  uriReference,
  w3cDate,
  w3cDateTime,
  type DocumentTeiInput,
  type TeiConceptMention,
} from "./document-to-tei";
import { RelaxNgSchema } from "./validate-relax-ng";

const root = fileURLToPath(new URL("../../", import.meta.url));
const ESSAYS = ["000_1322acf3015bdc34", "001_dd40619b11185e85"] as const;
const conceptHref = (id: string) => `/concepts/${encodeURIComponent(id)}`;

let schema: RelaxNgSchema;
/** Both essays as ingest reads them (text, manifest, corrections file), with their concept mentions. */
let essays: (DocumentTeiInput & { concepts: NonNullable<DocumentTeiInput["concepts"]> })[];

beforeAll(async () => {
  schema = RelaxNgSchema.fromText(readFileSync(`${root}lib/exchange/tei-subset.rng`, "utf8"));
  const dictionary = parseConceptDictionary(JSON.parse(readFileSync(`${root}corpus/concepts.json`, "utf8")));
  essays = await Promise.all(
    ESSAYS.map(async (name) => {
      const source = await readSourceFile(`${root}corpus/${name}.txt`);
      const document = parseDocument({
        bytes: source.bytes,
        fileName: source.fileName,
        manifest: source.manifest ?? undefined,
        corrections: source.corrections ?? undefined,
      });
      const mentions = findMentions(
        [
          ...document.headings.map((h) => ({ kind: "heading" as const, anchor: h.anchor, text: h.text })),
          ...document.paragraphs.map((p) => ({ kind: "paragraph" as const, anchor: p.anchor, text: p.text })),
          ...document.footnotes.map((n) => ({ kind: "footnote" as const, anchor: n.anchor, text: n.text })),
        ],
        dictionary,
      ).map(({ blockAnchor, start, end, conceptId }) => ({ blockAnchor, start, end, conceptId }));
      return {
        document,
        provenance: {
          sourceFile: source.fileName,
          sourceSha256: source.sha256,
          correctionsSha256: source.correctionsSha256,
          pipelineVersion: "0123456789abcdef",
          ingestedAt: "2026-12-06T08:00:00.000Z",
        },
        concepts: { mentions, href: conceptHref },
      };
    }),
  );
});

afterAll(() => schema.dispose());

// ---------------------------------------------------------------- reading the TEI back

const NS = { tei: TEI_NAMESPACE };

function withDocument<T>(xml: string, read: (document: XmlDocument) => T): T {
  const document = XmlDocument.fromString(xml);
  try {
    return read(document);
  } finally {
    document.dispose();
  }
}

const elements = (context: XmlDocument | XmlElement, xpath: string): XmlElement[] =>
  context.find(xpath, NS).filter((node): node is XmlElement => node instanceof XmlElement);
const xmlId = (element: XmlElement) => element.attr("id", "xml")?.value ?? null;
const attribute = (element: XmlElement, name: string) => element.attr(name)?.value ?? null;
const children = (element: XmlElement): XmlTreeNode[] => {
  const out: XmlTreeNode[] = [];
  for (let child = element.firstChild; child; child = child.next) out.push(child);
  return out;
};

interface ReadNote {
  offset: number;
  n: string | null;
  id: string | null;
  element: XmlElement;
}
interface ReadRange {
  start: number;
  end: number;
  element: XmlElement;
}
interface ReadBlock {
  /** The text with every note (and what it holds) left out. */
  text: string;
  notes: ReadNote[];
  /** Elements other than notes, with the range of the text they cover. */
  ranges: ReadRange[];
}

/** A block's text as a reader of the TEI gets it: notes stripped, with where each note and each element stands. */
function readBlock(block: XmlElement, skip: (element: XmlElement) => boolean = () => false): ReadBlock {
  const out: ReadBlock = { text: "", notes: [], ranges: [] };
  const walk = (element: XmlElement) => {
    for (const child of children(element)) {
      if (child instanceof XmlText) out.text += child.content;
      else if (child instanceof XmlElement) {
        if (child.name === "note") {
          out.notes.push({ offset: out.text.length, n: attribute(child, "n"), id: xmlId(child), element: child });
        } else if (!skip(child)) {
          const start = out.text.length;
          walk(child);
          out.ranges.push({ start, end: out.text.length, element: child });
        }
      }
    }
  };
  walk(block);
  return out;
}

/** A note's own text: without gaps, without notes inside it (an editorial correction, an unattached text's reason). */
const readNote = (note: XmlElement) => readBlock(note);

// ---------------------------------------------------------------- validity

describe("validity against tei-subset.rng (libxml2's RELAX NG validator)", () => {
  it("accepts the TEI of each corpus essay, with and without concept mentions", () => {
    for (const essay of essays) {
      expect(schema.validate(documentToTei(essay))).toEqual({ valid: true, errors: [] });
      expect(schema.validate(documentToTei({ document: essay.document, provenance: essay.provenance }))).toEqual({ valid: true, errors: [] });
    }
  });

  it("accepts the corpus as one teiCorpus", () => {
    expect(schema.validate(corpusToTei({ title: "Duizhao corpus", documents: essays }))).toEqual({ valid: true, errors: [] });
  });

  it("rejects documents that break the subset, so a passing validation means something", () => {
    const valid = documentToTei(essays[1]!);
    const firstParagraph = /<p xml:id="(p-[0-9a-f]+)">/.exec(valid)!;
    const firstNote = /<note xml:id="n-[0-9a-f]+" place="foot" n="[^"]+">.*?<\/note>/.exec(valid)![0];
    const broken: Record<string, string> = {
      "a paragraph without xml:id": valid.replace(firstParagraph[0], "<p>"),
      "a footnote outside any paragraph": valid.replace(firstNote, "").replace("<body>", `<body>${firstNote}`),
      "a footnote without its label": valid.replace(firstNote, firstNote.replace(/ n="[^"]+"/, "")),
      "a footnote placed in the margin": valid.replace(firstNote, firstNote.replace('place="foot"', 'place="margin"')),
      "a gap with a reason not written": valid.replace(firstNote, `${firstNote.slice(0, firstNote.indexOf(">") + 1)}<gap reason="illegible"/></note>`),
      "two elements with one xml:id": valid.replace(/<p xml:id="p-[0-9a-f]+">/g, (tag, offset: number) => (offset === firstParagraph.index ? tag : tag.replace(/p-[0-9a-f]+/, firstParagraph[1]!))),
      "a page break in the header's title statement": valid.replace("<titleStmt>", '<titleStmt><pb n="2"/>'),
      "a page break numbered by no printed page number": valid.replace(firstNote, firstNote.replace("</note>", '<pb n="page 2"/></note>')),
      "a date that is not a date": valid.replace('when="2026-12-06T08:00:00.000Z"', 'when="2026-13-06"'),
      "the wrong namespace": valid.replace(`xmlns="${TEI_NAMESPACE}"`, 'xmlns="http://www.tei-c.org/ns/2.0"'),
      "no text": valid.replace(/<text>[\s\S]*<\/text>/, ""),
      "a script URL as a link": valid.replace(/<ref target="[^"]+">/, '<ref target="javascript:alert(1)">'),
    };
    for (const [what, xml] of Object.entries(broken)) {
      expect(xml, what).not.toBe(valid);
      const result = schema.validate(xml);
      expect(result.valid, what).toBe(false);
      expect(result.errors.length, what).toBeGreaterThan(0);
    }
  });
});

// ---------------------------------------------------------------- round trip

describe("round trip of the corpus essays", () => {
  it("gives every paragraph's and heading's text back, notes stripped, under the block's anchor", () => {
    for (const essay of essays) {
      withDocument(documentToTei(essay), (tei) => {
        const paragraphs = elements(tei, "//tei:body//tei:p");
        expect(paragraphs.map(xmlId)).toEqual(essay.document.paragraphs.map((p) => p.anchor).sort(byPosition(essay.document)));
        for (const paragraph of essay.document.paragraphs) {
          const [element] = elements(tei, `//tei:p[@xml:id="${paragraph.anchor}"]`);
          expect(readBlock(element!).text, paragraph.anchor).toBe(paragraph.text);
        }
        for (const heading of essay.document.headings) {
          const [div] = elements(tei, `//tei:div[@xml:id="${heading.anchor}"]`);
          expect(attribute(div!, "n")).toBe(heading.label === "" ? null : heading.label);
          const [head] = elements(div!, "tei:head");
          expect(readBlock(head!).text).toBe(heading.text);
        }
      });
    }
  });

  it("puts every note at its marker's offset with its printed label, as many as there are markers", () => {
    for (const essay of essays) {
      withDocument(documentToTei(essay), (tei) => {
        let markers = 0;
        for (const block of [...essay.document.headings, ...essay.document.paragraphs]) {
          const element = block.anchor.startsWith("h-") ? elements(tei, `//tei:div[@xml:id="${block.anchor}"]/tei:head`)[0]! : elements(tei, `//tei:p[@xml:id="${block.anchor}"]`)[0]!;
          const read = readBlock(element);
          expect(read.notes.map(({ offset, n, id }) => ({ offset, n, id })), block.anchor).toEqual(
            block.markers.map((marker) => ({ offset: marker.offset, n: marker.label, id: marker.footnoteAnchor })),
          );
          markers += block.markers.length;
        }
        expect(elements(tei, '//tei:note[@place="foot"]')).toHaveLength(markers);
        expect(markers).toBe(essay.document.footnotes.length);
      });
    }
  });

  it("gives every note's text back, and says what was lost where the model says so", () => {
    for (const essay of essays) {
      withDocument(documentToTei(essay), (tei) => {
        for (const footnote of essay.document.footnotes) {
          const [note] = elements(tei, `//tei:note[@xml:id="${footnote.anchor}"]`);
          const read = readNote(note!);
          expect(read.text, footnote.anchor).toBe(footnote.text);
          const gaps = read.ranges.filter((range) => range.element.name === "gap").map((range) => ({ at: range.start, reason: attribute(range.element, "reason") }));
          expect(attribute(note!, "type")).toBe(footnote.status === "present" ? null : footnote.status);
          expect(gaps, footnote.anchor).toEqual(expectedGaps(footnote, essay.document));
          expect(attribute(note!, "cert")).toBe(footnote.attachment?.uncertain ? String(footnote.attachment.confidence) : null);
        }
      });
    }
  });

  it("marks every citation as a bibl around its words, its fields inside it, and a 同上 pointing to what it repeats", () => {
    let repeats = 0;
    let links = 0;
    for (const essay of essays) {
      withDocument(documentToTei(essay), (tei) => {
        for (const footnote of essay.document.footnotes) {
          if (footnote.citations.length === 0) continue;
          const [note] = elements(tei, `//tei:note[@xml:id="${footnote.anchor}"]`);
          const read = readNote(note!);
          for (const citation of footnote.citations) {
            const range = read.ranges.find((r) => r.element.name === "bibl" && xmlId(r.element) === citation.anchor);
            expect(range, citation.anchor).toBeDefined();
            expect(read.text.slice(range!.start, range!.end)).toBe(citation.raw);
            const inside = readBlock(range!.element);
            const field = (name: string, level: string | null = null) =>
              inside.ranges.filter((r) => r.element.name === name && attribute(r.element, "level") === level).map((r) => inside.text.slice(r.start, r.end));
            if (citation.repeats !== null) {
              repeats++;
              expect(attribute(range!.element, "corresp")).toBe(`#${citation.repeats}`);
              expect(elements(tei, `//tei:bibl[@xml:id="${citation.repeats}"]`)).toHaveLength(1);
              continue;
            }
            expect(field("author")).toEqual(citation.authors);
            if (citation.title !== null) expect(field("title")).toEqual([citation.title]);
            if (citation.container !== null) expect(field("title", "j")).toEqual([citation.container]);
            if (citation.url !== null) {
              links++;
              const [ref] = elements(range!.element, "tei:ref");
              expect(attribute(ref!, "target")).toBe(citation.url);
            }
            if (citation.date !== null) {
              const [date] = elements(range!.element, "tei:date");
              expect(attribute(date!, "when")).toBe(citation.date);
            }
            if (citation.pages !== null) {
              const [scope] = elements(range!.element, "tei:biblScope");
              expect(attribute(scope!, "from")).toBe(citation.pages.split("-")[0]);
            }
          }
        }
      });
    }
    expect(repeats).toBeGreaterThan(0);
    expect(links).toBeGreaterThan(20);
  });

  it("marks every concept mention as a term ref around exactly its words", () => {
    for (const essay of essays) {
      withDocument(documentToTei(essay), (tei) => {
        const found = new Set<string>();
        const blocks = [
          ...elements(tei, "//tei:body//tei:p").map((element) => ({ anchor: xmlId(element)!, element })),
          ...elements(tei, "//tei:body//tei:div").map((div) => ({ anchor: xmlId(div)!, element: elements(div, "tei:head")[0]! })),
          ...elements(tei, '//tei:note[@place="foot"]').map((element) => ({ anchor: xmlId(element)!, element })),
        ];
        let pieces = 0;
        for (const { anchor, element } of blocks) {
          // A mention split where it crosses another element: its pieces are linked by next/prev; read it whole.
          const whole = new Map<string, { start: number; end: number; ref: string | null }>();
          const mentions: { start: number; end: number; ref: string | null }[] = [];
          for (const range of readBlock(element).ranges.filter((r) => r.element.name === "term").sort((a, b) => a.start - b.start)) {
            const prev = attribute(range.element, "prev");
            const mention = prev === null ? { start: range.start, end: range.end, ref: attribute(range.element, "ref") } : whole.get(prev.slice(1))!;
            if (prev === null) mentions.push(mention);
            else {
              pieces++;
              expect(mention.end, `${prev} continues where it stopped`).toBeLessThanOrEqual(range.start);
              expect(attribute(range.element, "ref")).toBe(mention.ref);
              mention.end = range.end;
            }
            const id = xmlId(range.element);
            if (id !== null) whole.set(id, mention);
          }
          for (const m of mentions) found.add(`${anchor}:${m.start}:${m.end}:${m.ref}`);
        }
        if (essay.document.slug === "xu-2023-global-cyberspace-governance") expect(pieces).toBeGreaterThan(0);
        const expected = essay.concepts.mentions.map((m: TeiConceptMention) => `${m.blockAnchor}:${m.start}:${m.end}:${conceptHref(m.conceptId)}`);
        expect(expected.length).toBeGreaterThan(50);
        expect(expected.filter((key) => !found.has(key))).toEqual([]);
        expect(found.size).toBe(new Set(expected).size);
      });
    }
  });

  it("keeps the unattached note texts in back, each pointing to the notes it may belong to, never inside one", () => {
    const essay = essays.find((e) => e.document.fragments.length > 0)!;
    withDocument(documentToTei(essay), (tei) => {
      const unattached = elements(tei, '//tei:back//tei:note[@type="unattached"]');
      expect(unattached.map((note) => readNote(note).text)).toEqual(essay.document.fragments.map((f) => f.text));
      for (const note of unattached) {
        for (const pointer of (attribute(note, "corresp") ?? "").split(" ").filter(Boolean)) {
          expect(elements(tei, `//tei:note[@place="foot"][@xml:id="${pointer.slice(1)}"]`)).toHaveLength(1);
        }
      }
    });
  });

  it("describes the source and the ingest in the header", () => {
    const essay = essays[0]!;
    withDocument(documentToTei(essay), (tei) => {
      const text = (xpath: string) => elements(tei, xpath).map((e) => e.content);
      expect(text('//tei:sourceDesc/tei:bibl[@type="article"]/tei:title[@level="a"]')).toEqual([essay.document.title]);
      expect(text('//tei:sourceDesc/tei:bibl[@type="article"]/tei:author')).toEqual(essay.document.authors);
      expect(text('//tei:sourceDesc/tei:bibl[@type="article"]/tei:title[@level="j"]')).toEqual([essay.document.journal]);
      expect(text('//tei:sourceDesc/tei:bibl[@type="article"]/tei:biblScope[@unit="issue"]')).toEqual([essay.document.issue]);
      expect(text('//tei:idno[@type="sha256"]')).toEqual([essay.provenance.sourceSha256]);
      expect(text('//tei:idno[@type="corrections-sha256"]')).toEqual([essay.provenance.correctionsSha256]);
      expect(text('//tei:change[@type="ingest"]/tei:idno[@type="pipeline-version"]')).toEqual(["0123456789abcdef"]);
      const [warnings] = elements(tei, '//tei:measure[@type="warnings"]');
      expect(attribute(warnings!, "quantity")).toBe(String(essay.document.warnings.length));
      expect(elements(tei, '//tei:change[@type="correction"]')).toHaveLength(essay.document.corrections.length);
    });
    // Unknown stays absent: the second essay has no author, journal, issue or date.
    const unknown = essays[1]!;
    withDocument(documentToTei(unknown), (tei) => {
      expect(unknown.document.journal).toBeNull();
      expect(elements(tei, '//tei:sourceDesc/tei:bibl[@type="article"]/*').map((e) => e.name)).toEqual(["title"]);
      expect(elements(tei, "//tei:idno[@type='corrections-sha256']")).toHaveLength(0);
    });
    // The file's name only: a path given at ingest does not show the server's folders.
    const fromPath = documentToTei({ ...unknown, provenance: { ...unknown.provenance, sourceFile: "/srv/duizhao/corpus/001.txt" } });
    withDocument(fromPath, (tei) => expect(elements(tei, '//tei:idno[@type="file"]').map((e) => e.content)).toEqual(["001.txt"]));
  });

  it("writes a page break between blocks where the model knows the page, and inside a block at the character its page begins with", () => {
    for (const essay of essays) {
      withDocument(documentToTei(essay), (tei) => {
        // Essay 000 has pages that begin between paragraphs; in 001 every page after the first begins inside one.
        const between = elements(tei, "//tei:body//tei:pb[parent::tei:body or parent::tei:div]");
        if (essay === essays[0]) expect(between.length).toBeGreaterThan(0);
        let inside = 0;
        for (const paragraph of essay.document.paragraphs) {
          const [element] = elements(tei, `//tei:p[@xml:id="${paragraph.anchor}"]`);
          // Where each pb of the paragraph stands (notes skipped: their text is not the paragraph's).
          const offsets = readBlock(element!).ranges.filter((range) => range.element.name === "pb").map((range) => range.start);
          expect(offsets, paragraph.anchor).toEqual((paragraph.pageBreaks ?? []).map((pageBreak) => pageBreak.offset));
          inside += offsets.length;
        }
        expect(inside).toBeGreaterThan(10);
        // Extracted text: no page number is known, so none is written (a count would read as a printed number).
        const breaks = elements(tei, "//tei:pb");
        for (const pb of breaks) expect(attribute(pb, "n")).toBeNull();
        // Every page's break is written once in the body's flow (a note's own breaks are its note area's).
        expect(breaks.filter((pb) => !elements(pb, "ancestor::tei:note").length).length).toBeLessThanOrEqual(essay.document.pageCount);
      });
    }
  });

  it("puts a page break beside a marker on the side of the page the marker stood on", () => {
    const document = tinyDocument("第一页末尾的文字第二页开头");
    const paragraph = { ...document.paragraphs[0]!, markers: [{ label: "①", footnoteAnchor: "n-00000001", offset: 8 }], pageBreaks: [{ offset: 8, page: 2, folio: "28" }] };
    const provenance = essays[0]!.provenance;
    const read = (page: number) =>
      withDocument(documentToTei({ document: { ...document, paragraphs: [paragraph], footnotes: [{ ...document.footnotes[0]!, page }] }, provenance }), (tei) => {
        const [p] = elements(tei, "//tei:body//tei:p");
        return children(p!).filter((node): node is XmlElement => node instanceof XmlElement).map((node) => `${node.name}${attribute(node, "n") === null ? "" : ` ${attribute(node, "n")}`}`);
      });
    // The marker ended page 1's last line: its note, then the page break; it opened page 2: the break, then the note.
    expect(read(1)).toEqual(["note ①", "pb 28"]);
    expect(read(2)).toEqual(["pb 28", "note ①"]);
  });
});

// ---------------------------------------------------------------- corpus, determinism

describe("the corpus and determinism", () => {
  it("gives the same bytes for the same input", () => {
    for (const essay of essays) expect(documentToTei(essay)).toBe(documentToTei({ ...essay, document: structuredClone(essay.document) }));
    expect(corpusToTei({ title: "C", documents: essays })).toBe(corpusToTei({ title: "C", documents: essays }));
  });

  it("prefixes every id in a teiCorpus with its document's slug, and every pointer resolves", () => {
    const xml = corpusToTei({ title: "Duizhao corpus", documents: essays });
    withDocument(xml, (tei) => {
      const documents = elements(tei, "/tei:teiCorpus/tei:TEI");
      expect(documents.map(xmlId)).toEqual(essays.map((e) => e.document.slug));
      for (const document of documents) {
        const prefix = `${xmlId(document)}.`;
        for (const node of elements(document, ".//*[@xml:id]")) expect(xmlId(node)!.startsWith(prefix)).toBe(true);
      }
      const ids = new Set(elements(tei, "//*[@xml:id]").map((e) => xmlId(e)!));
      const pointers = elements(tei, "//*[@corresp]").flatMap((e) => attribute(e, "corresp")!.split(" "));
      expect(pointers.length).toBeGreaterThan(0);
      for (const pointer of pointers) expect(ids.has(pointer.slice(1)), pointer).toBe(true);
    });
  });

  it("prefixes a slug that starts with a digit so that ids stay NCNames, and refuses a slug given twice", () => {
    const digits = { ...essays[1]!, document: { ...essays[1]!.document, slug: "001-essay" } };
    const xml = corpusToTei({ title: "C", documents: [digits] });
    expect(xml).toContain('<TEI xml:id="_001-essay"');
    expect(schema.validate(xml).valid).toBe(true);
    expect(() => corpusToTei({ title: "C", documents: [essays[0]!, essays[0]!] })).toThrow(/given twice/);
  });
});

// ---------------------------------------------------------------- hostile and edge input

function tinyDocument(text: string): DocumentStructure {
  return {
    slug: "hostile",
    title: text,
    authors: [text],
    journal: text,
    issue: text,
    date: "not a date",
    abstract: text,
    pageCount: 1,
    headings: [{ anchor: "h-00000001", level: 1, label: text, text, markers: [], sourceLines: [2, 2], correction: text }],
    paragraphs: [
      {
        anchor: "p-00000001",
        headingAnchor: "h-00000001",
        text,
        markers: [{ label: text, footnoteAnchor: "n-00000001", offset: 3 }],
        sourceLines: [3, 4],
        correction: null,
      },
    ],
    footnotes: [
      {
        anchor: "n-00000001",
        label: text,
        page: 1,
        status: "present",
        text: `${text}，${text}`,
        citations: [
          { anchor: "n-00000001-c1", raw: text, authors: [text], title: text, container: null, date: null, pages: null, url: "javascript:alert(1)", repeats: null, sourceLines: [5, 5] },
        ],
        sourceLines: [5, 5],
        attachment: { how: "label", confidence: 0.5, uncertain: true, evidence: text },
        correction: text,
      },
    ],
    fragments: [{ text, sourceLines: [6, 6], page: 1, candidates: [text], reason: text }],
    debris: [],
    warnings: [{ code: "x", message: text, sourceLines: [1, 1] }],
    corrections: [{ index: 0, kind: text, applied: false, message: text }],
  };
}

describe("a note called from two markers", () => {
  const document = tinyDocument("国家主权原则适用于网络空间，网络主权是其延伸。");
  const paragraph = document.paragraphs[0]!;
  paragraph.markers = [
    { label: "①", footnoteAnchor: "n-00000001", offset: 14 },
    { label: "②", footnoteAnchor: "n-00000001", offset: 3 },
  ];
  const xml = documentToTei({ document, provenance: { sourceFile: "x.txt", sourceSha256: "c".repeat(64), correctionsSha256: null, pipelineVersion: "v" } });

  it("stands once, at its first call, and the later call points to it; the document stays valid", () => {
    expect(schema.validate(xml)).toEqual({ valid: true, errors: [] });
    withDocument(xml, (tei) => {
      const notes = elements(tei, "//tei:p//tei:note[@place='foot']");
      expect(notes.map(xmlId)).toEqual(["n-00000001"]);
      expect(attribute(notes[0]!, "n")).toBe("②");
      const pointers = elements(tei, "//tei:p//tei:ptr[@type='noteref']");
      expect(pointers.map((ptr) => [attribute(ptr, "target"), attribute(ptr, "n")])).toEqual([["#n-00000001", "①"]]);
    });
  });
});

describe("hostile text", () => {
  const hostile = `<p xml:id="x">&amp; ]]> <!-- --> "'\u0000\u0001\u000B\uFFFE\uD800 &lt;/note>`;
  const input: DocumentTeiInput = {
    document: tinyDocument(hostile),
    provenance: { sourceFile: hostile, sourceSha256: "b".repeat(64), correctionsSha256: null, pipelineVersion: hostile, ingestedAt: hostile },
    concepts: { mentions: [{ blockAnchor: "p-00000001", start: 0, end: 5, conceptId: `"><x/>` }], href: conceptHref },
  };

  it("stays inert text and the document stays valid", () => {
    const xml = documentToTei(input);
    expect(schema.validate(xml)).toEqual({ valid: true, errors: [] });
    expect(xml).not.toContain("<p xml:id=\"x\">");
    expect(xml).not.toContain("]]>");
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u);
  });

  it("reads back as written, forbidden characters as U+FFFD at the same offsets", () => {
    const inert = hostile.replace(/[\u0000\u0001\u000B\uFFFE\uD800]/gu, "\uFFFD");
    expect(inert.length).toBe(hostile.length);
    withDocument(documentToTei(input), (tei) => {
      const [p] = elements(tei, "//tei:body//tei:p");
      const read = readBlock(p!);
      expect(read.text).toBe(inert);
      expect(read.notes.map((n) => ({ offset: n.offset, n: n.n }))).toEqual([{ offset: 3, n: inert }]);
      expect(readNote(read.notes[0]!.element).text).toBe(`${inert}，${inert}`);
      expect(elements(tei, "//tei:term").map((t) => attribute(t, "ref"))).toEqual([conceptHref(`"><x/>`)]);
      expect(elements(tei, "//tei:title[@level='a']")[0]!.content).toBe(inert);
    });
  });

  it("never makes a link of a URL that is not http or https", () => {
    const xml = documentToTei(input);
    expect(xml).not.toContain("javascript:");
    expect(linkTarget("javascript:alert(1)")).toBeNull();
    expect(linkTarget(" data:text/html,x")).toBeNull();
    expect(linkTarget("https://例子.中国/路径 1?q=%E4%B8&x=%zz")).toBe("https://%E4%BE%8B%E5%AD%90.%E4%B8%AD%E5%9B%BD/%E8%B7%AF%E5%BE%84%201?q=%E4%B8&x=%25zz");
    expect(uriReference("/concepts/a\uD800b")).toBe("/concepts/a%EF%BF%BDb");
  });

  it("gives an empty body something TEI accepts", () => {
    const empty: DocumentStructure = { ...tinyDocument("x"), headings: [], paragraphs: [], footnotes: [], fragments: [] };
    const xml = documentToTei({ document: empty, provenance: input.provenance });
    expect(schema.validate(xml)).toEqual({ valid: true, errors: [] });
  });

  it("refuses an anchor that cannot be an xml:id rather than writing an invalid document", () => {
    const bad = tinyDocument("x");
    bad.paragraphs[0]!.anchor = "p 1";
    expect(() => documentToTei({ document: bad, provenance: input.provenance })).toThrow(/cannot be an xml:id/);
  });
});

describe("dates", () => {
  it("gives @when only for real dates", () => {
    expect(["2015", "2015-12", "2016-02-29"].map(w3cDate)).toEqual(["2015", "2015-12", "2016-02-29"]);
    expect(["2000-02-29", "1900-02-28", "0015-02-28"].map(w3cDate)).toEqual(["2000-02-29", "1900-02-28", "0015-02-28"]);
    expect(["2015-13", "2015-02-29", "1900-02-29", "2015-04-31", "2015-00-10", "0000", "15", "2015/12/16", "2015-1-2"].map(w3cDate)).toEqual(
      [null, null, null, null, null, null, null, null, null],
    );
    expect(w3cDateTime("2026-12-06T08:00:00.000Z")).toBe("2026-12-06T08:00:00.000Z");
    expect(w3cDateTime("2026-12-06T08:00:00+08:00")).toBe("2026-12-06T08:00:00+08:00");
    expect(w3cDateTime("2026-02-30T08:00:00Z")).toBeNull();
    expect(w3cDateTime("yesterday")).toBeNull();
  });
});

// ---------------------------------------------------------------- expectations from the model

/** Anchors in reading order (by first source line), as the body lists paragraphs. */
function byPosition(document: DocumentStructure) {
  const line = new Map(document.paragraphs.map((p) => [p.anchor, p.sourceLines[0]]));
  return (a: string, b: string) => line.get(a)! - line.get(b)!;
}

/** Where the TEI should say text was lost: a missing note is all gap, a truncated one has a gap at the end the warning names. */
function expectedGaps(footnote: Footnote, document: DocumentStructure): { at: number; reason: string }[] {
  switch (footnote.status) {
    case "present":
      return [];
    case "missing":
      return [{ at: 0, reason: "lost" }];
    case "unlocated":
      return [{ at: 0, reason: "unlocated" }];
    case "truncated": {
      const warning = document.warnings.find((w) => w.code === "note-truncated" && w.sourceLines.join() === footnote.sourceLines.join());
      expect(warning, footnote.anchor).toBeDefined();
      const start = /its start/.test(warning!.message);
      const end = /its end/.test(warning!.message);
      return [...(start ? [{ at: 0, reason: "lost" }] : []), ...(end ? [{ at: footnote.text.length, reason: "lost" }] : [])];
    }
  }
}
