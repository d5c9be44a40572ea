import { MIN_SHARED_HAN_CHARS, skeletonCode } from "./find-shared-passages";

/**
 * Which of a document's blocks share a passage with another text, for many other texts: the blocks' skeleton
 * windows (MIN_SHARED_HAN_CHARS long) are indexed once for the whole document, and each other text is read
 * once, whatever number of the document's blocks it is a candidate for. The answer for a pair is
 * sharesPassageWith's (find-shared-passages.ts): some window is common to both and the stretch both share
 * around it, extended both ways, holds at least MIN_SHARED_HAN_CHARS Han characters.
 *
 * Why not sharesPassageWith per candidate pair: at a hundred essays a document's blocks have thousands of
 * candidates (most share only a set phrase's fingerprint), each other block a candidate of three or four of
 * them, and each pair read the other text again: the loading transaction spent seconds there.
 */

const HAN = /^\p{Script=Han}$/u;

interface Skeleton {
  codes: number[];
  han: boolean[];
  /** UTF-16 offsets in the text of each skeleton character's start and end (sharedPassageRanges' answer). */
  starts: number[];
  ends: number[];
}

/**
 * skeletonCode and the Han test for every character of the Basic Multilingual Plane, worked out once with
 * the same regular expressions: a load reads thousands of candidate texts, and two regular-expression tests a
 * character were most of the time it spent on them. -1: dropped from the skeleton. Characters beyond the BMP
 * (a surrogate pair in the text) are tested as before.
 */
let bmpTable: { codes: Int32Array; han: Uint8Array } | null = null;
function bmp(): { codes: Int32Array; han: Uint8Array } {
  if (bmpTable) return bmpTable;
  const codes = new Int32Array(0x10000).fill(-1);
  const han = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit >= 0xd800 && unit <= 0xdfff) continue;
    const ch = String.fromCharCode(unit);
    codes[unit] = skeletonCode(ch) ?? -1;
    han[unit] = HAN.test(ch) ? 1 : 0;
  }
  return (bmpTable = { codes, han });
}

/**
 * A text's skeleton, read into buffers kept between calls (its codes and where each character lies): a
 * parallels view reads hundreds of other texts (443 at 1,003 essays) and a load thousands, and four arrays
 * grown a character at a time were about half the time spent on each. Valid until the next call; the
 * functions reading it run to their end without yielding.
 */
const buffers = { length: 0, codes: new Int32Array(1024), starts: new Int32Array(1024), ends: new Int32Array(1024) };
function readSkeleton(text: string): typeof buffers {
  if (buffers.codes.length < text.length) {
    const size = Math.max(text.length, buffers.codes.length * 2);
    Object.assign(buffers, { codes: new Int32Array(size), starts: new Int32Array(size), ends: new Int32Array(size) });
  }
  const { codes, starts, ends } = buffers;
  const table = bmp().codes;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) {
      const code = table[unit]!;
      if (code < 0) continue;
      codes[length] = code;
      starts[length] = i;
      ends[length++] = i + 1;
      continue;
    }
    // A surrogate pair (or a lone surrogate, which `for…of` also yields alone).
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const start = i;
    i += ch.length - 1;
    const code = skeletonCode(ch);
    if (code === null) continue;
    codes[length] = code;
    starts[length] = start;
    ends[length++] = i + 1;
  }
  buffers.length = length;
  return buffers;
}

/**
 * Whether a skeleton code is a Han character's. Folding (full width to ASCII, lower case) never makes or
 * unmakes a Han character, so the code answers as the character it came from.
 */
function isHan(code: number): boolean {
  return code < 0x10000 ? bmp().han[code] === 1 : HAN.test(String.fromCodePoint(code));
}

/** An indexed block's skeleton, kept with the index (the Han flags are read only on the indexed side). */
function skeletonOf(text: string): Skeleton {
  const read = readSkeleton(text);
  const codes = Array.from(read.codes.subarray(0, read.length));
  return { codes, han: codes.map(isHan), starts: Array.from(read.starts.subarray(0, read.length)), ends: Array.from(read.ends.subarray(0, read.length)) };
}

/**
 * A polynomial hash of a window of code points (mod 2^32): a lookup key only, every hit is compared code by
 * code. Polynomial so that the other text's windows are hashed rolling, one step a character: a load
 * verifies thousands of candidate texts (6,000 at 300 essays, most sharing only a set phrase's
 * fingerprint), and hashing each of their windows afresh, MIN_SHARED_HAN_CHARS steps each, was most of it.
 */
const HASH_BASE = 0x01000193;
/** HASH_BASE to the power MIN_SHARED_HAN_CHARS − 1 (mod 2^32): the weight of the character leaving a window. */
const LEAVING_WEIGHT = Array.from({ length: MIN_SHARED_HAN_CHARS - 1 }).reduce<number>((power) => Math.imul(power, HASH_BASE), 1);

function windowHash(codes: ArrayLike<number>, from: number): number {
  let h = 0;
  for (let i = from; i < from + MIN_SHARED_HAN_CHARS; i++) h = (Math.imul(h, HASH_BASE) + (codes[i] as number)) | 0;
  return h;
}

/**
 * How many leading bits of a window hash address the index's presence table: 2^16 one-byte entries (64 KiB),
 * each saying whether any indexed window's hash begins with those bits. A block's few hundred windows set
 * under 1% of them, a whole essay's 20,000 a quarter, so most of another text's windows, which share nothing,
 * are turned away by one read of the table instead of a lookup in the map (the parallels view reads 443
 * texts of some 300 windows each for a popular quotation, most of them no part of it).
 */
const PRESENCE_BITS = 16;

export interface PassageSharingIndex {
  blocks: Skeleton[];
  /** Window hash → (block, start) of every window of every block. */
  windows: Map<number, { block: number; at: number }[]>;
  /** 1 where some window's hash begins with those PRESENCE_BITS bits (hash >>> (32 − PRESENCE_BITS)). */
  present: Uint8Array;
}

/** The index of a document's blocks (their texts, in any order: answers name blocks by their position here). */
export function indexPassageSharing(texts: readonly string[]): PassageSharingIndex {
  const blocks = texts.map(skeletonOf);
  const windows = new Map<number, { block: number; at: number }[]>();
  const present = new Uint8Array(1 << PRESENCE_BITS);
  blocks.forEach((block, index) => {
    for (let at = 0; at + MIN_SHARED_HAN_CHARS <= block.codes.length; at++) {
      const key = windowHash(block.codes, at);
      present[key >>> (32 - PRESENCE_BITS)] = 1;
      const list = windows.get(key);
      if (list) list.push({ block: index, at });
      else windows.set(key, [{ block: index, at }]);
    }
  });
  return { blocks, windows, present };
}

/**
 * The blocks of the index (their positions) that share a passage with `text`, among `among` when given (the
 * candidates the passage index offers; any other block is not looked at).
 */
export function blocksSharingWith(index: PassageSharingIndex, text: string, among?: ReadonlySet<number>): Set<number> {
  const other = readSkeleton(text);
  const found = new Set<number>();
  let hash = other.length >= MIN_SHARED_HAN_CHARS ? windowHash(other.codes, 0) : 0;
  for (let j = 0; j + MIN_SHARED_HAN_CHARS <= other.length; j++) {
    if (j > 0) hash = (Math.imul(hash - Math.imul(other.codes[j - 1]!, LEAVING_WEIGHT), HASH_BASE) + other.codes[j + MIN_SHARED_HAN_CHARS - 1]!) | 0;
    if (index.present[hash >>> (32 - PRESENCE_BITS)] === 0) continue;
    const hits = index.windows.get(hash);
    if (!hits) continue;
    for (const { block, at: i } of hits) {
      if (found.has(block) || (among && !among.has(block))) continue;
      const own = index.blocks[block]!;
      let same = true;
      for (let d = 0; d < MIN_SHARED_HAN_CHARS && same; d++) same = own.codes[i + d] === other.codes[j + d];
      if (!same) continue;
      let from = 0;
      while (i - from > 0 && j - from > 0 && own.codes[i - from - 1] === other.codes[j - from - 1]) from++;
      let to = MIN_SHARED_HAN_CHARS;
      while (i + to < own.codes.length && j + to < other.length && own.codes[i + to] === other.codes[j + to]) to++;
      let han = 0;
      for (let d = i - from; d < i + to; d++) if (own.han[d]) han++;
      if (han >= MIN_SHARED_HAN_CHARS) found.add(block);
    }
  }
  return found;
}

/**
 * Where a passage an indexed block shares with another text lies, in the block (start, end) and in the other
 * text (otherStart, otherEnd): UTF-16 offsets, as findSharedPassages gives its `a` and `b` sides.
 */
export interface SharedRange {
  start: number;
  end: number;
  otherStart: number;
  otherEnd: number;
}

/**
 * The passages block `block` of the index shares with `text`: the offsets of both sides of
 * findSharedPassages({ blocks: [that block] }, { blocks: [text] }), in its order (the block's positions, then
 * the text's), one per passage. The same seeds, kept the same way: a common window of MIN_SHARED_HAN_CHARS
 * skeleton characters that cannot be extended to the left in both, extended to the right, kept when it holds
 * MIN_SHARED_HAN_CHARS Han characters.
 *
 * Why not findSharedPassages: the parallels view asks it of every place sharing words with one paragraph
 * (443 at 1,003 essays) for the ranking (which words each place shares, and so whether only a stock phrase),
 * and findSharedPassages re-reads and re-indexes both texts per pair with a regular expression a character
 * and a string a window: most of that page's time. Here the block is indexed once and each other text is
 * read once with rolling hashes, and the page's places are shown from the same answer.
 */
export function sharedPassageRanges(index: PassageSharingIndex, block: number, text: string): SharedRange[] {
  const own = index.blocks[block]!;
  const other = readSkeleton(text);
  const seeds: { i: number; j: number; length: number }[] = [];
  let hash = other.length >= MIN_SHARED_HAN_CHARS ? windowHash(other.codes, 0) : 0;
  for (let j = 0; j + MIN_SHARED_HAN_CHARS <= other.length; j++) {
    if (j > 0) hash = (Math.imul(hash - Math.imul(other.codes[j - 1]!, LEAVING_WEIGHT), HASH_BASE) + other.codes[j + MIN_SHARED_HAN_CHARS - 1]!) | 0;
    if (index.present[hash >>> (32 - PRESENCE_BITS)] === 0) continue;
    for (const { block: hit, at: i } of index.windows.get(hash) ?? []) {
      if (hit !== block) continue;
      // Not left-maximal: inside a longer passage that an earlier seed starts (asked first: it is one
      // comparison, and every window inside a passage after its first hits).
      if (i > 0 && j > 0 && own.codes[i - 1] === other.codes[j - 1]) continue;
      let same = true;
      for (let d = 0; d < MIN_SHARED_HAN_CHARS && same; d++) same = own.codes[i + d] === other.codes[j + d];
      if (!same) continue;
      let length = MIN_SHARED_HAN_CHARS;
      while (i + length < own.codes.length && j + length < other.length && own.codes[i + length] === other.codes[j + length]) length++;
      let han = 0;
      for (let d = i; d < i + length; d++) if (own.han[d]) han++;
      if (han >= MIN_SHARED_HAN_CHARS) seeds.push({ i, j, length });
    }
  }
  seeds.sort((s, t) => s.i - t.i || s.j - t.j);
  return seeds.map(({ i, j, length }) => ({ start: own.starts[i]!, end: own.ends[i + length - 1]!, otherStart: other.starts[j]!, otherEnd: other.ends[j + length - 1]! }));
}
