import fc from "fast-check";
import {
  BOOK_TITLES,
  CLAUSES,
  COMMENTS,
  ENGLISH_AUTHORS,
  ENGLISH_SERIES,
  ENGLISH_TITLES,
  HEADING_TEXTS,
  JOURNALS,
  LATIN_CLAUSES,
  NAMES,
  PUBLISHERS,
  QUOTED_TERMS,
  SITES,
  TITLES,
  type Topic,
} from "./invented-phrases";
import { checkTrueDocument, type EnumeratorStyle, type TrueBlock, type TrueDocument, type TrueNote, type TruePiece } from "./true-document";

/**
 * fast-check arbitrary of small invented documents. The arbitrary draws a specification (arrays of
 * sections, paragraphs, sentences and optional notes) that fast-check can shrink by dropping parts; a
 * deterministic builder turns it into a TrueDocument. Notes are the kinds real essays carry: book, web
 * (with a URL), 参见, 同上 (always right after another note), comments and English citations.
 */

export type NoteKind = "book" | "web" | "see" | "ibid" | "ibid-page" | "comment" | "english";
/** Where the marker stands: after the sentence's full stop, after a quoted term, or after a comma. */
export type MarkerPosition = "stop" | "quote" | "comma";

export interface NoteSpec {
  kind: NoteKind;
  topic: number;
  /** The sentence repeats something of the note (name, title or year and month). */
  shareWording: boolean;
  position: MarkerPosition;
  page: number;
}

export interface SentenceSpec {
  clauses: [number, number];
  /** Index into LATIN_CLAUSES for the second clause, or null for a plain Chinese one. */
  latin: number | null;
  note: NoteSpec | null;
  /** Topic whose wording the sentence carries even without a note of its own (realistic noise). */
  strayTopic: number | null;
}

export type ItemSpec = { paragraph: SentenceSpec[] } | { subheading: { depth: 2 | 3 | 4; text: number } };

export interface DocumentSpec {
  title: number;
  author: number;
  abstract: SentenceSpec[];
  level1Style: "han-comma" | "han-space";
  preamble: SentenceSpec[][];
  sections: Array<{ text: number; items: ItemSpec[] }>;
}

const MAX_SENTENCES = 7;

/** Out of 10 sentences: how many carry a Latin clause, a note, another topic's wording. */
const LATIN_WEIGHT = 2;
const NOTE_WEIGHT = 4;
const STRAY_WEIGHT = 2;

/** `value` in `weight` cases out of 10, else null (and shrinking goes to null). */
function sometimes<T>(value: fc.Arbitrary<T>, weight: number): fc.Arbitrary<T | null> {
  return fc.oneof({ withCrossShrink: true }, { weight: 10 - weight, arbitrary: fc.constant(null) }, { weight, arbitrary: value });
}

const noteSpec: fc.Arbitrary<NoteSpec> = fc.record({
  // Weighted as essays cite: mostly books and web pages, 同上 now and then.
  kind: fc.constantFrom<NoteKind>("book", "web", "book", "web", "see", "ibid", "ibid-page", "comment", "english", "web"),
  topic: fc.nat({ max: 999 }),
  shareWording: fc.boolean(),
  position: fc.constantFrom<MarkerPosition>("stop", "stop", "quote", "comma"),
  page: fc.integer({ min: 1, max: 400 }),
});

const sentenceSpec: fc.Arbitrary<SentenceSpec> = fc.record({
  clauses: fc.tuple(fc.nat({ max: CLAUSES.length - 1 }), fc.nat({ max: CLAUSES.length - 1 })),
  latin: sometimes(fc.nat({ max: LATIN_CLAUSES.length - 1 }), LATIN_WEIGHT),
  note: sometimes(noteSpec, NOTE_WEIGHT),
  strayTopic: sometimes(fc.nat({ max: 999 }), STRAY_WEIGHT),
});

const paragraphSpec = fc.array(sentenceSpec, { minLength: 1, maxLength: MAX_SENTENCES });

const itemSpec: fc.Arbitrary<ItemSpec> = fc.oneof(
  { weight: 5, arbitrary: paragraphSpec.map((paragraph) => ({ paragraph })) },
  {
    weight: 1,
    arbitrary: fc.record({ depth: fc.constantFrom<2 | 3 | 4>(2, 3, 4), text: fc.nat({ max: HEADING_TEXTS.length - 1 }) }).map((subheading) => ({ subheading })),
  },
);

export const documentSpecArbitrary: fc.Arbitrary<DocumentSpec> = fc.record({
  title: fc.nat({ max: TITLES.length - 1 }),
  author: fc.nat({ max: NAMES.length - 1 }),
  abstract: fc.array(sentenceSpec.map((s) => ({ ...s, note: null, latin: null })), { minLength: 1, maxLength: 3 }),
  level1Style: fc.constantFrom<"han-comma" | "han-space">("han-comma", "han-space"),
  preamble: fc.array(paragraphSpec, { maxLength: 2 }),
  sections: fc.array(fc.record({ text: fc.nat({ max: HEADING_TEXTS.length - 1 }), items: fc.array(itemSpec, { minLength: 1, maxLength: 5 }) }), {
    minLength: 1,
    maxLength: 4,
  }),
})
  // An essay has body text: a document of headings alone is refused by the parser, rightly.
  .filter((spec) => spec.preamble.length > 0 || spec.sections.some((section) => section.items.some((item) => "paragraph" in item)));

export const documentArbitrary: fc.Arbitrary<TrueDocument> = documentSpecArbitrary.map(buildDocument);

function topicOf(index: number): Topic {
  return {
    name: NAMES[index % NAMES.length]!,
    title: BOOK_TITLES[(index >> 3) % BOOK_TITLES.length]!,
    publisher: PUBLISHERS[(index >> 2) % PUBLISHERS.length]!,
    site: SITES[(index >> 4) % SITES.length]!.name,
    year: 2000 + (index % 24),
    month: 1 + ((index >> 1) % 12),
    day: 1 + ((index * 7) % 28),
  };
}

const ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function noteText(spec: NoteSpec, previousExists: boolean): string {
  const t = topicOf(spec.topic);
  const kind = (spec.kind === "ibid" || spec.kind === "ibid-page") && !previousExists ? "book" : spec.kind;
  switch (kind) {
    case "book":
      return `${t.name}：《${t.title}》，${t.publisher}${t.year}年版，第${spec.page}页。`;
    case "web": {
      const site = SITES[(spec.topic >> 4) % SITES.length]!;
      return `《${t.title}》，${site.name}，${t.year}年${t.month}月${t.day}日，${site.url(t.year, t.month, t.day, spec.topic * 31 + spec.page)}。`;
    }
    case "see":
      return `参见${t.name}：《${t.title}》，载《${JOURNALS[spec.topic % JOURNALS.length]}》${t.year}年第${1 + (spec.page % 12)}期。`;
    case "ibid":
      return "同上。";
    case "ibid-page":
      return `同上，第${spec.page}页。`;
    case "comment":
      return `${COMMENTS[spec.topic % COMMENTS.length]}。`;
    case "english":
      return (
        `${ENGLISH_AUTHORS[spec.topic % ENGLISH_AUTHORS.length]}, “${ENGLISH_TITLES[(spec.topic >> 2) % ENGLISH_TITLES.length]},” ` +
        `${ENGLISH_SERIES[spec.topic % ENGLISH_SERIES.length]}, No.${1 + (spec.page % 9)}, ${ENGLISH_MONTHS[t.month - 1]} ${t.year}, p.${spec.page}.`
      );
  }
}

/** What a sentence says that its note also says: the topic's name and title, or its year and month. */
function sharedWording(topic: number, kind: NoteKind): string {
  const t = topicOf(topic);
  if (kind === "web") return `${t.year}年${t.month}月发布的《${t.title}》提出，`;
  if (kind === "english") return `${ENGLISH_AUTHORS[topic % ENGLISH_AUTHORS.length]}认为，`;
  return topic % 2 === 0 ? `${t.name}在《${t.title}》中指出，` : `${t.year}年${t.month}月，`;
}

function sentencePieces(spec: SentenceSpec, notes: TrueNote[]): TruePiece[] {
  const first = CLAUSES[spec.clauses[0]]!;
  const second = spec.latin !== null ? LATIN_CLAUSES[spec.latin]! : CLAUSES[spec.clauses[1]]!;
  const stray = spec.strayTopic !== null ? sharedWording(spec.strayTopic, "book") : "";
  if (spec.note === null) return [{ text: `${stray}${first}，${second}。` }];
  const lead = spec.note.shareWording ? sharedWording(spec.note.topic, spec.note.kind) : stray;
  const index = notes.length;
  notes.push({ text: noteText(spec.note, index > 0) });
  // A 即 comment glosses a term, and stands after it, as in real essays ("四项原则"⑤ … ⑤即…).
  const glosses = spec.note.kind === "comment" && COMMENTS[spec.note.topic % COMMENTS.length]!.startsWith("即");
  switch (glosses ? "quote" : spec.note.position) {
    case "stop":
      return [{ text: `${lead}${first}，${second}。`, note: index }];
    case "quote":
      return [{ text: `${lead}${first}，即所谓“${QUOTED_TERMS[spec.note.topic % QUOTED_TERMS.length]}”`, note: index }, { text: `，${second}。` }];
    case "comma":
      return [{ text: `${lead}${first}，`, note: index }, { text: `${second}。` }];
  }
}

function paragraphBlock(sentences: SentenceSpec[], notes: TrueNote[]): TrueBlock {
  const pieces: TruePiece[] = [];
  for (const sentence of sentences) {
    for (const piece of sentencePieces(sentence, notes)) {
      const last = pieces[pieces.length - 1];
      // Consecutive runs without a marker are one piece.
      if (last !== undefined && last.note === undefined) last.text += piece.text;
      else pieces.push({ ...piece });
      if (piece.note !== undefined) pieces[pieces.length - 1]!.note = piece.note;
    }
  }
  return { kind: "paragraph", pieces };
}

const STYLE_OF_LEVEL: Record<2 | 3 | 4, EnumeratorStyle> = { 2: "paren-han", 3: "arabic-dot", 4: "paren-arabic" };

export function buildDocument(spec: DocumentSpec): TrueDocument {
  // Essays do not repeat a heading's wording: the next unused text stands in for a repeated one.
  const usedHeadings = new Set<number>();
  const headingText = (index: number) => {
    let k = index;
    while (usedHeadings.has(k % HEADING_TEXTS.length) && usedHeadings.size < HEADING_TEXTS.length) k += 1;
    usedHeadings.add(k % HEADING_TEXTS.length);
    return HEADING_TEXTS[k % HEADING_TEXTS.length]!;
  };
  const notes: TrueNote[] = [];
  const blocks: TrueBlock[] = [];
  for (const paragraph of spec.preamble) blocks.push(paragraphBlock(paragraph, notes));
  spec.sections.forEach((section, s) => {
    blocks.push({ kind: "heading", level: 1, style: spec.level1Style, number: s + 1, text: headingText(section.text) });
    // Counters per level; a deeper heading only under a shallower one, as essays number them.
    const counters = [0, s + 1, 0, 0, 0];
    let depth = 1;
    for (const item of section.items) {
      if ("paragraph" in item) {
        blocks.push(paragraphBlock(item.paragraph, notes));
        continue;
      }
      const level = Math.min(item.subheading.depth, depth + 1) as 2 | 3 | 4;
      counters[level] = counters[level]! + 1;
      for (let deeper = level + 1; deeper <= 4; deeper += 1) counters[deeper] = 0;
      depth = level;
      blocks.push({ kind: "heading", level, style: STYLE_OF_LEVEL[level], number: counters[level]!, text: headingText(item.subheading.text) });
    }
  });
  const abstract = spec.abstract.map((s) => sentencePieces(s, []).map((p) => p.text).join("")).join("");
  const document: TrueDocument = { title: TITLES[spec.title]!, authors: [NAMES[spec.author]!], abstract, blocks, notes };
  checkTrueDocument(document);
  return document;
}
