import { matchQuote } from "./match-quote";

export type BlockKind = "heading" | "paragraph" | "footnote";

export interface AnchoredBlock {
  anchor: string;
  kind: BlockKind;
  text: string;
}

export type AnchorMove =
  | { anchor: string; kind: BlockKind; status: "moved"; targetAnchor: string; targetOffset: number; quote: string }
  | { anchor: string; kind: BlockKind; status: "orphaned"; quote: string };

/** Below this, a passage is not "found again": a wrong destination is worse than an honest orphan. */
const MIN_SIMILARITY = 0.75;
const HEAD_LENGTH = 64;
/** Short texts (headings) are matched exactly only: two edits in six characters is another heading. */
const EXACT_ONLY_BELOW = 12;

/**
 * Where each passage of the previous version of a document went in the current one. Called for the
 * anchors the current version no longer has (a paragraph edited, split, merged or deleted): the start
 * of the old passage is looked for among the current blocks of the same kind; the block where it now
 * begins, and the offset there, become the anchor's destination. Not found: orphaned, never guessed.
 */
export function remapAnchors(previous: readonly AnchoredBlock[], current: readonly AnchoredBlock[]): AnchorMove[] {
  const currentAnchors = new Set(current.map((block) => block.anchor));
  const moves: AnchorMove[] = [];
  const byKind = new Map<BlockKind, Concatenation>();
  for (const kind of ["heading", "paragraph", "footnote"] as const) {
    byKind.set(kind, concatenate(current.filter((block) => block.kind === kind)));
  }
  for (const [index, old] of previous.entries()) {
    if (currentAnchors.has(old.anchor)) continue;
    const target = byKind.get(old.kind)!;
    const found = old.text.trim() === "" ? null : locate(old, target, index / Math.max(previous.length, 1));
    moves.push(
      found
        ? { anchor: old.anchor, kind: old.kind, status: "moved", targetAnchor: found.anchor, targetOffset: found.offset, quote: old.text }
        : { anchor: old.anchor, kind: old.kind, status: "orphaned", quote: old.text },
    );
  }
  return moves;
}

interface Concatenation {
  text: string;
  blocks: { anchor: string; start: number; end: number }[];
}

/** Blocks joined with a separator no passage contains, so that a match never spans two blocks unnoticed. */
function concatenate(blocks: readonly AnchoredBlock[]): Concatenation {
  let text = "";
  const spans: Concatenation["blocks"] = [];
  for (const block of blocks) {
    spans.push({ anchor: block.anchor, start: text.length, end: text.length + block.text.length });
    text += block.text + "\u0000";
  }
  return { text, blocks: spans };
}

function locate(old: AnchoredBlock, target: Concatenation, relativePosition: number) {
  if (target.blocks.length === 0) return null;
  const head = old.text.slice(0, HEAD_LENGTH);
  const hint = Math.round(relativePosition * target.text.length);
  const match = matchQuote(target.text, head, { hint });
  const exactOnly = old.text.length < EXACT_ONLY_BELOW;
  if (!match || match.similarity < (exactOnly ? 1 : MIN_SIMILARITY)) {
    // The opening may be what changed: look for the passage's end instead and keep its block.
    const tail = old.text.slice(-HEAD_LENGTH);
    const tailMatch = tail.length >= EXACT_ONLY_BELOW ? matchQuote(target.text, tail, { hint }) : null;
    if (!tailMatch || tailMatch.similarity < MIN_SIMILARITY) return null;
    const block = blockAt(target, tailMatch.start);
    return block ? { anchor: block.anchor, offset: 0 } : null;
  }
  const block = blockAt(target, match.start);
  return block ? { anchor: block.anchor, offset: match.start - block.start } : null;
}

function blockAt(target: Concatenation, offset: number) {
  return target.blocks.find((block) => offset >= block.start && offset <= block.end) ?? null;
}
