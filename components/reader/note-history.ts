/** The key in `history.state` that says which note popover this history entry has open. */
export const NOTE_STATE_KEY = "duizhaoNote";

type HistoryState = Record<string, unknown> | null;

/** The note popover (its id) that a history entry has open, if any. */
export function openNoteOf(state: HistoryState): unknown {
  return state?.[NOTE_STATE_KEY];
}

/** A history entry's state with `note` open in it. */
export function withOpenNote(state: HistoryState, note: string): Record<string, unknown> {
  return { ...state, [NOTE_STATE_KEY]: note };
}

/** A history entry's state with no note open in it. */
export function withoutOpenNote(state: Record<string, unknown>): Record<string, unknown> {
  const { [NOTE_STATE_KEY]: _note, ...rest } = state;
  return rest;
}

/**
 * Whether following `link` on this click leaves the page for another of this site's pages in this tab:
 * not a new tab or window (modifier keys, `target`), not another site, not a fragment of this page.
 */
export function leavesPage(
  link: { href: string; target: string; origin: string; pathname: string; search: string },
  click: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean },
  here: { origin: string; pathname: string; search: string },
): boolean {
  if (click.button !== 0 || click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return false;
  if (link.target && link.target !== "_self") return false;
  if (link.origin !== here.origin) return false;
  return link.pathname !== here.pathname || link.search !== here.search;
}
