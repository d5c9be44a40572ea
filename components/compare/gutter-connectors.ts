import type { BlockPair } from "@/lib/compare/alignment";
import { connectorOpacity, connectorPath } from "@/lib/compare/alignment";
import type { CompareLink } from "@/lib/compare/build-compare-view";
import type { Side } from "@/lib/compare/compare-state";

/**
 * The aligned gutter's connectors as numbers and markup, without the DOM: which pairs the panes scroll
 * by, where a block's end of a connector is, and the SVG path drawn for a pair.
 */

/** A connector is drawn whole when both its ends are within this margin of the gutter, as a stub when one is. */
export const DRAW_MARGIN = 24;
/** Length of the stub drawn towards a partner out of view. */
export const STUB = 12;

/** A box's vertical extent (a DOMRect's, or any measured from the same origin). */
export interface VerticalBox {
  top: number;
  bottom: number;
  height: number;
}

/** The gutter's box: connector ends are measured from its top, and drawn across its width. */
export interface GutterBox {
  top: number;
  width: number;
  height: number;
}

/** The block pairs in the documents' text, not their notes: the pairs the panes scroll in step by. */
export function bodyBlockPairs(links: readonly CompareLink[], pairs: readonly BlockPair[]): BlockPair[] {
  const inBody = new Set(
    links.filter((l) => l.left.blockKind !== "footnote" && l.right.blockKind !== "footnote").map((l) => `${l.left.anchor}\u0000${l.right.anchor}`),
  );
  return pairs.filter((pair) => inBody.has(`${pair.left}\u0000${pair.right}`));
}

/**
 * A block's end of a connector, from the gutter's top: its first line, or the top of what is left of it
 * in view; where the block would be when it is out of view; null when it is not laid out.
 */
export function connectorEnd(block: VerticalBox, gutter: Pick<GutterBox, "top" | "height">): number | null {
  if (block.height === 0) return null;
  const top = block.top - gutter.top;
  const bottom = block.bottom - gutter.top;
  const wanted = top + Math.min(block.height / 2, 14);
  if (bottom < 0 || top > gutter.height) return wanted;
  const from = Math.max(top, 0);
  const to = Math.min(bottom, gutter.height);
  return to - from < 12 ? (from + to) / 2 : Math.max(from + 6, Math.min(wanted, to - 6));
}

/** A pair with its two ends (null where a block is missing or not laid out). */
export interface ConnectorEnds {
  pair: BlockPair;
  left: number | null;
  right: number | null;
}

/** The block focused in the panes (its links are drawn over the others). */
export type GutterFocus = { side: Side; anchor: string } | null;

interface Connector {
  markup: string;
  focused: boolean;
}

/**
 * A pair's connector: a line across the gutter when both ends are in view, a short stub pointing up or
 * down to the partner when only one is, nothing when neither is.
 */
export function connector({ pair, left, right }: ConnectorEnds, gutter: Pick<GutterBox, "width" | "height">, focus: GutterFocus): Connector | null {
  const visible = (value: number) => value > -DRAW_MARGIN && value < gutter.height + DRAW_MARGIN;
  if (left === null || right === null || (!visible(left) && !visible(right))) return null;
  const focused = focus !== null && focus.anchor === (focus.side === "left" ? pair.left : pair.right);
  const attributes = `data-kind="${pair.kind}" data-left="${pair.left}" data-right="${pair.right}" opacity="${connectorOpacity(pair.confidence)}"${focused ? ' data-focused=""' : ""}`;
  if (visible(left) && visible(right)) return { markup: `<path d="${connectorPath(gutter.width, left, right)}" ${attributes}></path>`, focused };
  const fromLeft = visible(left);
  const at = fromLeft ? left : right;
  const towards = (fromLeft ? right : left) < at ? -1 : 1;
  const d = fromLeft ? `M0 ${at.toFixed(1)} h${STUB} l5 ${5 * towards}` : `M${gutter.width.toFixed(1)} ${at.toFixed(1)} h-${STUB} l-5 ${5 * towards}`;
  return { markup: `<path d="${d}" data-stub="${towards < 0 ? "above" : "below"}" ${attributes}></path>`, focused };
}

/** The gutter's SVG content: every pair's connector in order, the focused ones last so they are drawn over the others. */
export function connectorsMarkup(ends: readonly ConnectorEnds[], gutter: Pick<GutterBox, "width" | "height">, focus: GutterFocus): string {
  const drawn = ends.map((end) => connector(end, gutter, focus)).filter((c): c is Connector => c !== null);
  return [...drawn.filter((c) => !c.focused), ...drawn.filter((c) => c.focused)].map((c) => c.markup).join("");
}
