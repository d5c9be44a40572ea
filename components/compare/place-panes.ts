import type { CompareState } from "@/lib/compare/compare-state";
import type { ScrollGuard } from "./aligned-scroll";
import { holdInPaneWhileLaidOut, inPaneView, isShown, jumpedElements, landingScrollTop, type PaneOf, paneBlock } from "./pane-dom";
import { SIDES } from "./sides";

/** Gap left above the block a pane opens at. */
const TOP_MARGIN = 8;

/** What of a view's state says where its panes stand. */
export type PanePlaces = Pick<CompareState, "lp" | "rp" | "jumped">;

/**
 * Puts each shown pane where a view says (a shared link opened, a history step taken): the block of its
 * position (`lp`, `rp`) at its top, and then, if the place a jump landed on (`j`) is in that pane but not
 * in view, that place where a jump puts it, so what is outlined is always on screen, and held there while
 * the sections around it are laid out. Positions set here are marked in `guard` as the script's, so
 * aligned mode does not follow them.
 */
export function placePanes(paneOf: PaneOf, places: PanePlaces, guard: ScrollGuard): void {
  for (const side of SIDES) {
    const pane = paneOf(side);
    if (!pane || !isShown(pane)) continue;
    const anchor = side === "left" ? places.lp : places.rp;
    const block = anchor ? paneBlock(pane, side, anchor) : null;
    if (block) pane.scrollTop += block.getBoundingClientRect().top - pane.getBoundingClientRect().top - TOP_MARGIN;
    const landed = places.jumped?.side === side ? jumpedElements(pane, places.jumped) : [];
    if (landed[0] && !inPaneView(pane, landed[0])) pane.scrollTop = landingScrollTop(pane, landed[0]);
    guard[side] = pane.scrollTop;
    const held = landed[0] ?? block;
    if (held) holdInPaneWhileLaidOut(pane, held, (scrollTop) => (guard[side] = scrollTop));
  }
}
