import { compactText } from "./normalise-text";

/**
 * Stable identifiers for headings, paragraphs and notes: a hash of what the element says, not of where
 * it stands, so that links survive re-ingestion after an upstream fix moves elements around.
 */

/** FNV-1a, 32 bit, over the UTF-8 bytes of `s`: 8 lowercase hex digits. */
export function fnv1a32(s: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(s)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** Base anchor: prefix + hash of the text with punctuation and whitespace removed. */
export function anchorBase(prefix: "p" | "h" | "n", text: string): string {
  return `${prefix}-${fnv1a32(compactText(text))}`;
}

/**
 * Hands out anchors in document order; a repeated base (two identical paragraphs, two "同上。" notes)
 * gets `-2`, `-3` … in the order met.
 */
export function createAnchorAllocator(): (prefix: "p" | "h" | "n", text: string) => string {
  const seen = new Map<string, number>();
  return (prefix, text) => {
    const base = anchorBase(prefix, text);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}

/** Basis of a missing note's anchor: the ~16 body characters before its marker, and its label. */
export function missingNoteBasis(bodyTextBefore: string, label: string): string {
  const compact = Array.from(compactText(bodyTextBefore));
  return `${compact.slice(-16).join("")}${label}`;
}

/** Citation anchors: the note's anchor and the citation's 1-based position in it. */
export function citationAnchor(footnoteAnchor: string, position: number): string {
  return `${footnoteAnchor}-c${position}`;
}
