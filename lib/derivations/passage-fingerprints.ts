import type { MentionBlock, MentionBlockKind } from "./find-mentions";
import { MIN_SHARED_HAN_CHARS, skeletonCode } from "./find-shared-passages";

/**
 * Fingerprints of a block's text for the corpus-wide passage index: which blocks of the corpus may share
 * a passage with a new document's, found by lookup instead of comparing the new document with every other
 * (as text-reuse tools such as passim and ctext's do). Pure.
 *
 * The text is reduced to the skeleton findSharedPassages compares (Han characters, letters and digits,
 * folded), every run of FINGERPRINT_K skeleton characters is hashed, and winnowing (Schleimer, Wilkerson
 * and Aiken 2003) keeps the least hash of every FINGERPRINT_WINDOW consecutive ones. Two texts sharing a
 * skeleton run of K + W − 1 characters share a window of W whole k-grams, whose least hash both keep: so
 * with K + W − 1 = MIN_SHARED_HAN_CHARS every shared passage findSharedPassages can report leaves a common
 * fingerprint, and a lookup misses none.
 *
 * Why K = 8 for Chinese: a Han character is roughly a morpheme and policy prose is made of 2- and
 * 4-character words and set phrases (网络主权, 数字鸿沟, 人类命运共同体 at 7); an 8-gram spans about four
 * words, longer than most set phrases, so the phrases every essay uses do not on their own make two blocks
 * candidates, while W = 5 still meets the 12-character guarantee and keeps about 2 / (W + 1) = a third of
 * the k-grams (a 20,000-character essay: some 6,700 fingerprints).
 */

export const FINGERPRINT_K = 8;
export const FINGERPRINT_WINDOW = MIN_SHARED_HAN_CHARS - FINGERPRINT_K + 1;

export interface BlockFingerprints {
  blockKind: MentionBlockKind;
  blockAnchor: string;
  /** Distinct 32-bit fingerprints (signed, as PostgreSQL's integer), ascending. */
  fingerprints: number[];
}

/** FNV-1a over the k code points: 32 bits, stable across runs and platforms. */
function hashGram(codes: readonly number[], from: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + FINGERPRINT_K; i++) {
    const code = codes[i] as number;
    h = Math.imul(h ^ (code & 0xffff), 0x01000193);
    h = Math.imul(h ^ (code >>> 16), 0x01000193);
  }
  return h | 0;
}

/** The winnowed fingerprints of one text (empty when its skeleton is too short to hold a shared passage). */
export function fingerprintText(text: string): number[] {
  const codes: number[] = [];
  for (const ch of text) {
    const code = skeletonCode(ch);
    if (code !== null) codes.push(code);
  }
  if (codes.length < MIN_SHARED_HAN_CHARS) return [];
  const hashes: number[] = [];
  for (let i = 0; i + FINGERPRINT_K <= codes.length; i++) hashes.push(hashGram(codes, i));
  const kept = new Set<number>();
  for (let start = 0; start + FINGERPRINT_WINDOW <= hashes.length; start++) {
    let least = hashes[start] as number;
    for (let i = start + 1; i < start + FINGERPRINT_WINDOW; i++) least = Math.min(least, hashes[i] as number);
    kept.add(least);
  }
  return [...kept].sort((x, y) => x - y);
}

/** Fingerprints of every block that has any. */
export function fingerprintBlocks(blocks: readonly MentionBlock[]): BlockFingerprints[] {
  return blocks.flatMap((block) => {
    const fingerprints = fingerprintText(block.text);
    return fingerprints.length === 0 ? [] : [{ blockKind: block.kind, blockAnchor: block.anchor, fingerprints }];
  });
}

/**
 * The blocks of each of two documents that share a fingerprint with the other: the only blocks that can
 * hold a passage the two share (every shared passage leaves a common fingerprint), so the alignment
 * (findSharedPassages) is run on these alone and finds what it finds on the whole documents.
 */
export function blocksSharingFingerprints(
  a: readonly BlockFingerprints[],
  b: readonly BlockFingerprints[],
): { a: BlockFingerprints[]; b: BlockFingerprints[] } {
  const inA = new Set(a.flatMap((block) => block.fingerprints));
  const inB = new Set(b.flatMap((block) => block.fingerprints));
  return {
    a: a.filter((block) => block.fingerprints.some((print) => inB.has(print))),
    b: b.filter((block) => block.fingerprints.some((print) => inA.has(print))),
  };
}

