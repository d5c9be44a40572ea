/**
 * A document whose structure is known to be true: what the layout simulator prints and what a parse is
 * scored against. All texts are in the parser's normal form (see lib/ingest/normalise-text.ts: full-width
 * punctuation in Chinese, half-width Latin and digits, spaces only between Latin words), so they can be
 * compared with a DocumentStructure character for character.
 */

/** How a heading's enumerator is printed: `一、`, `一　`, `（一）`, `1.`, `（1）`. */
export type EnumeratorStyle = "han-comma" | "han-space" | "paren-han" | "arabic-dot" | "paren-arabic";

export interface TrueHeading {
  kind: "heading";
  level: 1 | 2 | 3 | 4;
  style: EnumeratorStyle;
  /** 1-based number the enumerator prints (一 = 1). */
  number: number;
  /** Heading text without its enumerator. */
  text: string;
}

/** A run of paragraph text, optionally followed by a note marker calling `note` (index into `notes`). */
export interface TruePiece {
  text: string;
  note?: number;
}

export interface TrueParagraph {
  kind: "paragraph";
  pieces: TruePiece[];
}

export type TrueBlock = TrueHeading | TrueParagraph;

export interface TrueNote {
  text: string;
}

export interface TrueDocument {
  title: string;
  authors: string[];
  abstract: string;
  blocks: TrueBlock[];
  /** Every note is called by exactly one marker, in document order. */
  notes: TrueNote[];
}

const HAN_DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (headings never reach 100). */
export function hanNumeral(n: number): string {
  if (n < 10) return HAN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : HAN_DIGITS[tens]}十${HAN_DIGITS[n % 10]}`;
}

/** The enumerator as the parser reports it (match-heading.ts: "一", "（一）", "1.", "（1）"). */
export function headingLabel(heading: TrueHeading): string {
  switch (heading.style) {
    case "han-comma":
    case "han-space":
      return hanNumeral(heading.number);
    case "paren-han":
      return `（${hanNumeral(heading.number)}）`;
    case "arabic-dot":
      return `${heading.number}.`;
    case "paren-arabic":
      return `（${heading.number}）`;
  }
}

/** The enumerator as printed before the heading text. */
export function printedEnumerator(heading: TrueHeading): string {
  switch (heading.style) {
    case "han-comma":
      return `${hanNumeral(heading.number)}、`;
    case "han-space":
      return `${hanNumeral(heading.number)}\u3000`;
    case "paren-han":
      return `（${hanNumeral(heading.number)}）`;
    case "arabic-dot":
      return `${heading.number}. `;
    case "paren-arabic":
      return `（${heading.number}）`;
  }
}

export function paragraphText(paragraph: TrueParagraph): string {
  return paragraph.pieces.map((piece) => piece.text).join("");
}

/** Hand-checked structure (JSON): blocks and notes, with markers written inline as `{n}` (0-based note index). */
export interface DocumentStructure {
  title: string;
  authors: string[];
  abstract: string;
  blocks: Array<{ heading: { level: 1 | 2 | 3 | 4; style: EnumeratorStyle; number: number; text: string } } | { paragraph: string }>;
  notes: string[];
}

const INLINE_MARKER = /\{(\d+)\}/g;

/** Builds a TrueDocument from a hand-checked structure, checking that every note is called once, in order. */
export function trueDocumentFromStructure(structure: DocumentStructure): TrueDocument {
  const blocks: TrueBlock[] = structure.blocks.map((block) => {
    if ("heading" in block) return { kind: "heading", ...block.heading };
    const pieces: TruePiece[] = [];
    let last = 0;
    for (const match of block.paragraph.matchAll(INLINE_MARKER)) {
      pieces.push({ text: block.paragraph.slice(last, match.index), note: Number(match[1]) });
      last = match.index + match[0].length;
    }
    if (last < block.paragraph.length || pieces.length === 0) pieces.push({ text: block.paragraph.slice(last) });
    return { kind: "paragraph", pieces };
  });
  const document: TrueDocument = {
    title: structure.title,
    authors: structure.authors,
    abstract: structure.abstract,
    blocks,
    notes: structure.notes.map((text) => ({ text })),
  };
  checkTrueDocument(document);
  return document;
}

/** Throws when the document breaks the simulator's assumptions (each note called once, in order). */
export function checkTrueDocument(document: TrueDocument): void {
  let expected = 0;
  for (const block of document.blocks) {
    if (block.kind !== "paragraph") continue;
    for (const piece of block.pieces) {
      if (piece.note === undefined) continue;
      if (piece.note !== expected) throw new Error(`note ${piece.note} called where note ${expected} was expected`);
      expected += 1;
    }
    if (paragraphText(block) === "") throw new Error("empty paragraph");
  }
  if (expected !== document.notes.length) throw new Error(`${document.notes.length} notes but ${expected} markers`);
}
