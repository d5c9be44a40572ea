import { MAX_QUOTE_LENGTH } from "@/lib/urls/app-urls";

/** A block's text from its runs (each carrying its offset, `data-o`): a later run overwrites from its offset on. */
export function blockTextFromRuns(runs: Iterable<{ offset: number; text: string }>): string {
  let text = "";
  for (const run of runs) text = text.slice(0, run.offset) + run.text;
  return text;
}

/** The passage a selection of [start, end) links to: cut to MAX_QUOTE_LENGTH; null when empty or only blank. */
export function selectedPassage(text: string, start: number, end: number): { start: number; end: number } | null {
  const cut = Math.min(end, start + MAX_QUOTE_LENGTH);
  if (cut <= start || text.slice(start, cut).trim() === "") return null;
  return { start, end: cut };
}

/**
 * Where the "copy link to selection" button stands: below the middle of the selection, kept inside the
 * viewport even when the selection has scrolled out of it.
 */
export function selectionLinkPlace(
  selection: { bottom: number; left: number; width: number },
  viewport: { width: number; height: number },
): { top: number; left: number } {
  return {
    top: Math.max(8, Math.min(selection.bottom + 8, viewport.height - 48)),
    left: Math.max(8, Math.min(selection.left + selection.width / 2 - 80, viewport.width - 200)),
  };
}
