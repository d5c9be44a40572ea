import { fileURLToPath } from "node:url";
import { XmlDocument, XmlElement, XmlText } from "libxml2-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { readSourceFile } from "@/lib/corpus/read-source-file";
import { parseDocument } from "@/lib/ingest/parse-document";
import { sampleDraft } from "@/tests/db/fixtures/sample-draft";
import { documentTeiElement, documentToTei, TEI_NAMESPACE, type DocumentTeiInput } from "./document-to-tei";
import { citationUnits, type DtsUnit } from "./dts-citation-tree";
import { DTS_NAMESPACE, passageToTei, UnknownPassageError } from "./passage-to-tei";

const root = fileURLToPath(new URL("../../", import.meta.url));
const ESSAYS = ["000_1322acf3015bdc34", "001_dd40619b11185e85"] as const;
const provenance = { sourceFile: "essay.txt", sourceSha256: "b".repeat(64), correctionsSha256: null, pipelineVersion: "v1" };

/** Each essay with its TEI element tree built once (passageToTei takes it, as the Document endpoint gives it). */
let essays: (DocumentTeiInput & { units: DtsUnit[]; element: ReturnType<typeof documentTeiElement> })[];
beforeAll(async () => {
  essays = await Promise.all(
    ESSAYS.map(async (name) => {
      const source = await readSourceFile(`${root}corpus/${name}.txt`);
      const document = parseDocument({ bytes: source.bytes, fileName: source.fileName, manifest: source.manifest ?? undefined, corrections: source.corrections ?? undefined });
      const input = { document, provenance };
      const element = documentTeiElement(input);
      return { ...input, element, units: citationUnits(element) };
    }),
  );
});

const NS = { tei: TEI_NAMESPACE, dts: DTS_NAMESPACE };

interface ReadPassage {
  rootName: string;
  rootNamespace: string;
  /** The wrapper's element children, by local name and xml:id. */
  wrapped: { name: string; id: string | null }[];
  /** The xml:id of every unit (div, p, footnote) inside the wrapper, in document order. */
  ids: string[];
  /** Text of the wrapper with every note left out; and each note's own text by its id. */
  text: string;
  notes: Map<string, string>;
  /** `pb` elements between the wrapper's blocks, with what follows each (the next element's name). */
  pageBreaks: (string | null)[];
  /** `pb` elements inside a block (a page that begins inside a paragraph or note): whether in a note, and how much of the wrapper's text (notes left out) stands before it. */
  innerPageBreaks: { inNote: boolean; textBefore: number }[];
  wrapperAttributes: Record<string, string>;
  headerTitle: string | null;
}

/** Parses a passage's TEI as a client would (libxml2), failing on anything not well-formed. */
function readPassage(xml: string): ReadPassage {
  const document = XmlDocument.fromString(xml);
  try {
    const rootElement = document.root;
    const [wrapper, ...more] = document.find("/tei:TEI/tei:text/tei:body/dts:wrapper", NS).filter((node): node is XmlElement => node instanceof XmlElement);
    if (!wrapper || more.length > 0) throw new Error("exactly one dts:wrapper in the body");
    const out: ReadPassage = {
      rootName: rootElement.name,
      rootNamespace: rootElement.namespaceUri,
      wrapped: [],
      ids: [],
      text: "",
      notes: new Map(),
      pageBreaks: [],
      innerPageBreaks: [],
      wrapperAttributes: Object.fromEntries(wrapper.attrs.map((attribute) => [attribute.name, attribute.value])),
      headerTitle: document.get("/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", NS)?.content ?? null,
    };
    const idOf = (element: XmlElement) => element.attr("id", "xml")?.value ?? null;
    const noteText = (element: XmlElement): string => {
      let text = "";
      for (let child = element.firstChild; child; child = child.next) {
        if (child instanceof XmlText) text += child.content;
        else if (child instanceof XmlElement && child.name !== "note") text += noteText(child);
      }
      return text;
    };
    const walk = (element: XmlElement, inNote: boolean) => {
      for (let child = element.firstChild; child; child = child.next) {
        if (child instanceof XmlText) {
          // The writer indents block elements (wrapper, div): that whitespace is layout, not text.
          const layout = (element.name === "wrapper" || element.name === "div") && child.content.trim() === "";
          if (!inNote && !layout) out.text += child.content;
        } else if (child instanceof XmlElement) {
          const id = idOf(child);
          // Units only (a section's div, a p, a footnote), not the ids of citations and split terms inside them.
          const unit = child.name === "div" || child.name === "p" || (child.name === "note" && child.attr("place")?.value === "foot");
          if (id !== null && unit) out.ids.push(id);
          if (child.name === "pb" && element.name !== "wrapper" && element.name !== "div") {
            out.innerPageBreaks.push({ inNote: inNote || element.name === "note", textBefore: out.text.length });
          } else if (child.name === "pb") {
            let next = child.next;
            while (next && !(next instanceof XmlElement)) next = next.next;
            out.pageBreaks.push(next instanceof XmlElement ? next.name : null);
          }
          if (child.name === "note" && id !== null) out.notes.set(id, noteText(child));
          walk(child, inNote || child.name === "note");
        }
      }
    };
    for (let child = wrapper.firstChild; child; child = child.next) {
      if (child instanceof XmlElement) out.wrapped.push({ name: child.name, id: idOf(child) });
    }
    walk(wrapper, false);
    return out;
  } finally {
    document.dispose();
  }
}

const subtreeIds = (units: readonly DtsUnit[], unit: DtsUnit) => units.slice(unit.index, unit.last + 1).map((u) => u.identifier);
const ancestorIds = (units: readonly DtsUnit[], unit: DtsUnit): string[] => {
  const parent = units.find((candidate) => candidate.identifier === unit.parent);
  return parent ? [...ancestorIds(units, parent), parent.identifier] : [];
};

describe("a passage's TEI (DTS 1.0 Document endpoint)", () => {
  it("holds exactly one paragraph's text, with its notes at their places, inside the sections around it as empty shells", () => {
    let checked = 0;
    let brokenInside = 0;
    for (const essay of essays) {
      for (const paragraph of essay.document.paragraphs) {
        const unit = essay.units.find((candidate) => candidate.identifier === paragraph.anchor)!;
        const read = readPassage(passageToTei(essay, { ref: paragraph.anchor }, essay.element));
        expect([read.rootName, read.rootNamespace]).toEqual(["TEI", TEI_NAMESPACE]);
        expect(read.text, paragraph.anchor).toBe(paragraph.text);
        // Its own id and its notes', after the ids of the section shells around it, and nothing else.
        expect(read.ids).toEqual([...ancestorIds(essay.units, unit), ...subtreeIds(essay.units, unit)]);
        expect([...read.notes.keys()]).toEqual(paragraph.markers.map((marker) => marker.footnoteAnchor));
        for (const marker of paragraph.markers) {
          expect(read.notes.get(marker.footnoteAnchor)).toBe(essay.document.footnotes.find((note) => note.anchor === marker.footnoteAnchor)!.text);
        }
        expect(read.wrapperAttributes).toEqual({ ref: `//*[@xml:id='${paragraph.anchor}']` });
        expect(read.headerTitle).toBe(essay.document.title);
        // A page break between blocks only ever announces the block that follows it; one inside the paragraph
        // stands at the character its page begins with.
        expect(read.pageBreaks.every((next) => next === "p")).toBe(true);
        const inside = read.innerPageBreaks.filter((pb) => !pb.inNote).map((pb) => pb.textBefore);
        expect(inside).toEqual((paragraph.pageBreaks ?? []).map((b) => b.offset));
        brokenInside += inside.length;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
    // The corpus essays' paragraphs run over most of their pages.
    expect(brokenInside).toBeGreaterThan(20);
  });

  it("gives a section whole (its head, its paragraphs, its subsections) and a note alone", () => {
    for (const essay of essays) {
      const section = essay.units.find((unit) => unit.citeType === "section")!;
      const read = readPassage(passageToTei(essay, { ref: section.identifier }));
      expect(read.wrapped).toEqual([{ name: "div", id: section.identifier }]);
      expect(read.ids).toEqual(subtreeIds(essay.units, section));
      const heading = essay.document.headings.find((candidate) => candidate.anchor === section.identifier)!;
      expect(read.text.startsWith(heading.text)).toBe(true);

      const note = essay.units.find((unit) => unit.citeType === "note")!;
      const readNote = readPassage(passageToTei(essay, { ref: note.identifier }));
      const footnote = essay.document.footnotes.find((candidate) => candidate.anchor === note.identifier)!;
      expect(readNote.text).toBe("");
      expect([...readNote.notes]).toEqual([[note.identifier, footnote.text]]);
      expect(readNote.ids.filter((id) => id.startsWith("p-"))).toEqual([]);
    }
  });

  it("gives a range from one paragraph to another across sections: every paragraph between, in order, nothing outside", () => {
    for (const essay of essays) {
      const paragraphs = essay.units.filter((unit) => unit.citeType === "paragraph");
      const start = paragraphs[2]!;
      const end = paragraphs.find((unit) => unit.index > start.index && ancestorIds(essay.units, unit)[0] !== ancestorIds(essay.units, start)[0])!;
      expect(end, "a paragraph in a later section").toBeDefined();
      const read = readPassage(passageToTei(essay, { start: start.identifier, end: end.identifier }));
      const expected = paragraphs.filter((unit) => unit.index >= start.index && unit.index <= end.index).map((unit) => unit.identifier);
      expect(read.ids.filter((id) => id.startsWith("p-"))).toEqual(expected);
      // The text between: the paragraphs, and the head of each section that begins inside the range (not of the
      // sections around the start, which are shells without their head).
      const between = essay.units.filter((unit) => unit.index >= start.index && unit.index <= end.index && unit.citeType !== "note");
      expect(between.some((unit) => unit.citeType === "section")).toBe(true);
      const textOf = (unit: DtsUnit) =>
        unit.citeType === "section"
          ? essay.document.headings.find((heading) => heading.anchor === unit.identifier)!.text
          : essay.document.paragraphs.find((paragraph) => paragraph.anchor === unit.identifier)!.text;
      expect(read.text).toBe(between.map(textOf).join(""));
      expect(read.wrapperAttributes).toEqual({ start: `//*[@xml:id='${start.identifier}']`, end: `//*[@xml:id='${end.identifier}']` });
    }
  });

  it("is cut from the same markup as the whole document's TEI", () => {
    const essay = essays[1]!;
    const paragraph = essay.document.paragraphs.find((candidate) => candidate.markers.length > 1)!;
    const whole = documentToTei(essay);
    const pattern = new RegExp(`<p xml:id="${paragraph.anchor}">.*?</p>`, "su");
    expect(passageToTei(essay, { ref: paragraph.anchor })).toContain(pattern.exec(whole)![0]);
  });

  it("keeps hostile text inert and refuses a unit the document lacks", () => {
    const draft = sampleDraft();
    draft.paragraphs[0]!.text = "</p></dts:wrapper><script>alert(1)</script>&amp;";
    draft.paragraphs[0]!.markers = [];
    const input = { document: draft, provenance };
    const read = readPassage(passageToTei(input, { ref: "p-00000001" }));
    expect(read.text).toBe(draft.paragraphs[0]!.text);
    expect(() => passageToTei(input, { ref: "p-nowhere" })).toThrow(UnknownPassageError);
    expect(() => passageToTei(input, { start: "p-00000003", end: "p-00000001" })).toThrow(RangeError);
  });
});
