import type { ParagraphChip } from "@/lib/compare/build-compare-view";
import type { Side } from "@/lib/compare/compare-state";

/**
 * Under a paragraph of side by side: a chip per active concept it mentions (a button that shows that
 * concept's counterpart in the other pane) and a button listing its links. The buttons are the keyboard
 * way in; the marks in the text answer clicks too but are not tab stops, as a paragraph may hold dozens.
 * The client part of the page handles them by delegation (data attributes), so this stays on the server.
 */
export function ParagraphTools({
  side,
  anchor,
  number,
  chips,
  linkCount,
  labels,
}: {
  side: Side;
  anchor: string;
  number: number;
  chips: readonly ParagraphChip[];
  linkCount: number;
  labels: ReadonlyMap<string, string>;
}) {
  if (chips.length === 0 && linkCount === 0) return null;
  const other = side === "left" ? "right" : "left";
  return (
    <div className="compare-tools" role="group" aria-label={`¶ ${number}: concepts and links`}>
      {chips.map((chip) => {
        const label = labels.get(chip.concept) ?? chip.concept;
        const content = (
          <>
            <span className="tone-glyph" aria-hidden="true">
              {chip.tone}
            </span>
            <span lang="zh-Hans">{label}</span>
            {chip.count > 1 ? <span aria-label={`${chip.count} mentions`}>×{chip.count}</span> : null}
          </>
        );
        return chip.target ? (
          <button
            key={chip.concept}
            type="button"
            className="concept-chip"
            data-tone={chip.tone}
            data-jump-concept={chip.concept}
            data-jump-block={anchor}
            title={`Show ${label} in the ${other} essay`}
          >
            {content}
            <span aria-hidden="true">{side === "left" ? "→" : "←"}</span>
            <span className="sr-only"> — show it in the {other} essay</span>
          </button>
        ) : (
          <span key={chip.concept} className="concept-chip" data-tone={chip.tone} data-nowhere="">
            {content}
            <span className="focus-muted" lang="en">
              {" "}
              not in the {other} essay
            </span>
          </span>
        );
      })}
      {linkCount > 0 ? (
        <button type="button" className="links-chip" data-focus-block={anchor} aria-pressed="false" aria-label={`¶ ${number}: ${linkCount} ${linkCount === 1 ? "link" : "links"} to the ${other} essay`}>
          <span aria-hidden="true">⇄</span> {linkCount}
        </button>
      ) : null}
    </div>
  );
}
