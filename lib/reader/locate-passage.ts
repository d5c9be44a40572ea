import { matchQuote } from "@/lib/anchoring/match-quote";
import type { PassageSelector } from "@/lib/urls/app-urls";

export interface TextBlock {
  anchor: string;
  text: string;
}

export interface PassageLocation {
  anchor: string;
  start: number;
  end: number;
  /** 1 when the words are found exactly; lower when the passage was edited since the link was made. */
  similarity: number;
  /** Found in the block the link named (or the block that block moved to), rather than elsewhere. */
  inExpectedBlock: boolean;
}

/** Below this the words are not "the same passage": an honest "no longer there" beats a wrong highlight. */
const MIN_SIMILARITY = 0.75;
/** Short quotes have too few characters for approximate matching to mean anything. */
const EXACT_ONLY_BELOW = 8;

/**
 * Where a linked passage stands now. Looks first in the block the link was made in (or where that
 * block went, `expected`), then anywhere in the document, so that a passage moved into another
 * paragraph by a split or a merge is still found.
 */
export function locatePassage(
  blocks: readonly TextBlock[],
  selector: PassageSelector,
  expected: { anchor: string; offset: number } | null,
): PassageLocation | null {
  const acceptable = (similarity: number) => similarity >= (selector.exact.length < EXACT_ONLY_BELOW ? 1 : MIN_SIMILARITY);
  const context = { prefix: selector.prefix, suffix: selector.suffix };

  const expectedBlock = expected ? blocks.find((block) => block.anchor === expected.anchor) : undefined;
  if (expectedBlock && expected) {
    const hint = expected.offset >= 0 ? expected.offset : undefined;
    const match = matchQuote(expectedBlock.text, selector.exact, { ...context, hint });
    if (match && acceptable(match.similarity)) {
      return { anchor: expectedBlock.anchor, start: match.start, end: match.end, similarity: match.similarity, inExpectedBlock: true };
    }
  }

  // The whole document, blocks joined by a character no text contains so a match cannot straddle two.
  let joined = "";
  const spans: { anchor: string; start: number; end: number }[] = [];
  for (const block of blocks) {
    spans.push({ anchor: block.anchor, start: joined.length, end: joined.length + block.text.length });
    joined += `${block.text}\u0000`;
  }
  const expectedSpan = expectedBlock ? spans.find((span) => span.anchor === expectedBlock.anchor) : undefined;
  const hint = expectedSpan ? expectedSpan.start + Math.max(0, expected?.offset ?? 0) : undefined;
  const match = matchQuote(joined, selector.exact, { ...context, hint });
  if (!match || !acceptable(match.similarity)) return null;
  const span = spans.find((candidate) => match.start >= candidate.start && match.start < candidate.end);
  if (!span) return null;
  return {
    anchor: span.anchor,
    start: match.start - span.start,
    end: Math.min(match.end, span.end) - span.start,
    similarity: match.similarity,
    inExpectedBlock: span.anchor === expectedBlock?.anchor,
  };
}
