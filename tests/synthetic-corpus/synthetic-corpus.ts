import fc from "fast-check";
import { loadConceptDictionary } from "@/lib/concepts/load-concept-dictionary";
import type { DocumentManifest } from "@/lib/ingest/document-manifest";
import { seeded } from "@/tests/fixtures/ingest/render-essay";
import { layoutParametersArbitrary, type LayoutParameters, type MarkerStyle } from "@/tests/layout-simulator/layout-parameters";
import type { TrueBlock, TrueDocument, TrueNote, TruePiece } from "@/tests/layout-simulator/true-document";
import { checkTrueDocument } from "@/tests/layout-simulator/true-document";
import { typesetDocument } from "@/tests/layout-simulator/typeset-document";
import { CONNECTORS, EVENT_PARTS, EVENTS, GIVEN, HOSTS, JOURNALS, PUBLISHERS, SURNAMES, WHITE_PAPER_TOPICS, WORDS } from "./synthetic-phrases";
import { zipfSampler } from "./zipf";

/**
 * A synthetic corpus for tests and benchmarks: essays with known structure (the layout simulator's
 * TrueDocument), printed as extracted text by its typesetter in both marker styles, each with a
 * manifest (journal, issue, year, authors). Deterministic per seed: essay i of seed s is the same
 * whatever the corpus size, so a 100-essay corpus is the first 100 of the 1,000-essay one.
 *
 * What makes it a corpus rather than N unrelated texts, and the rates (named below):
 * - Quotations: each essay quotes a few passages of a shared pool of speeches and white papers, the
 *   passage drawn by Zipf's law over the pool (QUOTE_ZIPF_EXPONENT): at 1,000 essays the most quoted
 *   passage is quoted by hundreds, most by a handful or none.
 * - Citations: every quotation cites its work, under one of the work's titles (full, with （全文）, with
 *   the speaker's colon, or a news site's headline that names it differently), on one of its hosts
 *   (新华网, 人民网…, each with its own address), dated the day of the event, the day after or the month;
 *   other notes cite books and journal articles drawn by Zipf's law from a long tail (BOOK_ZIPF_EXPONENT).
 * - Concepts: ON_TOPIC_SHARE of the essays write about the dictionary's subject and use its concepts
 *   (the most common most often, Zipf again), the others never.
 */

/** Works (speeches, white papers) in the shared pool, and passages of each that essays quote. */
export const WORKS = 120;
export const PASSAGES_PER_WORK = 5;
/** Zipf exponent over the 600 passages: with 2.4 quotations an essay, rank 1 is quoted by ~1 essay in 3 at any size. */
export const QUOTE_ZIPF_EXPONENT = 1.1;
/** Quotations per essay: binomial(6, 0.4), mean 2.4 (0 to 6). */
const QUOTE_TRIALS = 6;
const QUOTE_P = 0.4;
/** Books and articles in the long tail, and their Zipf exponent (flatter: most are cited once or twice). */
export const BOOKS = 4000;
export const BOOK_ZIPF_EXPONENT = 0.8;
/** Share of the essays on the concept dictionary's subject, and the chance a sentence of theirs names a concept. */
export const ON_TOPIC_SHARE = 0.3;
const CONCEPT_PER_SENTENCE = 0.35;
/** Essay size: sections × paragraphs × sentences, about 8,000 Han characters (5,000 to 12,000; the corpus essays: 10,500 and 17,800). */
const SECTIONS: [number, number] = [3, 5];
const PARAGRAPHS: [number, number] = [5, 8];
const SENTENCES: [number, number] = [5, 10];
/** Out of 10 sentences, how many carry a note citing a book or article. */
const BOOK_NOTE_WEIGHT = 1.5;

export interface SyntheticEssay {
  /** The file name's stem: `<stem>.txt` and `<stem>.manifest.json`. */
  stem: string;
  text: string;
  manifest: DocumentManifest;
  truth: TrueDocument;
  style: MarkerStyle;
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, [lo, hi]: [number, number]) => lo + Math.floor(random() * (hi - lo + 1));

function prose(random: Random, words: [number, number]): string {
  const n = between(random, words);
  const comma = 3 + Math.floor(random() * (n - 3));
  let text = "";
  for (let i = 0; i < n; i++) text += (i === comma ? "，" : "") + pick(random, WORDS);
  return text;
}

function personName(random: Random): string {
  return pick(random, SURNAMES) + pick(random, GIVEN) + (random() < 0.6 ? pick(random, GIVEN) : "");
}

interface Work {
  titles: string[];
  hosts: { name: string; url: string }[];
  /** The event's date, and the other dates a report of it carries. */
  dates: string[];
  speaker: string | null;
  passages: string[];
}

/** The pool of works: the same for every essay of a seed. */
function worksOf(seed: number): Work[] {
  return Array.from({ length: WORKS }, (_, w) => {
    const random = seeded(seed * 7919 + w * 104729 + 1);
    const year = 2014 + (w % 10);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const next = (day % 28) + 1;
    const dateText = (d: number) => `${year}年${month}月${d}日`;
    const speech = w % 3 !== 2;
    const speaker = speech ? personName(random) : null;
    const event = `第${"一二三四五六七八九"[w % 9]}届${pick(random, EVENTS)}${pick(random, EVENT_PARTS)}`;
    const topic = pick(random, WHITE_PAPER_TOPICS);
    const full = speech ? `${speaker}在${event}上的讲话` : `新时代的中国${topic}`;
    const titles = speech
      ? [full, `${full}（全文）`, `${speaker}：在${event}上的讲话`, `${speaker}出席${event}并发表讲话`]
      : [full, `${full}（全文）`, `《${full}》白皮书发布`];
    const hosts = HOSTS.map((host) => ({ name: host.name, url: host.url(year, month, day, w * 17 + 3) }));
    const passages = Array.from({ length: PASSAGES_PER_WORK }, () => `${prose(random, [7, 12])}，${prose(random, [6, 11])}`);
    return { titles, hosts, dates: [dateText(day), dateText(next), `${year}年${month}月`], speaker, passages };
  });
}

function bookNote(seed: number, rank: number): string {
  const random = seeded(seed * 15485863 + rank * 2654435761 + 7);
  const author = personName(random);
  const title = `${pick(random, WORDS)}${pick(random, WORDS)}的${pick(random, WORDS)}${pick(random, WORDS)}${pick(random, ["研究", "分析", "探析", "论纲", "比较"])}`;
  const year = 2005 + Math.floor(random() * 19);
  return random() < 0.5
    ? `${author}：《${title}》，${pick(random, PUBLISHERS)}${year}年版，第${1 + Math.floor(random() * 300)}页。`
    : `${author}：《${title}》，载《${pick(random, JOURNALS)}》${year}年第${1 + Math.floor(random() * 6)}期。`;
}

/** A layout for essay i: the simulator's own random layouts, with the extraction's losses kept mild. */
function layoutOf(seed: number, index: number, style: MarkerStyle): LayoutParameters {
  const [drawn] = fc.sample(layoutParametersArbitrary(style), { seed: seed * 1_000_003 + index, numRuns: 1 });
  return { ...drawn!, pAllNotesLost: 0, pSomeNotesLost: Math.min(drawn!.pSomeNotesLost, 0.2), pTruncatedHead: 0, pTruncatedTail: 0 };
}

export interface SyntheticCorpus {
  essay(index: number): SyntheticEssay;
}

export function syntheticCorpus(seed: number): SyntheticCorpus {
  const works = worksOf(seed);
  const dictionary = loadConceptDictionary();
  const conceptWordings = dictionary.concepts.map((concept) => concept.variants[0] ?? concept.label.zh);
  return {
    essay(index: number): SyntheticEssay {
      const random = seeded(seed * 2_147_483 + index * 31_337 + 11);
      const quote = zipfSampler(WORKS * PASSAGES_PER_WORK, QUOTE_ZIPF_EXPONENT, random);
      const book = zipfSampler(BOOKS, BOOK_ZIPF_EXPONENT, random);
      const concept = zipfSampler(conceptWordings.length, 1, random);
      const onTopic = random() < ON_TOPIC_SHARE;
      const notes: TrueNote[] = [];

      let quotations = 0;
      for (let t = 0; t < QUOTE_TRIALS; t++) if (random() < QUOTE_P) quotations++;
      const sentence = (): TruePiece[] => {
        const lead = random() < 0.15 ? `${pick(random, CONNECTORS)}，` : "";
        const named = onTopic && random() < CONCEPT_PER_SENTENCE ? `${conceptWordings[concept()]}` : "";
        const body = named ? `${prose(random, [3, 6])}${named}${prose(random, [3, 7])}` : prose(random, [12, 26]);
        if (random() * 10 < BOOK_NOTE_WEIGHT) {
          notes.push({ text: bookNote(seed, book()) });
          return [{ text: `${lead}${body}。`, note: notes.length - 1 }];
        }
        return [{ text: `${lead}${body}。` }];
      };
      const quotation = (): TruePiece[] => {
        const rank = quote();
        const work = works[Math.floor(rank / PASSAGES_PER_WORK)]!;
        const passage = work.passages[rank % PASSAGES_PER_WORK]!;
        const title = pick(random, work.titles);
        const host = pick(random, work.hosts);
        notes.push({ text: `《${title}》，${host.name}，${pick(random, work.dates)}，${host.url}。` });
        const who = work.speaker ? `${work.speaker}指出` : "白皮书指出";
        return [{ text: `${prose(random, [3, 6])}。${who}：“${passage}。”`, note: notes.length - 1 }, { text: prose(random, [5, 9]) + "。" }];
      };

      const sections = between(random, SECTIONS);
      const paragraphs: TruePiece[][] = [];
      for (let s = 0; s < sections; s++) for (let p = between(random, PARAGRAPHS); p > 0; p--) paragraphs.push([]);
      // Quotations go to distinct paragraphs; the rest is prose.
      const quoted = new Set<number>();
      while (quoted.size < Math.min(quotations, paragraphs.length)) quoted.add(Math.floor(random() * paragraphs.length));
      const blocks: TrueBlock[] = [];
      let paragraph = 0;
      for (let s = 0; s < sections; s++) {
        blocks.push({ kind: "heading", level: 1, style: "han-comma", number: s + 1, text: `${pick(random, WORDS)}${pick(random, WORDS)}与${pick(random, WORDS)}${pick(random, WORDS)}` });
        const count = paragraphs.length === 0 ? 0 : Math.max(1, Math.round(paragraphs.length / sections));
        for (let p = 0; p < count && paragraph < paragraphs.length; p++, paragraph++) {
          const pieces: TruePiece[] = [];
          const n = between(random, SENTENCES);
          for (let k = 0; k < n; k++) {
            const next = quoted.has(paragraph) && k === Math.floor(n / 2) ? quotation() : sentence();
            for (const piece of next) {
              const last = pieces.at(-1);
              if (last && last.note === undefined) {
                last.text += piece.text;
                if (piece.note !== undefined) last.note = piece.note;
              } else pieces.push({ ...piece });
            }
          }
          blocks.push({ kind: "paragraph", pieces });
        }
      }
      const author = personName(random);
      const title = `${pick(random, WORDS)}${pick(random, WORDS)}${pick(random, WORDS)}的${pick(random, WORDS)}${pick(random, WORDS)}：${pick(random, WORDS)}${pick(random, WORDS)}与${pick(random, WORDS)}${pick(random, WORDS)}`;
      const truth: TrueDocument = { title, authors: [author], abstract: `${prose(random, [10, 16])}。${prose(random, [10, 16])}。`, blocks, notes };
      checkTrueDocument(truth);
      const style: MarkerStyle = index % 2 === 0 ? "circled" : "bracket";
      const { text } = typesetDocument(truth, layoutOf(seed, index, style));
      const year = 2014 + Math.floor(random() * 11);
      const stem = `syn-${seed}-${String(index).padStart(5, "0")}`;
      const manifest: DocumentManifest = {
        slug: stem,
        title,
        authors: random() < 0.3 ? [author, personName(random)] : [author],
        journal: pick(random, JOURNALS),
        issue: `${year}年第${1 + Math.floor(random() * 6)}期`,
        date: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}`,
        source: `synthetic corpus, seed ${seed}, essay ${index}`,
      };
      return { stem, text, manifest, truth, style };
    },
  };
}
