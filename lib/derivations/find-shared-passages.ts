import type { MentionBlock, MentionBlockKind } from "./find-mentions";

/**
 * Passages two documents share word for word (typically a speech or white paper both quote), found on a
 * skeleton that keeps only Han characters, letters and digits, so that punctuation, quotation marks,
 * spacing and full-width forms do not hide a common passage. Pure and deterministic.
 *
 * A shared passage is a pair (passage in A, passage in B) with equal skeletons that cannot be extended on
 * either side in both at once, and that holds at least `minChars` Han characters (letters and digits are
 * compared but not counted, so a shared URL is not a shared passage). The same stretch of A may pair with
 * several places in B, and pairs may overlap: each is maximal in its own right.
 *
 * Method: every `minChars`-long skeleton window of one document is indexed in a hash map; each window of
 * the other that hits is a seed, kept only if it cannot be extended to the left (else it lies inside a
 * longer pair that another seed starts), then extended to the right. Cost is linear in the text plus the
 * number of seed pairs. Across a corpus, one document is indexed once (indexPassageDocument) and compared
 * with the blocks the passage index (passage-fingerprints.ts) says may share something with it
 * (findSharedPassagesWith), whichever side it is on: the answer is the same as findSharedPassages'.
 */

export interface PassageDocument {
  slug: string;
  blocks: readonly MentionBlock[];
}

export interface PassageSide {
  slug: string;
  blockAnchor: string;
  blockKind: MentionBlockKind;
  /** UTF-16 offsets into the block's text; `text` is that slice, punctuation and all. */
  start: number;
  end: number;
  text: string;
}

export interface SharedPassage {
  a: PassageSide;
  b: PassageSide;
  /** The common skeleton (Han, letters and digits, full-width folded, lower-cased). */
  skeleton: string;
  hanChars: number;
}

export interface SharedPassageOptions {
  /** Minimum number of Han characters in a shared passage. */
  minChars?: number;
}

interface Skeleton {
  /** Code points; a negative number separates blocks and never equals anything in the other document. */
  codes: number[];
  block: number[];
  starts: number[];
  ends: number[];
}

const KEEP = /^[\p{Script=Han}\p{L}\p{N}]$/u;
const HAN = /^\p{Script=Han}$/u;
/** Passages shorter than this many Han characters are not shared passages (the corpus's 12: below it, set phrases). */
export const MIN_SHARED_HAN_CHARS = 12;

/** The skeleton code of one character (full width folded, Latin lower-cased), or null when the skeleton drops it. */
export function skeletonCode(ch: string): number | null {
  if (!KEEP.test(ch)) return null;
  let code = ch.codePointAt(0) as number;
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  if (code < 0x80) code = String.fromCharCode(code).toLowerCase().charCodeAt(0);
  return code;
}

function skeletonOf(document: PassageDocument, separator: number): Skeleton {
  const sk: Skeleton = { codes: [], block: [], starts: [], ends: [] };
  document.blocks.forEach((block, index) => {
    let offset = 0;
    for (const ch of block.text) {
      const code = skeletonCode(ch);
      if (code !== null) {
        sk.codes.push(code);
        sk.block.push(index);
        sk.starts.push(offset);
        sk.ends.push(offset + ch.length);
      }
      offset += ch.length;
    }
    sk.codes.push(separator);
    sk.block.push(index);
    sk.starts.push(offset);
    sk.ends.push(offset);
  });
  return sk;
}

/** Key of the window [i, i + k), or null when a block boundary falls inside it. */
function windowKeys(codes: number[], k: number): (string | null)[] {
  const keys: (string | null)[] = new Array(codes.length).fill(null);
  let run = 0;
  for (let end = 0; end < codes.length; end++) {
    run = (codes[end] as number) < 0 ? 0 : run + 1;
    if (run >= k) keys[end - k + 1] = String.fromCodePoint(...codes.slice(end - k + 1, end + 1));
  }
  return keys;
}

function side(document: PassageDocument, sk: Skeleton, from: number, length: number): PassageSide {
  const block = document.blocks[sk.block[from] as number] as MentionBlock;
  const start = sk.starts[from] as number;
  const end = sk.ends[from + length - 1] as number;
  return { slug: document.slug, blockAnchor: block.anchor, blockKind: block.kind, start, end, text: block.text.slice(start, end) };
}

function checkMinChars(minChars: number): void {
  if (!Number.isInteger(minChars) || minChars < 1) throw new RangeError(`minChars must be a positive integer, got ${minChars}`);
}

/** A document prepared once for comparison with many others: its skeleton and its windows' positions. */
export interface IndexedPassageDocument {
  document: PassageDocument;
  minChars: number;
  skeleton: Skeleton;
  windows: Map<string, number[]>;
}

export function indexPassageDocument(document: PassageDocument, options: SharedPassageOptions = {}): IndexedPassageDocument {
  const minChars = options.minChars ?? MIN_SHARED_HAN_CHARS;
  checkMinChars(minChars);
  // Separators differ between the indexed document (-1) and the other (-2): a seed never extends across one.
  const skeleton = skeletonOf(document, -1);
  const windows = new Map<string, number[]>();
  windowKeys(skeleton.codes, minChars).forEach((key, j) => {
    if (key === null) return;
    const list = windows.get(key);
    if (list === undefined) windows.set(key, [j]);
    else list.push(j);
  });
  return { document, minChars, skeleton, windows };
}

/**
 * The shared passages of an indexed document and another, the indexed one being document A (`"a"`) or
 * B (`"b"`) of findSharedPassages(A, B): the same passages, in the same order (A's order, then B's).
 */
export function findSharedPassagesWith(indexed: IndexedPassageDocument, other: PassageDocument, indexedSide: "a" | "b"): SharedPassage[] {
  const { minChars } = indexed;
  const x = indexed.skeleton;
  const y = skeletonOf(other, -2);
  // Seeds (i in the indexed document, j in the other): left-maximal, extended to the right. Both tests
  // are symmetric, so the seeds are those of either orientation.
  const found: { i: number; j: number; length: number }[] = [];
  windowKeys(y.codes, minChars).forEach((key, j) => {
    if (key === null) return;
    for (const i of indexed.windows.get(key) ?? []) {
      if (i > 0 && j > 0 && x.codes[i - 1] === y.codes[j - 1]) continue;
      let length = minChars;
      while (i + length < x.codes.length && j + length < y.codes.length && x.codes[i + length] === y.codes[j + length]) length++;
      found.push({ i, j, length });
    }
  });
  const [a, b, docA, docB] = indexedSide === "a" ? [x, y, indexed.document, other] : [y, x, other, indexed.document];
  const seeds = found.map(({ i, j, length }) => (indexedSide === "a" ? { ia: i, jb: j, length } : { ia: j, jb: i, length }));
  // findSharedPassages' order: A positions ascending, then B positions ascending.
  seeds.sort((s, t) => s.ia - t.ia || s.jb - t.jb);

  const passages: SharedPassage[] = [];
  for (const { ia, jb, length } of seeds) {
    const skeleton = String.fromCodePoint(...a.codes.slice(ia, ia + length));
    const hanChars = [...skeleton].filter((ch) => HAN.test(ch)).length;
    if (hanChars < minChars) continue;
    passages.push({ a: side(docA, a, ia, length), b: side(docB, b, jb, length), skeleton, hanChars });
  }
  return passages;
}

export function findSharedPassages(docA: PassageDocument, docB: PassageDocument, options: SharedPassageOptions = {}): SharedPassage[] {
  return findSharedPassagesWith(indexPassageDocument(docB, options), docA, "b");
}

/** A text prepared for asking, of many others, whether they share a passage with it (sharesPassageWith). */
export interface PreparedPassageText {
  codes: number[];
  han: boolean[];
  /** Window hash → start positions of the MIN_SHARED_HAN_CHARS-long skeleton windows with that hash. */
  windows: Map<number, number[]>;
}

function skeletonCodes(text: string): { codes: number[]; han: boolean[] } {
  const codes: number[] = [];
  const han: boolean[] = [];
  for (const ch of text) {
    const code = skeletonCode(ch);
    if (code === null) continue;
    codes.push(code);
    han.push(HAN.test(ch));
  }
  return { codes, han };
}

/** FNV-1a over a window of code points: a lookup key only, every hit is compared code by code. */
function windowHash(codes: readonly number[], from: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + length; i++) h = Math.imul(h ^ (codes[i] as number), 0x01000193);
  return h;
}

export function preparePassageText(text: string): PreparedPassageText {
  const { codes, han } = skeletonCodes(text);
  const windows = new Map<number, number[]>();
  for (let i = 0; i + MIN_SHARED_HAN_CHARS <= codes.length; i++) {
    const key = windowHash(codes, i, MIN_SHARED_HAN_CHARS);
    const list = windows.get(key);
    if (list) list.push(i);
    else windows.set(key, [i]);
  }
  return { codes, han, windows };
}

/**
 * Whether two texts share a passage, as findSharedPassages would find one between a block of each: some
 * window of MIN_SHARED_HAN_CHARS skeleton characters is common to both and the stretch around it that both
 * share (extended both ways) holds at least MIN_SHARED_HAN_CHARS Han characters. Stops at the first; no
 * passage is built. For counting, over the many blocks the passage index offers, those that share one.
 */
export function sharesPassageWith(prepared: PreparedPassageText, text: string): boolean {
  const a = prepared;
  const b = skeletonCodes(text);
  for (let j = 0; j + MIN_SHARED_HAN_CHARS <= b.codes.length; j++) {
    const hits = a.windows.get(windowHash(b.codes, j, MIN_SHARED_HAN_CHARS));
    if (!hits) continue;
    for (const i of hits) {
      let same = true;
      for (let d = 0; d < MIN_SHARED_HAN_CHARS && same; d++) same = a.codes[i + d] === b.codes[j + d];
      if (!same) continue;
      let from = 0;
      while (i - from > 0 && j - from > 0 && a.codes[i - from - 1] === b.codes[j - from - 1]) from++;
      let to = MIN_SHARED_HAN_CHARS;
      while (i + to < a.codes.length && j + to < b.codes.length && a.codes[i + to] === b.codes[j + to]) to++;
      let han = 0;
      for (let d = i - from; d < i + to; d++) if (a.han[d]) han++;
      if (han >= MIN_SHARED_HAN_CHARS) return true;
    }
  }
  return false;
}
