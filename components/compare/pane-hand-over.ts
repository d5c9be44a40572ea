/**
 * The panes' exact positions, handed to the view that replaces this one when a concept is picked or
 * dropped: with and without concepts the page comes from different routes (one of them cached), so the
 * panes are new, and the blocks named in `lp`/`rp` alone would move a long paragraph to its start.
 *
 * No component outlives that change of route, so the positions wait in the tab's session storage, for
 * the next panes of the same two documents to take within a few seconds, and only once.
 */
/**
 * Where a pane stood: its scrollTop, and the block at its top with that block's distance from the pane's top
 * edge. The block is what is put back: the sections of the new panes are laid out only near the screen, so
 * the same scrollTop can stand elsewhere in them; the scrollTop serves when the block is not there.
 */
export interface PanePosition {
  scrollTop: number;
  block: string | null;
  offset: number;
}

export type PanePositions = Record<"left" | "right", PanePosition>;

export const HAND_OVER_MS = 10_000;
const STORAGE_KEY = "duizhao:compare-hand-over";

/** The pair of documents a hand-over is for. */
export const documentPair = (left: string, right: string) => `${left}|${right}`;

export function encodeHandOver(documents: string, positions: PanePositions, now: number): string {
  return JSON.stringify({ documents, at: now, left: positions.left, right: positions.right });
}

/** The positions handed over to these documents, if they were left less than HAND_OVER_MS ago. */
export function decodeHandOver(raw: string | null, documents: string, now: number): PanePositions | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { documents: pair, at, left, right } = value as Record<string, unknown>;
  if (pair !== documents || typeof at !== "number" || !(now - at < HAND_OVER_MS)) return null;
  const leftPosition = readPosition(left);
  const rightPosition = readPosition(right);
  return leftPosition && rightPosition ? { left: leftPosition, right: rightPosition } : null;
}

function readPosition(value: unknown): PanePosition | null {
  if (typeof value !== "object" || value === null) return null;
  const { scrollTop, block, offset } = value as Record<string, unknown>;
  if (typeof scrollTop !== "number" || !Number.isFinite(scrollTop) || typeof offset !== "number" || !Number.isFinite(offset)) return null;
  if (block !== null && typeof block !== "string") return null;
  return { scrollTop, block, offset };
}

/** Leaves the panes' positions for the view about to replace this one (nothing when storage is refused). */
export function leaveHandOver(documents: string, positions: PanePositions): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, encodeHandOver(documents, positions, Date.now()));
  } catch {
    // Storage refused (a private window's quota, a policy): the panes open at `lp`/`rp` instead.
  }
}

/** Takes (and removes) the positions left for these documents, if any are still fresh. */
export function takeHandOver(documents: string): PanePositions | null {
  let raw: string | null;
  try {
    raw = window.sessionStorage.getItem(STORAGE_KEY);
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    return null;
  }
  return decodeHandOver(raw, documents, Date.now());
}
