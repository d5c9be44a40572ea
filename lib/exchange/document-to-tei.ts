import type { DocumentStructure, Footnote, Heading, IngestWarning, Marker, PageBreak, Paragraph } from "@/lib/model/document-model";
import { locateCitationFields, type FieldSpan } from "./locate-citation-fields";
import { locatePageBreaks } from "./locate-page-breaks";
import { foliosByPage } from "@/lib/reader/printed-page";
import { placementPageBreaks, printedPageNumber } from "./placement-page-breaks";
import { nestInlineMarkup, type InlinePoint, type InlineSpan } from "./nest-inline-markup";
import { blockElement, element, isNcName, replaceForbiddenCharacters, serializeXmlDocument, type XmlElement, type XmlNode } from "./xml-writer";

/**
 * A document of the corpus as TEI P5 XML, and the corpus as a teiCorpus. Pure: the document model (as the
 * parser makes it and lib/db returns it) and the ingest's provenance in, a string out; same input, same bytes.
 * The subset written here is exactly what lib/exchange/tei-subset.rng allows; every mapping decision is stated
 * in the header's editorialDecl of each document, so a reader of the file needs no other documentation.
 *
 * - Paragraphs are `p` with xml:id = the block's anchor; a heading opens a `div` (xml:id = its anchor, n = its
 *   printed enumerator) whose `head` is the heading text, and holds what follows up to the next heading of the
 *   same or a higher level.
 * - Every marker is a `note place="foot"` at the marker's offset, n = the printed label, xml:id = the note's
 *   anchor: present notes hold their text; a missing one `<gap reason="lost"/>`; a truncated one its surviving
 *   text and a `gap reason="lost"` where the text was cut; an unlocated one `<gap reason="unlocated"/>` (its text
 *   may be among the unattached note texts, which are listed in `back`, never attached here).
 * - Each citation is a `bibl` around its words in the note (xml:id = the citation's anchor), with `author`,
 *   `title`, `title level="j"` (the container), `date when`, `biblScope unit="page"` and `ref target` (http and
 *   https only) around their words; a 同上 points to the citation it repeats with `corresp`.
 * - `pb` stands where a printed page begins: between two blocks where the model knows the page changes
 *   (locate-page-breaks.ts; for an essay read from a PDF, where every block knows its pages,
 *   placement-page-breaks.ts), and inside a paragraph, heading or note at the character the page's text begins
 *   with (the model's pageBreaks). n is the page number printed on the page (its folio) when the source shows
 *   it, and absent otherwise: never a count of pages, which TEI would read as a printed number. Where the PDF is
 *   kept, facs points to the page in it (`#page=N`, RFC 8118), the physical page the count would have given.
 * - Concept mentions, when given, are `term ref` around the mentioned words.
 *
 * In a teiCorpus every xml:id is prefixed with the document's slug (`<slug>.<anchor>`; `_` before a slug that
 * starts with a digit): anchors are unique within a document only.
 */

export interface TeiProvenance {
  /** The source text's file name as ingested; a path is cut to its last segment (an export never shows the server's folders). */
  sourceFile: string;
  /** SHA-256 (hex) of the source text's bytes. */
  sourceSha256: string;
  /** SHA-256 (hex) of its corrections file; null when it has none. */
  correctionsSha256: string | null;
  /** The ingest pipeline's version (lib/corpus/pipeline-version.ts). */
  pipelineVersion: string;
  /** When it was ingested (ISO 8601 date-time); absent or null: left out, and the output depends on the text only. */
  ingestedAt?: string | null;
}

/** A concept mention as the database keeps it: UTF-16 offsets into the text of the block with that anchor. */
export interface TeiConceptMention {
  blockAnchor: string;
  start: number;
  end: number;
  conceptId: string;
}

export interface DocumentTeiInput {
  document: DocumentStructure;
  provenance: TeiProvenance;
  /** Concept mentions to mark as `term ref`, and the URL (absolute or relative) of a concept's description. */
  concepts?: {
    mentions: readonly TeiConceptMention[];
    href: (conceptId: string) => string;
  };
  /**
   * The URL (absolute or relative) of the PDF the document was read from, opened at a page (1-based), when the
   * PDF is kept: each pb then points to its page there (facs). Absent: no facs.
   */
  facsimile?: (page: number) => string;
}

export interface CorpusTeiInput {
  title: string;
  documents: readonly DocumentTeiInput[];
}

export const TEI_NAMESPACE = "http://www.tei-c.org/ns/1.0";
/** The media type to serve the TEI with (RFC 6129). */
export const TEI_MEDIA_TYPE = "application/tei+xml";

/** One document as a TEI file. */
export function documentToTei(input: DocumentTeiInput): string {
  return serializeXmlDocument(documentTeiElement(input));
}

/** One document's `TEI` element, unserialised: what passage-to-tei.ts cuts a passage out of. */
export function documentTeiElement(input: DocumentTeiInput): XmlElement {
  return documentElement(input, { idPrefix: null, root: true });
}

/** Several documents as one teiCorpus file, in the order given. */
export function corpusToTei(input: CorpusTeiInput): string {
  const slugs = new Set<string>();
  const documents = input.documents.map((entry) => {
    const { slug } = entry.document;
    if (slugs.has(slug)) throw new Error(`corpusToTei: the slug ${slug} is given twice`);
    slugs.add(slug);
    return documentElement(entry, { idPrefix: corpusIdPrefix(slug), root: false });
  });
  const header = blockElement("teiHeader", {}, [
    blockElement("fileDesc", {}, [
      blockElement("titleStmt", {}, [element("title", {}, [input.title])]),
      publicationStatement(null),
      blockElement("sourceDesc", {}, [
        element("p", {}, [`Exported from Duizhao: ${documents.length} ${documents.length === 1 ? "document" : "documents"}, each with its own header describing its source.`]),
      ]),
    ]),
  ]);
  return serializeXmlDocument(blockElement("teiCorpus", { xmlns: TEI_NAMESPACE, "xml:lang": "zh" }, [header, ...documents]));
}

/** `<slug>.` as an xml:id prefix: a slug may start with a digit, which an xml:id may not. */
function corpusIdPrefix(slug: string): string {
  return /^[0-9]/.test(slug) ? `_${slug}` : slug;
}

interface Context {
  /** null: ids are the anchors themselves. */
  idPrefix: string | null;
  root: boolean;
}

function documentElement(input: DocumentTeiInput, context: Context): XmlElement {
  const { document } = input;
  const id = (anchor: string) => {
    const value = context.idPrefix === null ? anchor : `${context.idPrefix}.${anchor}`;
    if (!isNcName(value)) throw new Error(`documentToTei: ${JSON.stringify(anchor)} of ${document.slug} cannot be an xml:id`);
    return value;
  };
  const writer = new BodyWriter(document, input.concepts, id, input.facsimile);
  return blockElement(
    "TEI",
    { xmlns: context.root ? TEI_NAMESPACE : null, "xml:id": context.idPrefix, "xml:lang": "zh" },
    [teiHeader(input), blockElement("text", {}, writer.textParts())],
  );
}

function publicationStatement(slug: string | null): XmlElement {
  return blockElement("publicationStmt", {}, [
    element("publisher", {}, ["Duizhao"]),
    ...(slug === null ? [] : [element("idno", { type: "slug" }, [slug])]),
    element("availability", {}, [element("p", {}, ["Exported from the Duizhao corpus explorer; the rights in the text are those of its authors and publisher."])]),
  ]);
}

function teiHeader({ document, provenance }: DocumentTeiInput): XmlElement {
  const article: XmlNode[] = [
    element("title", { level: "a" }, [document.title]),
    ...document.authors.map((author) => element("author", {}, [author])),
  ];
  if (document.journal !== null) article.push(element("title", { level: "j" }, [document.journal]));
  if (document.issue !== null) article.push(element("biblScope", { unit: "issue" }, [document.issue]));
  if (document.date !== null) article.push(element("date", { when: w3cDate(document.date) }, [document.date]));
  const extracted: XmlNode[] = [
    element("idno", { type: "file" }, [fileName(provenance.sourceFile)]),
    element("idno", { type: "sha256" }, [provenance.sourceSha256]),
  ];
  if (provenance.correctionsSha256 !== null) extracted.push(element("idno", { type: "corrections-sha256" }, [provenance.correctionsSha256]));

  const header: XmlNode[] = [
    blockElement("fileDesc", {}, [
      blockElement("titleStmt", {}, [element("title", {}, [document.title]), ...document.authors.map((author) => element("author", {}, [author]))]),
      publicationStatement(document.slug),
      blockElement("sourceDesc", {}, [
        blockElement("bibl", { type: "article" }, article),
        blockElement("bibl", { type: "extracted-text" }, extracted),
      ]),
    ]),
    blockElement("encodingDesc", {}, [
      blockElement(
        "editorialDecl",
        {},
        (placementPageBreaks([...document.headings, ...document.paragraphs]) ? EDITORIAL_DECLARATION.map((text) => (text === PAGE_BREAKS_OF_TEXT ? PAGE_BREAKS_OF_PDF : text)) : EDITORIAL_DECLARATION).map((text) => element("p", {}, [text])),
      ),
    ]),
  ];
  const profile: XmlNode[] = [];
  if (document.abstract !== null) profile.push(blockElement("abstract", {}, [element("p", {}, [document.abstract])]));
  profile.push(blockElement("langUsage", {}, [element("language", { ident: "zh" }, ["Chinese"])]));
  header.push(blockElement("profileDesc", {}, profile));
  header.push(blockElement("revisionDesc", {}, [ingestChange(document, provenance), ...document.corrections.map(correctionChange)]));
  return blockElement("teiHeader", {}, header);
}

/** The last segment of a path, `/` or `\\` separated. */
function fileName(path: string): string {
  return path.split(/[\\/]/u).filter((segment) => segment !== "").pop() ?? path;
}

const PAGE_BREAKS_OF_TEXT =
  "pb stands between blocks where the page change is known, and inside a paragraph, head or note at the character its new page begins with; it carries no n, since the page numbers of extracted text cannot be read reliably (folios come out garbled), and a count of its pages would read as printed numbers.";
/** For an essay read from a PDF, where every block knows its pages. */
const PAGE_BREAKS_OF_PDF =
  "pb stands before the first block each page of the PDF begins with, and inside a paragraph, head or note at the character its new page begins with; n is the page number printed on that page (its folio), absent where the page prints none; facs, where given, points to the page in the PDF the text was read from.";

const EDITORIAL_DECLARATION = [
  "Text as the Duizhao ingest pipeline normalised it from text extracted from the printed article; page furniture (running heads, folios, marker lists) removed.",
  "Paragraphs (p) and headings (the div they open) carry as xml:id the anchor the Duizhao reader uses; a div's n is the heading's printed enumerator.",
  "Notes stand where their markers stood, n being the printed label. A note whose text the source lost holds gap reason=lost; a truncated one holds what survives and a gap reason=lost where it was cut; one whose text could not be located holds gap reason=unlocated, its text perhaps among the unattached note texts in back, which are never attached by guesswork. cert gives the parser's confidence where a note's attachment is uncertain.",
  PAGE_BREAKS_OF_TEXT,
  "Concept mentions are term, ref pointing to the concept's description; a mention that crosses another's boundary is split into pieces linked by next and prev.",
  "Citations in notes are bibl around their words, fields marked where the words say them; a field read but not printed as such (a date, a page range, a URL) is given as an empty element with its value in attributes; corresp on a bibl points to the citation it repeats (同上, ibid.).",
] as const;

function ingestChange(document: DocumentStructure, provenance: TeiProvenance): XmlElement {
  const warnings = document.warnings.length;
  const fragments = document.fragments.length;
  return element("change", { type: "ingest", when: provenance.ingestedAt ? w3cDateTime(provenance.ingestedAt) : null }, [
    "Ingested by the Duizhao pipeline ",
    element("idno", { type: "pipeline-version" }, [provenance.pipelineVersion]),
    ": ",
    element("measure", { type: "warnings", quantity: warnings }, [`${warnings} ${warnings === 1 ? "warning" : "warnings"}`]),
    ", ",
    element("measure", { type: "unattached-note-texts", quantity: fragments }, [`${fragments} unattached note ${fragments === 1 ? "text" : "texts"}`]),
    ".",
  ]);
}

function correctionChange(outcome: DocumentStructure["corrections"][number]): XmlElement {
  return element("change", { type: "correction", status: outcome.applied ? "applied" : "not-applied", n: outcome.index }, [
    `Corrections file entry ${outcome.index} (${outcome.kind}): ${outcome.message}`,
  ]);
}

/** A date for @when: the model's ISO-like "2015", "2015-12", "2015-12-16" when it is a real date; otherwise none. */
export function w3cDate(value: string): string | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  // XML Schema 1.0, which RELAX NG validators use for these types, has no year 0000.
  if (year === 0) return null;
  if (match[2] === undefined) return value;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return value;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  const day = Number(match[3]);
  return day >= 1 && day <= days ? value : null;
}

/** A date-time for @when (as Date.toISOString writes one, or with an offset), or a date; otherwise none. */
export function w3cDateTime(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(value)) {
    return w3cDate(value.slice(0, 10)) === null || Number.isNaN(Date.parse(value)) ? null : value;
  }
  return w3cDate(value);
}

type Block = { kind: "heading"; heading: Heading } | { kind: "paragraph"; paragraph: Paragraph };

/** Writes the body (headings, paragraphs, notes, citations, mentions, page breaks) and the back matter. */
class BodyWriter {
  private readonly notes: Map<string, Footnote>;
  private readonly mentions: Map<string, TeiConceptMention[]>;
  private readonly truncations: Map<string, "start" | "end" | "both">;
  /** Notes already written at an earlier marker, in reading order. */
  private readonly placedNotes = new Set<string>();

  /** Pages whose break the body has written, inside a block or between blocks: each is written once. */
  private readonly pagesBroken = new Set<number>();

  constructor(
    private readonly document: DocumentStructure,
    private readonly concepts: DocumentTeiInput["concepts"],
    private readonly id: (anchor: string) => string,
    private readonly facsimile: DocumentTeiInput["facsimile"],
  ) {
    this.notes = new Map(document.footnotes.map((note) => [note.anchor, note]));
    this.mentions = new Map();
    for (const mention of concepts?.mentions ?? []) {
      const list = this.mentions.get(mention.blockAnchor) ?? [];
      list.push(mention);
      this.mentions.set(mention.blockAnchor, list);
    }
    this.truncations = truncatedEnds(document.footnotes, document.warnings);
  }

  textParts(): XmlElement[] {
    const parts = [blockElement("body", {}, this.body())];
    const back = this.back();
    if (back) parts.push(back);
    return parts;
  }

  private body(): XmlNode[] {
    const blocks: Block[] = [
      ...this.document.headings.map((heading) => ({ kind: "heading" as const, heading, line: heading.sourceLines[0] })),
      ...this.document.paragraphs.map((paragraph) => ({ kind: "paragraph" as const, paragraph, line: paragraph.sourceLines[0] })),
    ]
      // Reading order as the parser has it: by first source line, a heading before a paragraph on the same line.
      .sort((a, b) => a.line - b.line || (a.kind === "heading" ? -1 : 1) - (b.kind === "heading" ? -1 : 1));
    const ordered = blocks.map((block) => (block.kind === "heading" ? block.heading : block.paragraph));
    // A PDF's blocks know their pages, and their pages' folios: the breaks are exact and numbered as printed.
    const placed = placementPageBreaks(ordered);
    const folios = foliosByPage(this.document);
    const breaks = placed ?? locatePageBreaks(this.document, ordered);

    const root: XmlNode[] = [];
    const open: { level: number; children: XmlNode[]; heading: Heading }[] = [];
    const target = () => open[open.length - 1]?.children ?? root;
    const close = () => {
      const section = open.pop()!;
      target().push(
        blockElement("div", { "xml:id": this.id(section.heading.anchor), n: section.heading.label || null }, section.children),
      );
    };
    blocks.forEach((block, index) => {
      // A page already begun inside an earlier block (the model's evidence between blocks may say so too) is not begun again.
      const pageBreaks = breaks[index]!.filter((page) => !this.pagesBroken.has(page)).map((page) => this.pageBreak(page, placed ? folios.get(page) : undefined));
      if (block.kind === "heading") {
        while (open.length > 0 && open[open.length - 1]!.level >= block.heading.level) close();
        open.push({ level: block.heading.level, heading: block.heading, children: [...pageBreaks, this.head(block.heading)] });
      } else {
        target().push(...pageBreaks, this.paragraph(block.paragraph));
      }
    });
    while (open.length > 0) close();
    // TEI's body must hold something; the model allows a document without blocks.
    return root.length > 0 ? root : [element("div")];
  }

  private head(heading: Heading): XmlElement {
    return element("head", {}, [...this.blockContent(heading.anchor, heading.text, heading.markers, heading.pageBreaks), ...this.correction(heading.correction)]);
  }

  private paragraph(paragraph: Paragraph): XmlElement {
    return element("p", { "xml:id": this.id(paragraph.anchor) }, [
      ...this.blockContent(paragraph.anchor, paragraph.text, paragraph.markers, paragraph.pageBreaks),
      ...this.correction(paragraph.correction),
    ]);
  }

  /**
   * `pb` for a page: n its printed number when known (and a page number), facs its page in the kept PDF. The
   * page's count stays out of n (see PAGE_BREAKS_OF_TEXT).
   */
  private pageBreak(page: number, folio: string | undefined): XmlElement {
    return element("pb", { n: printedPageNumber(folio), facs: this.facsimile ? uriReference(this.facsimile(page)) : null });
  }

  /** A block's text with its notes at their markers, the pages that begin inside it, and its concept mentions as terms. */
  private blockContent(anchor: string, text: string, markers: readonly Marker[], pageBreaks: readonly PageBreak[] = []): XmlNode[] {
    // A note called from more than one marker stands once, at its first call; a later call points to it
    // (TEI's ptr), so that its xml:id is not written twice.
    const inOrder = [...markers].sort((a, b) => a.offset - b.offset);
    const notePoints = inOrder.map((marker) => {
      const repeat = this.placedNotes.has(marker.footnoteAnchor);
      this.placedNotes.add(marker.footnoteAnchor);
      const node = repeat ? element("ptr", { type: "noteref", target: `#${this.id(marker.footnoteAnchor)}`, n: marker.label }) : this.note(marker);
      // Where a marker and a page break share an offset (a marker ending one page's last line, or opening the
      // next page's first), the marker's page says which comes first.
      return { offset: marker.offset, node, page: this.notes.get(marker.footnoteAnchor)?.page ?? 0 };
    });
    const breakPoints = pageBreaks.map((pageBreak) => {
      this.pagesBroken.add(pageBreak.page);
      return { offset: pageBreak.offset, node: this.pageBreak(pageBreak.page, pageBreak.folio), page: pageBreak.page - 0.5 };
    });
    const points: InlinePoint[] = [...notePoints, ...breakPoints]
      .sort((a, b) => a.offset - b.offset || a.page - b.page)
      .map(({ offset, node }) => ({ offset, node }));
    return nestInlineMarkup(text, this.termSpans(anchor), points);
  }

  private correction(correction: string | null): XmlElement[] {
    return correction === null ? [] : [element("note", { type: "correction" }, [correction])];
  }

  /**
   * Mentions as term spans. One that crosses another's boundary (a member of a compound read over a concept's
   * wording: 国际规则 and 规则缺失 in 国际规则缺失) is split into pieces, linked by next and prev through ids
   * made from the block's id and the mention's place in the block (mentions in text order).
   */
  private termSpans(blockAnchor: string): InlineSpan[] {
    const concepts = this.concepts;
    if (!concepts) return [];
    const mentions = [...(this.mentions.get(blockAnchor) ?? [])].sort(
      (a, b) => a.start - b.start || b.end - a.end || (a.conceptId < b.conceptId ? -1 : a.conceptId > b.conceptId ? 1 : 0),
    );
    return mentions.map((mention, index) => {
      const pieceId = (piece: number) => `${this.id(blockAnchor)}.m${index}.${piece}`;
      return {
        start: mention.start,
        end: mention.end,
        priority: 0,
        make: (children, piece) => {
          const split = piece.index > 0 || !piece.last;
          return element(
            "term",
            {
              "xml:id": split ? pieceId(piece.index) : null,
              ref: uriReference(concepts.href(mention.conceptId)),
              prev: piece.index > 0 ? `#${pieceId(piece.index - 1)}` : null,
              next: piece.last ? null : `#${pieceId(piece.index + 1)}`,
            },
            children,
          );
        },
      };
    });
  }

  private note(marker: Marker): XmlElement {
    const note = this.notes.get(marker.footnoteAnchor);
    if (!note) {
      // The model says every marker has a footnote; a marker without one still stands where it stood.
      return element("note", { "xml:id": this.id(marker.footnoteAnchor), place: "foot", n: marker.label, type: "missing" }, [element("gap", { reason: "lost" })]);
    }
    const attributes = {
      "xml:id": this.id(note.anchor),
      place: "foot",
      n: marker.label,
      type: note.status === "present" ? null : note.status,
      cert: note.attachment?.uncertain ? String(note.attachment.confidence) : null,
    };
    const correction = this.correction(note.correction);
    switch (note.status) {
      case "missing":
        return element("note", attributes, [element("gap", { reason: "lost" }), ...correction]);
      case "unlocated":
        return element("note", attributes, [element("gap", { reason: "unlocated" }), ...correction]);
      case "truncated": {
        const lost = this.truncations.get(note.anchor) ?? "end";
        const gap = () => element("gap", { reason: "lost" });
        return element("note", attributes, [
          ...(lost === "start" || lost === "both" ? [gap()] : []),
          ...this.noteText(note),
          ...(lost === "end" || lost === "both" ? [gap()] : []),
          ...correction,
        ]);
      }
      case "present":
        return element("note", attributes, [...this.noteText(note), ...correction]);
    }
  }

  /** A note's text with its citations as bibl (fields marked in place) and its concept mentions as terms. */
  private noteText(note: Footnote): XmlNode[] {
    const spans: InlineSpan[] = [...this.termSpans(note.anchor)];
    const trailing: XmlElement[] = [];
    let cursor = 0;
    for (const citation of note.citations) {
      const at = note.text.indexOf(citation.raw, cursor);
      const located = locateCitationFields(citation);
      const fallbacks = citation.repeats === null ? located.unlocated.flatMap(({ field, value }) => emptyField(field, value)) : [];
      const attributes = {
        "xml:id": this.id(citation.anchor),
        corresp: citation.repeats === null ? null : `#${this.id(citation.repeats)}`,
      };
      if (at === -1) {
        // The model says raw is as the note reads; if it is not there, the citation is still given, without words.
        trailing.push(element("bibl", attributes, fallbacks));
        continue;
      }
      cursor = at + citation.raw.length;
      spans.push({ start: at, end: cursor, priority: 2, make: (children) => element("bibl", attributes, [...children, ...fallbacks]) });
      for (const field of located.spans) spans.push(fieldSpan(field, at));
    }
    // A note that runs on overleaf: its page breaks are the note area's, not the body's (not counted in pagesBroken).
    const breaks: InlinePoint[] = (note.pageBreaks ?? []).map((pageBreak) => ({ offset: pageBreak.offset, node: this.pageBreak(pageBreak.page, pageBreak.folio) }));
    return [...nestInlineMarkup(note.text, spans, breaks), ...trailing];
  }

  private back(): XmlElement | null {
    const fragments = this.document.fragments;
    if (fragments.length === 0) return null;
    return blockElement("back", {}, [
      blockElement("div", { type: "unattached-notes" }, [
        element("head", {}, ["Unattached note texts"]),
        ...fragments.map((fragment) => {
          const candidates = this.document.footnotes
            .filter((note) => note.page === fragment.page && fragment.candidates.includes(note.label))
            .map((note) => `#${this.id(note.anchor)}`);
          return element("note", { type: "unattached", corresp: candidates.length > 0 ? candidates.join(" ") : null }, [
            fragment.text,
            element("note", { type: "reason" }, [fragment.reason]),
          ]);
        }),
      ]),
    ]);
  }
}

function fieldSpan(field: FieldSpan, shift: number): InlineSpan {
  const start = field.start + shift;
  const end = field.end + shift;
  const make = (children: XmlNode[]): XmlElement => {
    switch (field.field) {
      case "author":
        return element("author", {}, children);
      case "title":
        return element("title", {}, children);
      case "container":
        return element("title", { level: "j" }, children);
      case "date":
        return element("date", { when: w3cDate(field.value) }, children);
      case "pages":
        return element("biblScope", { unit: "page", ...pageRange(field.value) }, children);
      case "url":
        return linkTarget(field.value) === null ? element("seg", { type: "url" }, children) : element("ref", { target: linkTarget(field.value) }, children);
    }
  };
  return { start, end, priority: 1, make };
}

/** What a field the note does not print as such becomes: an empty element carrying its value, when TEI has a place for it. */
function emptyField(field: FieldSpan["field"], value: string): XmlElement[] {
  switch (field) {
    case "date": {
      const when = w3cDate(value);
      return when === null ? [] : [element("date", { when })];
    }
    case "pages":
      return [element("biblScope", { unit: "page", ...pageRange(value) })];
    case "url": {
      const target = linkTarget(value);
      return target === null ? [] : [element("ref", { target })];
    }
    default:
      return [];
  }
}

function pageRange(pages: string): { from?: string; to?: string } {
  const match = /^([0-9]+|[ivxlc]+)(?:-([0-9]+|[ivxlc]+))?$/iu.exec(pages);
  if (!match) return {};
  return { from: match[1]!, to: match[2] ?? match[1]! };
}

/** A link target for `ref`: http and https URLs only (as URI references), so an export never carries a script URL. */
export function linkTarget(url: string): string | null {
  if (!/^https?:\/\/[^\s]/iu.test(url.trim())) return null;
  return uriReference(url.trim());
}

/** Any string as a URI reference: characters a URI may not hold are percent-encoded (UTF-8); existing escapes kept. */
export function uriReference(value: string): string {
  return replaceForbiddenCharacters(value).replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (ch) => encodeURIComponent(ch));
}

/**
 * Which end of each truncated note was lost. The model has it only in the words of the ingest warning
 * ("its start was", "its end was", "its start and its end were"), matched by the note's source lines; a note
 * without such a warning is taken to have lost its end.
 */
function truncatedEnds(notes: readonly Footnote[], warnings: readonly IngestWarning[]): Map<string, "start" | "end" | "both"> {
  const byLines = new Map<string, IngestWarning>();
  for (const warning of warnings) if (warning.code === "note-truncated") byLines.set(warning.sourceLines.join(":"), warning);
  const ends = new Map<string, "start" | "end" | "both">();
  for (const note of notes) {
    if (note.status !== "truncated") continue;
    const message = byLines.get(note.sourceLines.join(":"))?.message ?? "";
    const start = /its start (?:and its end )?(?:was|were) lost/u.test(message);
    const end = /its end was lost|and its end were lost/u.test(message);
    ends.set(note.anchor, start && end ? "both" : start ? "start" : "end");
  }
  return ends;
}
