import { quoteCandidates, type QuoteMatch } from "@/lib/anchoring/match-quote";
import { displayedText, endPointAt, positionOf, startPointAt, type BlockPoint, type DocumentText } from "./web-annotation-text";

/**
 * Where an imported annotation's words are in a document's current text, or why it is attached nowhere.
 *
 * The quote (TextQuoteSelector) is what is looked for; positions are only trusted when the text they name
 * IS the quote (as the Hypothesis client checks its own), because positions made on another page's
 * `textContent` or an older version count something else. So:
 *   1. a stated position whose text is exactly the quote (Duizhao's own exports; the block of a
 *      FragmentSelector refined by a position, or the document-wide TextPositionSelector) is taken;
 *   2. else the quote is looked for with its prefix and suffix (exactly, else approximately); the best
 *      place is taken when no other place scores as well. Equal places are told apart only by the block
 *      the annotation names (its FragmentSelector, where that block went at re-ingest); a position that
 *      failed step 1 never decides between them;
 *   3. otherwise the annotation is orphaned, with the reason: no quote, not found, found only below the
 *      similarity threshold, or found in several places that nothing tells apart. Never the wrong words.
 */

export interface QuoteSelectorValue {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface AnchorHints {
  /** A TextPositionSelector at the top of the target: positions in the document's text, if Duizhao made them. */
  position?: { start: number; end: number } | null;
  /** The block the annotation names (FragmentSelector), as it stands now, with the offset it gives inside it. */
  block?: { anchor: string; start?: number | null } | null;
}

export type AnchoringOutcome =
  | {
      status: "anchored";
      start: BlockPoint;
      end: BlockPoint;
      /** The words now at that place (differ from the quote when matched approximately). */
      text: string;
      similarity: number;
      /** How the place was settled, in words, when not by an exact quote found once. */
      reason: string | null;
    }
  | { status: "orphaned"; reason: string };

/**
 * Below this share of the quote's characters matched, the words found are not "the same words": the value
 * Duizhao's own links and re-ingest remapping use (lib/reader/locate-passage.ts, lib/anchoring/remap-anchors.ts),
 * so an imported annotation survives exactly the edits a shared link survives.
 */
export const MIN_SIMILARITY = 0.75;
/** Quotes shorter than this are matched exactly only: a couple of edits in a few characters is another phrase. */
export const EXACT_ONLY_BELOW = 8;
/** Scores closer than this are equal (they are sums of ratios of small integers). */
const SCORE_TIE = 1e-9;

export function anchorQuote(layout: DocumentText, quote: QuoteSelectorValue | null, hints: AnchorHints = {}): AnchoringOutcome {
  if (!quote || quote.exact.trim() === "") return { status: "orphaned", reason: "it quotes no words (no TextQuoteSelector with an exact text)" };
  const plain = anchorIn(layout, quote, hints);
  if (plain.status === "anchored" && plain.similarity === 1) return plain;
  if (!layout.blocks.some((block) => block.markers && block.markers.length > 0) || /^ambiguous/u.test(plain.reason ?? "")) return plain;
  // A selection made on the page took the note markers' labels with it ("…智慧。[2]"): look again in the text
  // as the page shows it, and keep what matches better.
  const shown = displayedText(layout);
  const displayed = anchorIn(shown.layout, quote, { block: hints.block ? { anchor: hints.block.anchor } : null });
  if (displayed.status !== "anchored" || (plain.status === "anchored" && plain.similarity >= displayed.similarity)) return plain;
  const start = shown.toPlain(displayed.start);
  const end = shown.toPlain(displayed.end);
  const from = positionOf(layout, start);
  const to = positionOf(layout, end);
  if (from === null || to === null || to <= from) return plain;
  return { ...displayed, start, end, text: layout.text.slice(from, to), reason: displayed.reason ?? "found with the note markers' labels, as the page shows them" };
}

function anchorIn(layout: DocumentText, quote: QuoteSelectorValue, hints: AnchorHints): AnchoringOutcome {
  const exact = quote.exact;

  const stated = statedPlace(layout, exact, hints);
  if (stated) return anchoredAt(layout, stated, 1, null);

  const acceptable = (match: QuoteMatch) => match.similarity >= (exact.length < EXACT_ONLY_BELOW ? 1 : MIN_SIMILARITY);
  const all = quoteCandidates(layout.text, exact, { prefix: quote.prefix, suffix: quote.suffix });
  const candidates = distinctPlaces(all.filter(acceptable));
  const best = candidates[0];
  if (!best) {
    const closest = all[0];
    return {
      status: "orphaned",
      reason: closest
        ? `the quote is not in the text (the closest words are ${percent(closest.similarity)} similar, below ${percent(MIN_SIMILARITY)})`
        : "the quote is not in the text",
    };
  }
  const tied = candidates.filter((candidate) => best.score - candidate.score < SCORE_TIE);
  if (tied.length === 1) return anchoredAt(layout, best, best.similarity, best.similarity < 1 ? `the words differ from the quote (${percent(best.similarity)} similar)` : null);

  const inNamedBlock = hints.block ? tied.filter((candidate) => blockOf(layout, candidate.start) === hints.block!.anchor) : [];
  if (inNamedBlock.length === 1) {
    const chosen = inNamedBlock[0]!;
    return anchoredAt(layout, chosen, chosen.similarity, `the quote occurs in ${tied.length} places; the one in the block the annotation names`);
  }
  return { status: "orphaned", reason: `ambiguous: the quote and its context occur in ${tied.length} places, and nothing tells them apart` };
}

/** A place the annotation states (block offset, else document position) whose text is exactly the quote. */
function statedPlace(layout: DocumentText, exact: string, hints: AnchorHints): { start: number; end: number } | null {
  const block = hints.block ? layout.blocks.find((candidate) => candidate.anchor === hints.block!.anchor) : undefined;
  const blockStart = hints.block?.start;
  if (block && typeof blockStart === "number" && block.text.slice(blockStart, blockStart + exact.length) === exact) {
    return { start: block.start + blockStart, end: block.start + blockStart + exact.length };
  }
  const position = hints.position;
  if (position && position.end - position.start === exact.length && layout.text.slice(position.start, position.end) === exact) {
    return position;
  }
  return null;
}

/**
 * Approximate matching reports overlapping variants of one place: keep the best of each. Two exact
 * occurrences are two places even when they overlap (a quote in repetitive wording).
 */
function distinctPlaces(candidates: readonly QuoteMatch[]): QuoteMatch[] {
  const kept: QuoteMatch[] = [];
  for (const candidate of candidates) {
    const variant = (place: QuoteMatch) => candidate.start < place.end && place.start < candidate.end && (candidate.similarity < 1 || place.similarity < 1);
    if (!kept.some(variant)) kept.push(candidate);
  }
  return kept;
}

function blockOf(layout: DocumentText, position: number): string | null {
  return startPointAt(layout, position)?.anchor ?? null;
}

function anchoredAt(layout: DocumentText, range: { start: number; end: number }, similarity: number, reason: string | null): AnchoringOutcome {
  const start = startPointAt(layout, range.start);
  const end = endPointAt(layout, range.end);
  if (!start || !end) return { status: "orphaned", reason: "the quote is not in the text" };
  return { status: "anchored", start, end, text: layout.text.slice(range.start, range.end), similarity, reason };
}

function percent(share: number): string {
  return `${Math.floor(share * 100)}%`;
}
