/**
 * The reader's URLs, built and read in one place so that every link the app hands out can be opened again.
 *
 * - `/read/<slug>#<anchor>`: a heading, paragraph, note (`n-…`) or citation (`n-…-c<i>`).
 * - `/read/<slug>?q=<exact>&qp=<prefix>&qs=<suffix>&qa=<block anchor>&qo=<offset>#<block anchor>`: a selected
 *   passage, as a W3C TextQuoteSelector (exact text with a little context) plus where it stood (block and
 *   UTF-16 offset). The quote is what is looked for; the block and offset only break ties and say where to
 *   look first, so the link still finds its words after the document is re-ingested.
 * - `/read/<slug>?hl=<start>-<end>#<anchor>`: a search hit, characters [start, end) of the block <anchor>.
 * - `/compare?left=<slug>&right=<slug>&lp=<anchor>&rp=<anchor>`: two documents side by side, each pane at a block.
 */

export interface PassageSelector {
  exact: string;
  prefix: string;
  suffix: string;
  /** The block the passage was selected in, when the link was made. */
  blockAnchor: string;
  /** UTF-16 offset of the passage's start in that block's text. */
  offset: number;
}

/** Enough context to tell repeated wordings apart in Chinese prose, short enough to keep links shareable. */
export const SELECTOR_CONTEXT_LENGTH = 20;
/** Longer selections are cut: the link keeps the start of the passage, which is what it is found by. */
export const MAX_QUOTE_LENGTH = 600;

const ANCHOR = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function isAnchor(value: unknown): value is string {
  return typeof value === "string" && ANCHOR.test(value);
}

export function readerPath(slug: string): string {
  return `/read/${encodeURIComponent(slug)}`;
}

export function blockHref(slug: string, anchor: string): string {
  return `${readerPath(slug)}#${encodeURIComponent(anchor)}`;
}

export function passageHref(slug: string, selector: PassageSelector): string {
  const params = new URLSearchParams({
    q: selector.exact.slice(0, MAX_QUOTE_LENGTH),
    qp: selector.prefix.slice(-SELECTOR_CONTEXT_LENGTH),
    qs: selector.suffix.slice(0, SELECTOR_CONTEXT_LENGTH),
    qa: selector.blockAnchor,
    qo: String(selector.offset),
  });
  return `${readerPath(slug)}?${params.toString()}#${encodeURIComponent(selector.blockAnchor)}`;
}

export interface ComparePanes {
  left: string;
  right: string;
  lp?: string | null;
  rp?: string | null;
}

export function compareHref(panes: ComparePanes): string {
  const params = new URLSearchParams({ left: panes.left, right: panes.right });
  if (panes.lp) params.set("lp", panes.lp);
  if (panes.rp) params.set("rp", panes.rp);
  return `/compare?${params.toString()}`;
}

type SearchParams = Record<string, string | string[] | undefined>;

function single(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

/** The selected passage a URL carries, or null when it carries none (or a malformed one). */
export function readPassageSelector(params: SearchParams): PassageSelector | null {
  const exact = single(params, "q");
  if (!exact || exact.trim() === "") return null;
  const blockAnchor = single(params, "qa");
  const offset = Number(single(params, "qo"));
  return {
    exact: exact.slice(0, MAX_QUOTE_LENGTH),
    prefix: (single(params, "qp") ?? "").slice(-SELECTOR_CONTEXT_LENGTH),
    suffix: (single(params, "qs") ?? "").slice(0, SELECTOR_CONTEXT_LENGTH),
    blockAnchor: isAnchor(blockAnchor) ? blockAnchor : "",
    offset: Number.isInteger(offset) && offset >= 0 ? offset : -1,
  };
}

/** `hl=<start>-<end>` of a search hit, or null. */
export function readHitRange(value: string | string[] | undefined): { start: number; end: number } | null {
  const raw = Array.isArray(value) ? value[0] : value;
  const match = raw ? /^(\d{1,7})-(\d{1,7})$/.exec(raw) : null;
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end > start ? { start, end } : null;
}
