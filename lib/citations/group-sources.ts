import type { Citation } from "@/lib/model/document-model";
import { type ReportedEvent, reportedEvent } from "./reported-event";

/**
 * Gathers the citations of one work, across all documents, into one source record. Two essays cite the
 * same speech from different news sites, under different titles and dates; a short reference (title only)
 * points at a work cited in full elsewhere; a report is cited in two versions. Every merge records why it
 * was made, and the source's confidence is that of its weakest merge.
 *
 * Decisions:
 * - Titles that differ in a number or an ordinal (第六届 vs 2022年, 2014 vs 2022) are different works, however
 *   similar the rest; the only numeric difference tolerated is a version marker ("2.0版" vs "3.0版").
 * - Two versions of one report are ONE source: a reader following the trail wants both; the evidence says
 *   which versions were merged and the confidence is lowered.
 * - A citation without title or URL (the tail of a truncated note) identifies no work and joins no source.
 */

export const SOURCE_TYPES = [
  "speech",
  "white-paper",
  "report",
  "law",
  "journal-article",
  "book",
  "news-report",
  "web-page",
  "other",
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export interface SourceCitationRef {
  documentSlug: string;
  footnoteAnchor: string;
  citationAnchor: string;
}

export const EVIDENCE_KINDS = [
  "same-url",
  "same-title",
  "title-similarity",
  "short-reference",
  "ibid",
  "version-difference",
  "date-agreement",
  "date-difference",
  "host-difference",
  "author-host",
  "same-event",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface SourceEvidence {
  kind: EvidenceKind;
  detail: string;
}

export interface SourceRecord {
  /**
   * Stable id, a function of the work's normalised identity (see `sourceKeyBase`): "src-" + hash of its
   * smallest normalised title, else of its URL key, else of the citation that is the whole of it.
   */
  key: string;
  title: string | null;
  authors: string[];
  type: SourceType;
  /** The most precise date any citation gives (earliest when they disagree). */
  date: string | null;
  container: string | null;
  /** Journal issue ("2022年第3期" → "3"), when the work is a journal article. */
  issue: string | null;
  pages: string | null;
  /** Versions merged into this source ("2.0", "3.0"), when a report was cited in several. */
  versions: string[];
  urls: string[];
  citations: SourceCitationRef[];
  evidence: SourceEvidence[];
  /** 0..1: the confidence of the weakest merge; 1 for a source cited once or identically. */
  confidence: number;
}

export interface SourceDocumentInput {
  slug: string;
  /**
   * `citing`: the sentence of the essay that calls the note (reported-event.ts citingSentence), which names
   * the event a report's headline may not; absent when the note has no marker in the body.
   */
  footnotes: readonly { anchor: string; citations: readonly Citation[]; citing?: string | null }[];
}

interface Entry {
  index: number;
  ref: SourceCitationRef;
  citation: Citation;
  /** Normalised title without its version marker. */
  base: string | null;
  version: string | null;
  tokens: string;
  urlKey: string | null;
  /** A title-only reference: no host, date or URL of its own. */
  short: boolean;
  /** The speech or meeting a dated news report is of, when its headline opens with a person. */
  report: ReportedEvent | null;
}

interface Edge {
  a: number;
  b: number;
  confidence: number;
  evidence: SourceEvidence[];
}

/**
 * Least bigram Dice, and least length ratio, for two different normalised titles to name one work
 * (compare's thresholds, unchanged: the length ratio keeps "X" apart from "X实践案例集"). Named because
 * citationMatchKeys derives its lookup bound from them.
 */
const TITLE_DICE = 0.85;
const TITLE_LENGTH_RATIO = 0.85;
/**
 * Two outlets' reports of one person at one event on one day, under different headlines: one work (the
 * speech), less surely than a shared title or URL (an outlet may report two things the person did that
 * day), so below every title match; the evidence names the event and where it was read.
 */
const SAME_EVENT_CONFIDENCE = 0.75;

const VERSION = /[（(]?\s*(\d+(?:\.\d+)?)\s*版\s*[)）]?/u;
/** Abbreviations the policy literature uses interchangeably with their full form. */
const SYNONYMS: readonly (readonly [RegExp, string])[] = [[/网信/gu, "网络安全和信息化"]];
const GENRE_SUFFIX = /(?:（全文）|\(全文\)|全文发表|全文|白皮书)+$/u;
const PUNCTUATION = /[\s\p{P}\p{S}]/gu;

/** The title as a comparison key: no （全文）/白皮书, no punctuation or brackets, full forms of abbreviations. */
export function normaliseTitle(title: string): { base: string; version: string | null } {
  let text = title.normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
  const version = VERSION.exec(text)?.[1] ?? null;
  if (version) text = text.replace(VERSION, "");
  text = text.replace(/\(全文\)/gu, "").replace(/[\p{P}\p{S}]+$/u, "").replace(GENRE_SUFFIX, "");
  for (const [pattern, full] of SYNONYMS) text = text.replace(pattern, full);
  return { base: text.replace(PUNCTUATION, ""), version };
}

/** Numbers and ordinals in a title: works that differ in them are different works. */
function distinguishingTokens(base: string): string {
  const tokens = [
    ...(base.match(/\d+/gu) ?? []),
    ...(base.match(/第[一二三四五六七八九十百零〇两]+[届次期个]/gu) ?? []),
    ...(base.match(/首届/gu) ?? []),
  ];
  return tokens.sort().join("|");
}

function urlKey(url: string): string {
  return url
    .toLowerCase()
    .replace(/^https?:\/\//u, "")
    .replace(/^www\./u, "")
    .replace(/[?#].*$/u, "")
    .replace(/\/+/gu, "/")
    .replace(/\/$/u, "");
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = chars[i]! + chars[i + 1]!;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice coefficient over character bigrams. */
export function diceSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let common = 0;
  let total = 0;
  for (const [gram, n] of ga) {
    common += Math.min(n, gb.get(gram) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}

function toDay(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : null;
}

/** Whether two dates can describe one document: equal where both are precise, at most a month apart. */
function datesCompatible(a: string, b: string): boolean {
  const da = toDay(a);
  const db = toDay(b);
  if (da !== null && db !== null) return Math.abs(da - db) <= 31;
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

function hash(text: string): string {
  // FNV-1a, 2 × 32 bits: stable across runs and platforms, no dependency.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    h1 = Math.imul(h1 ^ code, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ code, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}

const NEWS_HOST = /(新华网|人民网|中国网|光明网|央视网|中新网|中国新闻网|搜狐|新浪|澎湃|凤凰网|环球网|日报|新闻|晚报|时报)/u;
const NEWS_URL = /(xinhuanet|news\.cn|people\.com\.cn|china\.com\.cn|gmw\.cn|chinanews|cctv|sohu|sina|thepaper|ifeng|huanqiu)/u;

/** The kind of work, from its title, container and the wording around the title. */
export function inferSourceType(input: { title: string | null; container: string | null; raw: string; url: string | null }): SourceType {
  // A document named inside the title (〈…〉) is the subject, not the kind of this work.
  const title = (input.title ?? "").replace(/〈[^〉]*〉/gu, "").replace(GENRE_SUFFIX, "");
  if (/白皮书/u.test(input.raw.replace(/《[^》]*〈[^〉]*〉[^》]*》/gu, "")) && !/解读/u.test(title)) return "white-paper";
  if (/载\s*《|》\s*\d{4}\s*年\s*第\s*\d+\s*期/u.test(input.raw) || /\d{4}\s*年\s*第\s*\d+\s*期/u.test(input.raw)) {
    return "journal-article";
  }
  if (/出版社/u.test(input.container ?? "")) return "book";
  if (/(?<!方)(?:法|法案|条例|公约)$/u.test(title)) return "law";
  if (/(讲话|致辞|贺信|贺词|演讲|致信|谈话)/u.test(title) || /在[^》]*大会上的报告/u.test(title)) return "speech";
  if (/(报告|report|strategy|战略|纲要|倡议|立场文件|规划|\d+(?:\.\d+)?\s*版)/iu.test(title)) return "report";
  if (NEWS_HOST.test(input.container ?? "") || (input.url !== null && NEWS_URL.test(input.url))) return "news-report";
  if (input.url) return "web-page";
  return "other";
}

function richness(c: Citation): number {
  return (c.url ? 2 : 0) + (c.date ? 1 : 0) + (c.container ? 1 : 0) + (c.authors.length > 0 ? 1 : 0) + (c.pages ? 0.5 : 0);
}

function precision(date: string): number {
  return date.split("-").length;
}

function compare(a: Entry, b: Entry): Edge | null {
  const ca = a.citation;
  const cb = b.citation;
  const evidence: SourceEvidence[] = [];
  let confidence = 0;
  if (a.urlKey && a.urlKey === b.urlKey) {
    confidence = 0.95;
    evidence.push({ kind: "same-url", detail: `both cite ${ca.url}` });
  }
  if (a.base && b.base && a.tokens === b.tokens) {
    if (a.base === b.base) {
      if (a.version !== b.version) {
        confidence = Math.max(confidence, 0.7);
        evidence.push({
          kind: "version-difference",
          detail: `same report, different versions: ${a.version ?? "unversioned"} vs ${b.version ?? "unversioned"}`,
        });
      } else if (a.short || b.short) {
        confidence = Math.max(confidence, 0.85);
        evidence.push({ kind: "short-reference", detail: `title-only reference 《${(a.short ? ca : cb).title}》 matches the full citation's title` });
      } else {
        let c = 0.9;
        if (ca.date && cb.date) c = datesCompatible(ca.date, cb.date) ? 0.95 : 0.8;
        confidence = Math.max(confidence, c);
        evidence.push({ kind: "same-title", detail: `normalised titles agree: 《${ca.title}》 / 《${cb.title}》` });
      }
    } else {
      const dice = diceSimilarity(a.base, b.base);
      const datesOk = !ca.date || !cb.date || datesCompatible(ca.date, cb.date);
      // A title that is another plus words ("X" vs "X实践案例集") names a different work.
      const lengthRatio = Math.min(a.base.length, b.base.length) / Math.max(a.base.length, b.base.length);
      if (dice >= TITLE_DICE && lengthRatio >= TITLE_LENGTH_RATIO && datesOk) {
        confidence = Math.max(confidence, Math.round(dice * 0.9 * 100) / 100);
        evidence.push({ kind: "title-similarity", detail: `bigram Dice ${dice.toFixed(2)}: 《${ca.title}》 / 《${cb.title}》` });
      }
    }
  }
  if (confidence === 0) {
    const [ra, rb] = [a.report, b.report];
    if (ra?.event && rb?.event && ra.speaker === rb.speaker && ra.day === rb.day && ra.event === rb.event) {
      confidence = SAME_EVENT_CONFIDENCE;
      evidence.push({
        kind: "same-event",
        detail: `both report ${ra.speaker} at ${ra.event} on ${ra.day}: 《${ca.title}》 (event in the ${ra.eventFrom}) / 《${cb.title}》 (event in the ${rb.eventFrom})`,
      });
    }
  }
  if (confidence === 0) return null;
  if (ca.date && cb.date) {
    evidence.push(
      datesCompatible(ca.date, cb.date)
        ? { kind: "date-agreement", detail: `dates agree: ${ca.date} / ${cb.date}` }
        : { kind: "date-difference", detail: `dates differ: ${ca.date} vs ${cb.date}` },
    );
  }
  if (ca.container && cb.container && ca.container !== cb.container) {
    evidence.push({ kind: "host-difference", detail: `published by ${ca.container} and ${cb.container}` });
  }
  const author = ca.authors.find((name) => cb.container?.startsWith(name)) ?? cb.authors.find((name) => ca.container?.startsWith(name));
  if (author) evidence.push({ kind: "author-host", detail: `author ${author} is the host of the other citation` });
  return { a: a.index, b: b.index, confidence, evidence };
}

function entriesOf(documents: readonly SourceDocumentInput[]): Entry[] {
  const entries: Entry[] = [];
  for (const document of documents) {
    for (const footnote of document.footnotes) {
      for (const citation of footnote.citations) {
        const normalised = citation.title ? normaliseTitle(citation.title) : null;
        const base = normalised && normalised.base.length > 0 ? normalised.base : null;
        // A citation whose title and URL were lost (a note's surviving tail) still names a work: it
        // becomes a source of its own, never merged, its title unknown.
        entries.push({
          index: entries.length,
          ref: { documentSlug: document.slug, footnoteAnchor: footnote.anchor, citationAnchor: citation.anchor },
          citation,
          base,
          version: normalised?.version ?? null,
          tokens: base ? distinguishingTokens(base) : "",
          urlKey: citation.url ? urlKey(citation.url) : null,
          short: !citation.url && !citation.date && !citation.container && !citation.repeats,
          report: citation.repeats ? null : reportedEvent(citation, footnote.citing ?? null),
        });
      }
    }
  }
  return entries;
}

/**
 * What a source's key is made from. Two groups can never share it: equal normalised titles and equal URL
 * keys always merge (compare), so a title or URL key belongs to one group; a group with neither is a
 * citation (and the 同上 that repeat it) that identifies no work, named by its document and anchor. The three
 * are kept apart: a title key has no punctuation (normaliseTitle), a URL key without any is prefixed, and
 * so is an untitled one. (Keyed by the citation's raw text, two essays' identical note tails such as
 * "第5页。" collided: issue 15's `Source_key_key` failure.)
 */
function sourceKeyBase(members: readonly Entry[]): string {
  const title = members.map((m) => m.base).filter((b): b is string => b !== null).sort()[0];
  if (title !== undefined) return title;
  const url = members.map((m) => m.urlKey).filter((u): u is string => u !== null).sort()[0];
  if (url !== undefined) return /[\p{P}\p{S}]/u.test(url) ? url : `url:${url}`;
  return `untitled:${members.map((m) => `${m.ref.documentSlug}#${m.ref.citationAnchor}`).sort()[0]!}`;
}

function buildSource(members: Entry[], edges: Edge[]): SourceRecord {
  const richest = [...members].sort((x, y) => richness(y.citation) - richness(x.citation) || x.index - y.index)[0]!;
  const c = richest.citation;
  const authors = [...new Set(members.flatMap((m) => m.citation.authors))];
  const dates = members.map((m) => m.citation.date).filter((d): d is string => d !== null);
  const best = Math.max(0, ...dates.map(precision));
  const date = dates.filter((d) => precision(d) === best).sort()[0] ?? null;
  const urls = [...new Set(members.map((m) => m.citation.url).filter((u): u is string => u !== null))];
  const versions = [...new Set(members.map((m) => m.version).filter((v): v is string => v !== null))].sort();
  const evidence: SourceEvidence[] = [];
  const seen = new Set<string>();
  for (const edge of edges) {
    for (const item of edge.evidence) {
      const id = `${item.kind}:${item.detail}`;
      if (!seen.has(id)) {
        seen.add(id);
        evidence.push(item);
      }
    }
  }
  const issue = /\d{4}\s*年\s*第\s*(\d+)\s*期/u.exec(c.raw)?.[1] ?? null;
  const type = members
    .map((m) => inferSourceType({ title: m.citation.title, container: m.citation.container, raw: m.citation.raw, url: m.citation.url }))
    .sort((x, y) => SOURCE_TYPES.indexOf(x) - SOURCE_TYPES.indexOf(y))[0]!;
  return {
    key: `src-${hash(sourceKeyBase(members))}`,
    title: c.title,
    authors,
    type,
    date,
    container: c.container,
    issue,
    pages: c.pages,
    versions,
    urls,
    citations: members.map((m) => m.ref),
    evidence,
    confidence: edges.length === 0 ? 1 : Math.min(...edges.map((e) => e.confidence)),
  };
}

export interface CitationMatchKeys {
  /** Exact keys: the normalised title ("t:"), the URL key ("u:"). Citations sharing one are compared. */
  keys: string[];
  /** The normalised title's distinct character bigrams ("g:"), for titles that differ slightly. */
  grams: string[];
  /** Fewest of `grams` another title must share to reach TITLE_DICE at TITLE_LENGTH_RATIO (see below). */
  minSharedGrams: number;
}

/**
 * How a citation is found by the others it could merge with, without comparing it with every citation of
 * the corpus. Merges need an equal URL key, an equal normalised title, or titles whose bigram Dice is at
 * least TITLE_DICE with lengths within TITLE_LENGTH_RATIO. For the last, with n bigrams of which d are
 * distinct: the other title has at least 0.85·n − 0.15 bigrams, Dice ≥ 0.85 needs at least
 * 0.425·(n + 0.85·n − 0.15) common bigrams, and repeats in this title account for at most n − d of them,
 * so the other title holds at least that minus (n − d) of the d distinct bigrams. Null for a 同上, which
 * only ever joins what it repeats.
 */
export function citationMatchKeys(citation: Citation): CitationMatchKeys | null {
  if (citation.repeats) return null;
  const entry = entriesOf([{ slug: "", footnotes: [{ anchor: "", citations: [citation] }] }])[0]!;
  return matchKeysOf(entry);
}

function matchKeysOf(entry: Entry): CitationMatchKeys {
  const keys: string[] = [];
  if (entry.base) keys.push(`t:${entry.base}`);
  if (entry.urlKey) keys.push(`u:${entry.urlKey}`);
  // Reports of one person on one day are compared, whatever their headlines (the event is checked then).
  if (entry.report) keys.push(`r:${entry.report.speaker}|${entry.report.day}`);
  if (!entry.base) return { keys, grams: [], minSharedGrams: 1 };
  const all = bigramList(entry.base);
  const grams = [...new Set(all)];
  const n = all.length;
  const common = ((1 + TITLE_LENGTH_RATIO) * n - (1 - TITLE_LENGTH_RATIO)) * (TITLE_DICE / 2);
  // The small epsilon keeps a bound that is exact in reals from rounding up past itself in floats.
  const minSharedGrams = Math.max(1, Math.ceil(common - (n - grams.length) - 1e-9));
  return { keys, grams: grams.map((g) => `g:${g}`), minSharedGrams };
}

function bigramList(text: string): string[] {
  const chars = [...text];
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/** Pairs (i < j) of entries sharing an exact key or enough title bigrams, sorted as the i < j loop visits them. */
function candidatePairs(entries: readonly Entry[]): [number, number][] {
  const postings = new Map<string, number[]>();
  const keysOf = entries.map(matchKeysOf);
  keysOf.forEach((k, i) => {
    for (const key of [...k.keys, ...k.grams]) {
      const list = postings.get(key);
      if (list) list.push(i);
      else postings.set(key, [i]);
    }
  });
  const pairs: [number, number][] = [];
  keysOf.forEach((k, i) => {
    const partners = new Set<number>();
    for (const key of k.keys) for (const j of postings.get(key) ?? []) if (j > i) partners.add(j);
    const shared = new Map<number, number>();
    for (const gram of k.grams) for (const j of postings.get(gram) ?? []) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, count] of shared) if (count >= k.minSharedGrams) partners.add(j);
    for (const j of [...partners].sort((x, y) => x - y)) pairs.push([i, j]);
  });
  return pairs;
}

/** One source per cited work, across all documents, in order of first citation. */
export function groupSources(documents: readonly SourceDocumentInput[]): SourceRecord[] {
  return groupBy(documents, comparisonEdges);
}

/**
 * What groupSources is defined as, and tested against: every pair of citations compared. Too slow for a
 * corpus (the square of its citations); for tests.
 */
export function groupSourcesComparingEveryPair(documents: readonly SourceDocumentInput[]): SourceRecord[] {
  return groupBy(documents, (comparable) =>
    comparable.flatMap((a, i) =>
      comparable.slice(i + 1).flatMap((b, d) => {
        const edge = compare(a, b);
        return edge ? [{ i, j: i + 1 + d, edge }] : [];
      }),
    ),
  );
}

function groupBy(documents: readonly SourceDocumentInput[], comparisons: (comparable: readonly Entry[]) => { i: number; j: number; edge: Edge }[]): SourceRecord[] {
  const entries = entriesOf(documents);
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };

  // Each edge with its place in the order the full i < j comparison would list it: 同上 edges first (in
  // entry order), then pairs by i, then j. Merges take edges strongest first, ties in that order.
  const edges: { edge: Edge; order: [number, number, number] }[] = [];
  const byAnchor = new Map(entries.map((e) => [`${e.ref.documentSlug}#${e.citation.anchor}`, e]));
  for (const entry of entries) {
    const repeated = entry.citation.repeats ? byAnchor.get(`${entry.ref.documentSlug}#${entry.citation.repeats}`) : undefined;
    if (repeated) {
      edges.push({ edge: { a: entry.index, b: repeated.index, confidence: 1, evidence: [{ kind: "ibid", detail: `同上 repeats ${repeated.citation.anchor}` }] }, order: [0, edges.length, 0] });
    }
  }
  const comparable = entries.filter((e) => !e.citation.repeats);
  for (const { i, j, edge } of comparisons(comparable)) edges.push({ edge, order: [1, i, j] });

  // Strongest merges first, so a source's confidence is that of the weakest link it needs. The merges a
  // group used are kept as a tree of concatenations (its own, the absorbed group's, the edge), flattened
  // once at the end: copying the lists at every merge cost the square of a work's citations.
  type Used = { first: Used | null; second: Used | null; edge: Edge };
  const used = new Map<number, Used>();
  const byStrength = edges.sort(
    (x, y) => y.edge.confidence - x.edge.confidence || x.order[0] - y.order[0] || x.order[1] - y.order[1] || x.order[2] - y.order[2],
  );
  for (const { edge } of byStrength) {
    const ra = find(edge.a);
    const rb = find(edge.b);
    if (ra === rb) continue;
    parent[rb] = ra;
    used.set(ra, { first: used.get(ra) ?? null, second: used.get(rb) ?? null, edge });
    used.delete(rb);
  }
  const flatten = (root: Used | undefined): Edge[] => {
    const out: Edge[] = [];
    const stack: (Used | Edge)[] = root ? [root] : [];
    while (stack.length > 0) {
      const item = stack.pop()!;
      if ("a" in item) out.push(item);
      else {
        stack.push(item.edge);
        if (item.second) stack.push(item.second);
        if (item.first) stack.push(item.first);
      }
    }
    return out;
  };

  const groups = new Map<number, Entry[]>();
  for (const entry of entries) {
    const root = find(entry.index);
    const members = groups.get(root);
    if (members) members.push(entry);
    else groups.set(root, [entry]);
  }
  return [...groups.entries()].map(([root, members]) => buildSource(members, flatten(used.get(root))));
}

/** Everything compare and citationMatchKeys read of an entry: two entries alike in it compare alike with every other. */
function comparisonSignature(entry: Entry): string {
  const c = entry.citation;
  return JSON.stringify([entry.urlKey, entry.base, entry.version, entry.tokens, entry.short, c.title, c.date, c.container, c.authors, c.url, entry.report]);
}

/**
 * The comparison edges the merges can use, without comparing every pair of a work's citations (a work cited
 * the same way by hundreds of essays made hundreds of thousands of pairs at each load). Citations alike in
 * everything compare reads form a class; the first of each (its representative) is compared with every
 * representative it could merge with (candidatePairs). Every other member takes only its first edge in the
 * merge order: the strongest class it meets, through that class's representative (the member's earliest
 * pair with any citation of the class), or its own representative. That is the only one of its edges a merge
 * can use: when it is taken the member joins its representative's group, and each of its later edges has a
 * twin from the representative, as strong and earlier, whose ends are joined by then. So the merges, their
 * order and their evidence are those of comparing every pair, which the groupSources tests hold it to.
 */
function comparisonEdges(comparable: readonly Entry[]): { i: number; j: number; edge: Edge }[] {
  const classOf = new Map<string, number>();
  const representative = comparable.map((entry, i) => {
    const signature = comparisonSignature(entry);
    const first = classOf.get(signature);
    if (first !== undefined) return first;
    classOf.set(signature, i);
    return i;
  });
  const reps = comparable.flatMap((_, i) => (representative[i] === i ? [i] : []));
  const found: { i: number; j: number; edge: Edge }[] = [];
  const partners = new Map<number, { rep: number; confidence: number }[]>();
  for (const [x, y] of candidatePairs(reps.map((i) => comparable[i]!))) {
    const [i, j] = [reps[x]!, reps[y]!];
    const edge = compare(comparable[i]!, comparable[j]!);
    if (!edge) continue;
    found.push({ i, j, edge });
    for (const [from, to] of [[i, j], [j, i]] as const) {
      const list = partners.get(from);
      if (list) list.push({ rep: to, confidence: edge.confidence });
      else partners.set(from, [{ rep: to, confidence: edge.confidence }]);
    }
  }
  const ownClass = new Map<number, number | null>();
  comparable.forEach((entry, k) => {
    const rep = representative[k]!;
    if (rep === k) return;
    if (!ownClass.has(rep)) ownClass.set(rep, compare(comparable[rep]!, entry)?.confidence ?? null);
    const options = [...(partners.get(rep) ?? [])];
    const own = ownClass.get(rep);
    if (own !== null && own !== undefined) options.push({ rep, confidence: own });
    let best: { rep: number; confidence: number } | null = null;
    const pairKey = (t: number) => [Math.min(k, t), Math.max(k, t)] as const;
    for (const option of options) {
      if (!best || option.confidence > best.confidence) best = option;
      else if (option.confidence === best.confidence) {
        const [oi, oj] = pairKey(option.rep);
        const [bi, bj] = pairKey(best.rep);
        if (oi < bi || (oi === bi && oj < bj)) best = option;
      }
    }
    if (!best) return;
    const [i, j] = pairKey(best.rep);
    const edge = compare(comparable[i]!, comparable[j]!);
    if (edge) found.push({ i, j, edge });
  });
  return found;
}

export interface SharedSource extends SourceRecord {
  documentSlugs: string[];
}

/** The sources cited by two or more documents, each with the documents that cite it. */
export function findSharedSources(sources: readonly SourceRecord[]): SharedSource[] {
  return sources
    .map((source) => ({ ...source, documentSlugs: [...new Set(source.citations.map((c) => c.documentSlug))] }))
    .filter((source) => source.documentSlugs.length >= 2);
}
