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
 * Method: every `minChars`-long skeleton window of B is indexed in a hash map; each window of A that hits
 * is a seed, kept only if it cannot be extended to the left (else it lies inside a longer pair that another
 * seed starts), then extended to the right. Cost is linear in the text plus the number of seed pairs.
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

function skeletonOf(document: PassageDocument, separator: number): Skeleton {
  const sk: Skeleton = { codes: [], block: [], starts: [], ends: [] };
  document.blocks.forEach((block, index) => {
    let offset = 0;
    for (const ch of block.text) {
      if (KEEP.test(ch)) {
        let code = ch.codePointAt(0) as number;
        if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
        if (code < 0x80) code = String.fromCharCode(code).toLowerCase().charCodeAt(0);
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

export function findSharedPassages(docA: PassageDocument, docB: PassageDocument, options: SharedPassageOptions = {}): SharedPassage[] {
  const minChars = options.minChars ?? 12;
  if (!Number.isInteger(minChars) || minChars < 1) throw new RangeError(`minChars must be a positive integer, got ${minChars}`);
  const a = skeletonOf(docA, -1);
  const b = skeletonOf(docB, -2);

  const index = new Map<string, number[]>();
  windowKeys(b.codes, minChars).forEach((key, j) => {
    if (key === null) return;
    const list = index.get(key);
    if (list === undefined) index.set(key, [j]);
    else list.push(j);
  });

  const found: { i: number; j: number; length: number }[] = [];
  windowKeys(a.codes, minChars).forEach((key, i) => {
    if (key === null) return;
    for (const j of index.get(key) ?? []) {
      if (i > 0 && j > 0 && a.codes[i - 1] === b.codes[j - 1]) continue;
      let length = minChars;
      while (i + length < a.codes.length && j + length < b.codes.length && a.codes[i + length] === b.codes[j + length]) length++;
      found.push({ i, j, length });
    }
  });

  const passages: SharedPassage[] = [];
  for (const { i, j, length } of found) {
    const skeleton = String.fromCodePoint(...a.codes.slice(i, i + length));
    const hanChars = [...skeleton].filter((ch) => HAN.test(ch)).length;
    if (hanChars < minChars) continue;
    passages.push({ a: side(docA, a, i, length), b: side(docB, b, j, length), skeleton, hanChars });
  }
  // Seeds arrive in A order; within one A position, B order.
  return passages;
}
