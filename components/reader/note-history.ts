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
